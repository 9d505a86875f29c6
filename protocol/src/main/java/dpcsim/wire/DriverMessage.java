package dpcsim.wire;

import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.WindowReport;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Messages to a run's driver (the coordinator's child that runs the windows). Not sealed: the
 * driver adds its private timer and watch messages.
 */
public interface DriverMessage extends CborSerializable {
  /**
   * A host built its processors: where each stands before the first window, and the processor
   * actors (in processor order), which take shared-KDPC steps straight from the driver.
   */
  record Prepared(
      String runId,
      String host,
      List<ProcessorStatus> statuses,
      List<ActorRef<ProcessorMessage>> processors)
      implements DriverMessage {}

  /**
   * A part of a host's answer to a step. Reports are cut in parts so that no message is larger than
   * a remote frame; {@code last} marks the host's final part for the step.
   *
   * @param processorMessages the messages the host and its processor actors exchanged for the step
   *     (a command to each and each one's answer), on the last part; 0 on the others
   */
  record Report(
      String runId,
      long step,
      String host,
      List<WindowReport> parts,
      boolean last,
      int processorMessages)
      implements DriverMessage {}

  /**
   * A processor threw: the run ends with this error.
   *
   * @param scenarioFault the scenario caused it (exit 2), else an internal error (exit 1)
   */
  record Failed(
      String runId, String host, int cpu, long timeNs, String cause, boolean scenarioFault)
      implements DriverMessage {}

  /** The client wrote trace batch {@code batch}: the driver may send more. */
  record TraceAck(String runId, long batch) implements DriverMessage {}

  /** The debugger goes on with a paused run, to the next pause {@code control} sets. */
  record Continue(String runId, DebugControl control) implements DriverMessage {}
}
