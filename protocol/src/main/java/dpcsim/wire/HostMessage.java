package dpcsim.wire;

import dpcsim.kernel.CrossCpu;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Messages to a node's processor host (one per node, registered with the Receptionist). Not sealed:
 * the host adds its private messages (adapted processor replies).
 */
public interface HostMessage extends CborSerializable {
  /**
   * Build the processors {@code [firstCpu, endCpu)} of the scenario and report where they stand.
   * The global tunables and their changes belong to the coordinator, which sends them here.
   */
  record Prepare(
      String runId,
      ScenarioSource scenario,
      int firstCpu,
      int endCpu,
      List<TunableChange> tunables,
      ActorRef<DriverMessage> driver)
      implements HostMessage {}

  /** Run these processors to {@code horizon} (DESIGN.md: one message per node per window). */
  record Window(String runId, long step, long horizon, List<CpuWork> work) implements HostMessage {}

  /** The run is over (or failed): drop its processors. */
  record End(String runId) implements HostMessage {}

  /** One processor's part of a window: the messages that reached it. */
  record CpuWork(int cpu, List<CrossCpu> inbound) implements CborSerializable {}
}
