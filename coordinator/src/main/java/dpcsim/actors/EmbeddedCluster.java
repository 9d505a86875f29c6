package dpcsim.actors;

import dpcsim.coordinator.ClusterNode;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.List;

/**
 * The embedded default: this JVM as a one-node Pekko cluster (cluster provider, Artery on
 * 127.0.0.1, a free port) with both roles, joined to itself. It can run many scenarios; close it to
 * leave the cluster and stop the actor system.
 */
public final class EmbeddedCluster implements Engine {
  private final ClusterMember member;

  private EmbeddedCluster(ClusterMember member) {
    this.member = member;
  }

  /** Starts the actor system and joins it to itself. */
  public static EmbeddedCluster start() {
    return new EmbeddedCluster(
        ClusterMember.start(
            new ClusterMember.Settings(
                List.of(ClusterNode.COORDINATOR_ROLE, ClusterNode.PROCESSOR_ROLE),
                null,
                null,
                List.of(),
                null),
            Duration.ofSeconds(30)));
  }

  @Override
  public String name() {
    return ActorEngine.NAME;
  }

  /** Runs on this node. */
  @Override
  public RunResult run(
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      ActorEngine.Options options,
      Pauses pauses) {
    return ClusterRun.submit(
        member.system(),
        member.coordinator(),
        scenario,
        source,
        outputs,
        Math.min(
            scenario.processors(),
            member.system().settings().config().getInt(ClusterNode.PARTITIONS)),
        30_000,
        options,
        pauses);
  }

  /** Leaves the cluster and stops the actor system (waits up to 20 s). */
  @Override
  public void close() {
    member.close();
  }

  /**
   * Starts leaving the cluster and stopping the actor system, waiting at most {@code wait}. A
   * process about to exit passes zero: the one-node cluster's graceful leave buys it nothing.
   */
  @Override
  public void closeWithin(Duration wait) {
    member.closeWithin(wait);
  }
}
