package dpcsim.wire;

import dpcsim.kernel.CrossCpu;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.trace.TraceColumns;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Messages to a run's driver (the coordinator's child that runs the windows). Not sealed: the
 * driver adds its private timer and watch messages.
 */
public interface DriverMessage extends CborSerializable {
  /**
   * A host built its processors: where each stands before the first window, the processor actors
   * (in processor order), which take shared-KDPC steps straight from the driver, and the node's
   * earliest cross-node output time (NodeWindows#crossOutput).
   */
  record Prepared(
      String runId,
      String host,
      List<ProcessorStatus> statuses,
      List<ActorRef<ProcessorMessage>> processors,
      long crossOutput)
      implements DriverMessage {}

  /**
   * A part of a host's answer to a grant (NodeWindows.GrantReport). Reports are cut in parts so
   * that no message is larger than a remote frame: every part carries a slice of the node's trace
   * (one run in trace order), of its processors' statuses and of the messages leaving the node;
   * {@code last} marks the host's final part, which carries the totals.
   *
   * @param processed events the node's processors processed in the grant (on the last part)
   * @param localMessages messages the node delivered among its processors (on the last part)
   * @param crossOutput the node's earliest cross-node output time (on the last part)
   * @param localWindows local windows the node ran for the grant (on the last part)
   * @param processorMessages the messages the host and its processor actors exchanged for the grant
   *     (a command to each processor of each local window and its answer), on the last part
   */
  record Report(
      String runId,
      long step,
      String host,
      TraceColumns trace,
      List<ProcessorStatus> statuses,
      List<CrossCpu> outbound,
      boolean last,
      long processed,
      long localMessages,
      long crossOutput,
      long localWindows,
      long processorMessages)
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
