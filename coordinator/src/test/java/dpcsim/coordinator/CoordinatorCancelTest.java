package dpcsim.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.typesafe.config.ConfigFactory;
import dpcsim.node.NodeHost;
import dpcsim.trace.TraceConsumer;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.HostMessage;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client cancels its run ({@code CancelRun}, as an interrupted {@code dpcsim run --cluster}
 * does): the coordinator ends it at once wherever it is (running, queued, waiting for nodes), the
 * hosts drop it, and the next queued run starts. The hosts are fakes that prepare and then never
 * answer a window, so a run only ends if the cancel ends it. Messages are serialized as across
 * nodes.
 */
@ExtendWith(LogCapturingExtension.class)
class CoordinatorCancelTest {
  ActorTestKit testKit;
  ActorRef<CoordinatorMessage> coordinator;
  TestProbe<HostMessage> hostSaw;

  @BeforeEach
  void start() {
    testKit =
        ActorTestKit.create(
            "cancel",
            ConfigFactory.parseString(
                "pekko.actor.serialize-messages = on\npekko.actor.serialize-creators = off"));
    coordinator = testKit.spawn(Coordinator.create(), "coordinator");
    hostSaw = testKit.createTestProbe();
  }

  @AfterEach
  void stop() {
    testKit.shutdownTestKit();
  }

  /** A host that prepares as a real one would, tells {@code hostSaw} everything, and stalls. */
  private Behavior<HostMessage> stallingHost() {
    return Behaviors.setup(
        ctx -> {
          ctx.getSystem().receptionist().tell(Receptionist.register(NodeHost.KEY, ctx.getSelf()));
          return Behaviors.receiveMessage(
              m -> {
                hostSaw.getRef().tell(m);
                if (m instanceof HostMessage.Prepare p) {
                  FakeHosts.answerPrepare(ctx, p);
                }
                return Behaviors.same();
              });
        });
  }

  private record Client(ActorRef<RunClient.Command> ref, CompletableFuture<RunClient.Outcome> end) {
    RunClient.Outcome.Cancelled awaitCancelled() {
      return assertInstanceOf(
          RunClient.Outcome.Cancelled.class, end.orTimeout(10, TimeUnit.SECONDS).join());
    }
  }

  private Client submit(int nodes) {
    CompletableFuture<RunClient.Outcome> outcome = new CompletableFuture<>();
    ActorRef<RunClient.Command> ref =
        testKit.spawn(
            RunClient.create(
                coordinator,
                new ScenarioSource(CoordinatorFaultsTest.TWO_CPUS, "two.yaml", 0, -1),
                nodes,
                Long.MAX_VALUE,
                30_000,
                60_000,
                Duration.ofSeconds(20),
                (TraceConsumer) e -> {},
                outcome,
                null,
                paused -> {}));
    return new Client(ref, outcome);
  }

  private CoordinatorMessage.Status status() {
    TestProbe<CoordinatorMessage.Status> probe = testKit.createTestProbe();
    coordinator.tell(new CoordinatorMessage.GetStatus(probe.getRef()));
    return probe.receiveMessage();
  }

  /** The next message of {@code type} the host saw, skipping others. */
  private <T extends HostMessage> T expectHost(Class<T> type) {
    while (true) {
      HostMessage m = hostSaw.receiveMessage(Duration.ofSeconds(10));
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
  }

  @Test
  @DisplayName("the running run: cancelled at once, the hosts drop it, the queued run starts")
  void running() {
    testKit.spawn(stallingHost());
    FakeHosts.await(testKit, 1);
    Client first = submit(1);
    assertEquals("run-1", expectHost(HostMessage.Window.class).runId());
    Client second = submit(1);

    first.ref().tell(RunClient.Cancel.INSTANCE);
    assertEquals(0, first.awaitCancelled().reachedNs(), "started, no trace event yet");
    assertEquals("run-1", expectHost(HostMessage.End.class).runId());
    assertEquals("run-2", expectHost(HostMessage.Prepare.class).runId());
    assertFalse(second.end().isDone(), "the next run runs");
    assertEquals("run-2", status().activeRun());
  }

  @Test
  @DisplayName("a queued run: it leaves the queue, the running one goes on")
  void queued() {
    testKit.spawn(stallingHost());
    FakeHosts.await(testKit, 1);
    Client first = submit(1);
    expectHost(HostMessage.Window.class);
    Client second = submit(1);
    hostSaw.awaitAssert(
        () -> {
          assertEquals(1, status().queued());
          return null;
        });

    second.ref().tell(RunClient.Cancel.INSTANCE);
    assertEquals(-1, second.awaitCancelled().reachedNs(), "it never started");
    CoordinatorMessage.Status s = status();
    assertEquals(0, s.queued());
    assertEquals("run-1", s.activeRun());
    assertFalse(first.end().isDone());
  }

  @Test
  @DisplayName("a run waiting for its nodes: cancelled, nothing left waiting")
  void waitingForNodes() {
    testKit.spawn(stallingHost());
    FakeHosts.await(testKit, 1);
    Client waiting = submit(2);
    hostSaw.awaitAssert(
        () -> {
          assertEquals(1, status().queued());
          return null;
        });

    waiting.ref().tell(RunClient.Cancel.INSTANCE);
    assertEquals(-1, waiting.awaitCancelled().reachedNs());
    CoordinatorMessage.Status s = status();
    assertEquals(0, s.queued());
    assertEquals("", s.activeRun());
  }
}
