package dpcsim.coordinator;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * On a long-running processor node: leaves the cluster once its last coordinator member is removed
 * (it left, or was downed). Pekko clusters never merge, so a coordinator restarted at the same
 * address starts a new cluster; the node's process then starts a fresh member that joins it through
 * the seed nodes (docs/cluster.md, "Faults").
 */
final class CoordinatorWatch {
  private CoordinatorWatch() {}

  static Behavior<ClusterEvent.MemberRemoved> create() {
    return Behaviors.setup(
        context -> {
          Cluster cluster = Cluster.get(context.getSystem());
          cluster
              .subscriptions()
              .tell(Subscribe.create(context.getSelf(), ClusterEvent.MemberRemoved.class));
          return Behaviors.receiveMessage(
              removed -> {
                if (removed.member().hasRole(ClusterNode.COORDINATOR_ROLE)
                    && !hasCoordinator(cluster, removed.member())) {
                  context
                      .getLog()
                      .info(
                          "the coordinator {} was removed and none is left; leaving to rejoin",
                          removed.member().address());
                  cluster.manager().tell(Leave.create(cluster.selfMember().address()));
                  return Behaviors.stopped();
                }
                return Behaviors.same();
              });
        });
  }

  /**
   * @return whether a coordinator member other than {@code gone} remains and is staying. The state
   *     may lag the event that reported {@code gone}, so it is left out by name.
   */
  private static boolean hasCoordinator(Cluster cluster, Member gone) {
    for (Member m : cluster.state().getMembers()) {
      if (m.hasRole(ClusterNode.COORDINATOR_ROLE)
          && !m.uniqueAddress().equals(gone.uniqueAddress())
          && m.status() != MemberStatus.removed()
          && m.status() != MemberStatus.down()
          && m.status() != MemberStatus.leaving()
          && m.status() != MemberStatus.exiting()) {
        return true;
      }
    }
    return false;
  }
}
