package dpcsim.actors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;

/**
 * The readiness check behind {@code /health/ready} (dpcsim.conf names it for Pekko Management):
 * this node is ready while it is an Up (or WeaklyUp) member of the cluster. It asks this node only,
 * never another one.
 */
public final class MemberUpCheck implements Supplier<CompletionStage<Boolean>> {
  private final Cluster cluster;

  /** Pekko Management constructs it with the node's actor system. */
  public MemberUpCheck(ActorSystem system) {
    this.cluster = Cluster.get(system);
  }

  @Override
  public CompletionStage<Boolean> get() {
    MemberStatus s = cluster.selfMember().status();
    return CompletableFuture.completedFuture(
        s.equals(MemberStatus.up()) || s.equals(MemberStatus.weaklyUp()));
  }
}
