package dpcsim.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.lookahead.ProcessorStatus;
import dpcsim.node.NodeHost;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.HostMessage;
import dpcsim.wire.ProcessorMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/** Test fixture for coordinator tests that stand in fake processor hosts for real nodes. */
final class FakeHosts {
  private FakeHosts() {}

  /**
   * Answers {@code p} as a real host would: every processor of its range prepared, idle, with no
   * event pending, each a processor actor that ignores its messages.
   */
  static void answerPrepare(ActorContext<HostMessage> ctx, HostMessage.Prepare p) {
    List<ProcessorStatus> s = new ArrayList<>();
    List<ActorRef<ProcessorMessage>> refs = new ArrayList<>();
    for (int cpu = p.firstCpu(); cpu < p.endCpu(); cpu++) {
      s.add(new ProcessorStatus(cpu, 0, Long.MAX_VALUE, null, -1));
      refs.add(ctx.spawnAnonymous(Behaviors.<ProcessorMessage>ignore()));
    }
    p.driver().tell(new DriverMessage.Prepared(p.runId(), "fake", s, refs, Long.MAX_VALUE));
  }

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
