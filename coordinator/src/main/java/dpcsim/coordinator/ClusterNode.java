package dpcsim.coordinator;

import dpcsim.node.NodeHost;
import dpcsim.wire.CoordinatorMessage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The guardian of a dpcsim cluster node, wired by role as the Pekko cluster samples' App is: a
 * {@code processor} node hosts a {@link NodeHost}; every node can reach the {@link Coordinator}
 * singleton, which runs on the oldest {@code coordinator} node.
 */
public final class ClusterNode {
  /** Roles of the embedded default: one JVM that is both. */
  public static final String COORDINATOR_ROLE = "coordinator";

  public static final String PROCESSOR_ROLE = "processor";

  /** How many hosts (partitions, each a part of the coordinator) a processor node runs. */
  public static final String PARTITIONS = "dpcsim.node.partitions";

  /** The dispatcher of a node's host and its processors: one thread (dpcsim.conf says why). */
  public static final String NODE_DISPATCHER = "dpcsim.node-dispatcher";

  /** Asks the guardian for the coordinator proxy. */
  public record GetCoordinator(ActorRef<ActorRef<CoordinatorMessage>> replyTo)
      implements org.apache.pekko.actor.NoSerializationVerificationNeeded {}

  private ClusterNode() {}

  /** The guardian: spawns the node's host if it has the processor role. */
  public static Behavior<GetCoordinator> create() {
    return Behaviors.setup(
        context -> {
          var cluster = org.apache.pekko.cluster.typed.Cluster.get(context.getSystem());
          if (cluster.selfMember().hasRole(PROCESSOR_ROLE)) {
            int capacity = context.getSystem().settings().config().getInt("dpcsim.node.capacity");
            boolean announce =
                context.getSystem().settings().config().getBoolean("dpcsim.node.announce");
            int partitions = context.getSystem().settings().config().getInt(PARTITIONS);
            for (int i = 0; i < partitions; i++) {
              context.spawn(
                  NodeHost.create(capacity, announce),
                  i == 0 ? "host" : "host-" + i,
                  DispatcherSelector.fromConfig(
                      i == 0 ? NODE_DISPATCHER : NODE_DISPATCHER + "-" + i));
            }
            if (context
                .getSystem()
                .settings()
                .config()
                .getBoolean("dpcsim.node.leave-without-coordinator")) {
              context.spawn(CoordinatorWatch.create(), "coordinator-watch");
            }
          }
          ActorRef<CoordinatorMessage> proxy =
              ClusterSingleton.get(context.getSystem())
                  .init(
                      SingletonActor.of(Coordinator.create(), "coordinator")
                          .withSettings(
                              ClusterSingletonSettings.create(context.getSystem())
                                  .withRole(COORDINATOR_ROLE)));
          return Behaviors.receiveMessage(
              m -> {
                m.replyTo().tell(proxy);
                return Behaviors.same();
              });
        });
  }
}
