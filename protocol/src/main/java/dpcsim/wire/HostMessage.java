package dpcsim.wire;

import dpcsim.kernel.CrossCpu;
import dpcsim.lookahead.ProcessorStatus;
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
      List<Integer> nodeFirsts,
      List<TunableChange> tunables,
      ActorRef<DriverMessage> driver)
      implements HostMessage {}

  /**
   * A grant: run every processor of this node to {@code horizon} (none past {@code lastInstant}),
   * in local windows of the node's own, after delivering the messages from other nodes in {@code
   * work}; one message per node per synchronisation, answered by one report.
   *
   * @param refreshed where processors of this node stand after shared-KDPC steps the driver ran
   *     straight on them since the last grant
   */
  record Window(
      String runId,
      long step,
      long horizon,
      long lastInstant,
      List<CpuWork> work,
      List<ProcessorStatus> refreshed)
      implements HostMessage {}

  /** The run is over (or failed): drop its processors. */
  record End(String runId) implements HostMessage {}

  /** One processor's part of a window: the messages that reached it. */
  record CpuWork(int cpu, List<CrossCpu> inbound) implements CborSerializable {}
}
