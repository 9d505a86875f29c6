package dpcsim.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.node.NodeHost;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/** Test fixture: waits until the receptionist lists the fake hosts a test spawned. */
final class RegisteredHosts {
  private RegisteredHosts() {}

  /** Waits (the probe's default bound) until exactly {@code n} processor hosts are registered. */
  static void await(ActorTestKit testKit, int n) {
    var probe = testKit.<Receptionist.Listing>createTestProbe();
    probe.awaitAssert(
        () -> {
          testKit.system().receptionist().tell(Receptionist.find(NodeHost.KEY, probe.getRef()));
          assertEquals(n, probe.receiveMessage().getServiceInstances(NodeHost.KEY).size());
          return null;
        });
  }
}
