package dpcsim.engine;

import dpcsim.coordinator.ClusterNode;
import dpcsim.scenario.Scenario;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.ScenarioSource;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * The embedded default: this JVM as a one-node Pekko cluster (cluster provider, Artery on
 * 127.0.0.1, a free port) with both roles, joined to itself. It can run many scenarios; close it to
 * leave the cluster and stop the actor system.
 */
public final class EmbeddedCluster implements AutoCloseable {
  private final ActorSystem<ClusterNode.GetCoordinator> system;
  private final ActorRef<CoordinatorMessage> coordinator;

  private EmbeddedCluster(ActorSystem<ClusterNode.GetCoordinator> system) {
    this.system = system;
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    this.coordinator =
        AskPattern.<ClusterNode.GetCoordinator, ActorRef<CoordinatorMessage>>ask(
                system, ClusterNode.GetCoordinator::new, Duration.ofSeconds(10), system.scheduler())
            .toCompletableFuture()
            .join();
  }

  /** Starts the actor system and joins it to itself. */
  public static EmbeddedCluster start() {
    // Initialise logging before Pekko's threads log, so nothing is intercepted and replayed.
    org.slf4j.LoggerFactory.getILoggerFactory();
    return new EmbeddedCluster(
        ActorSystem.create(ClusterNode.create(), "dpcsim", ActorEngine.embeddedConfig()));
  }

  /**
   * Runs {@code scenario} on this node.
   *
   * @throws RunFailure if the run does not complete
   */
  public RunResult run(
      Scenario scenario,
      ScenarioSource source,
      OutputStream traceOut,
      boolean traceTicks,
      ActorEngine.Options options) {
    return ActorEngine.runOn(
        system, coordinator, scenario, source, traceOut, traceTicks, 1, options);
  }

  /** Leaves the cluster and stops the actor system (waits up to 20 s). */
  @Override
  public void close() {
    closeWithin(Duration.ofSeconds(20));
  }

  /**
   * Starts leaving the cluster and stopping the actor system, waiting at most {@code wait}. A
   * process about to exit passes zero: the one-node cluster's graceful leave buys it nothing.
   */
  public void closeWithin(Duration wait) {
    system.terminate();
    if (wait.isZero()) {
      return;
    }
    try {
      system.getWhenTerminated().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Results already delivered do not depend on a clean shutdown.
    }
  }
}
