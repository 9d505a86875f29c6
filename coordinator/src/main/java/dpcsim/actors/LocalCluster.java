package dpcsim.actors;

import dpcsim.coordinator.ClusterNode;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --local-nodes N}: a coordinator node and N processor nodes, each its own actor system on a
 * free 127.0.0.1 port in this JVM, talking over real Artery TCP. The topology of a real cluster
 * without starting processes.
 */
public final class LocalCluster implements Engine {
  /** The engine's name in the registry. */
  public static final String NAME = "local-nodes";

  private final ClusterMember coordinator;
  private final List<ClusterMember> nodes;

  private LocalCluster(ClusterMember coordinator, List<ClusterMember> nodes) {
    this.coordinator = coordinator;
    this.nodes = nodes;
  }

  /** Starts the coordinator node, then {@code n} processor nodes that join through it. */
  public static LocalCluster start(int n) {
    ClusterMember c =
        ClusterMember.start(
            new ClusterMember.Settings(
                List.of(ClusterNode.COORDINATOR_ROLE), "127.0.0.1", 0, List.of(), null),
            Duration.ofSeconds(30));
    List<ClusterMember> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        nodes.add(
            ClusterMember.start(
                new ClusterMember.Settings(
                    List.of(ClusterNode.PROCESSOR_ROLE),
                    "127.0.0.1",
                    0,
                    List.of(c.address()),
                    null),
                Duration.ofSeconds(30)));
      }
    } catch (RuntimeException e) {
      nodes.forEach(m -> m.closeWithin(Duration.ZERO));
      c.closeWithin(Duration.ZERO);
      throw e;
    }
    return new LocalCluster(c, nodes);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Runs on all the processor nodes. */
  @Override
  public RunResult run(
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      ActorEngine.Options options,
      Pauses pauses) {
    return ClusterRun.submit(
        coordinator.system(),
        coordinator.coordinator(),
        scenario,
        source,
        outputs,
        nodes.size(),
        30_000,
        options,
        pauses);
  }

  /** Stops the processor nodes, then the coordinator, waiting up to {@code wait} for each. */
  @Override
  public void closeWithin(Duration wait) {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).closeWithin(wait);
    }
    coordinator.closeWithin(wait);
  }

  @Override
  public void close() {
    closeWithin(Duration.ofSeconds(20));
  }
}
