package dpcsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import dpcsim.coordinator.ClusterNode;
import dpcsim.wire.CoordinatorMessage;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A one-node cluster in a test kit, joined to itself and Up, with its coordinator singleton found:
 * what the actor-engine tests start once per class.
 *
 * @param testKit the node's test kit (shut it down after the class)
 * @param coordinator the coordinator singleton's proxy
 */
public record OneNodeCluster(ActorTestKit testKit, ActorRef<CoordinatorMessage> coordinator) {
  /** Starts the node with {@code config} and waits (up to 20 s) until it is Up. */
  public static OneNodeCluster start(Config config) {
    ActorTestKit testKit = ActorTestKit.create("dpcsim", config);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    testKit
        .createTestProbe()
        .awaitAssert(
            Duration.ofSeconds(20),
            () -> {
              assertEquals(MemberStatus.up(), cluster.selfMember().status());
              return null;
            });
    var guardian = testKit.spawn(ClusterNode.create(), "node");
    var probe = testKit.<ActorRef<CoordinatorMessage>>createTestProbe();
    guardian.tell(new ClusterNode.GetCoordinator(probe.getRef()));
    return new OneNodeCluster(testKit, probe.receiveMessage());
  }
}
