package dpcsim.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.node.NodeHost;
import dpcsim.trace.TraceConsumer;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.GzipText;
import dpcsim.wire.HostMessage;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
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
 * How a run fails: the coordinator against fake processor hosts that throw, fall silent or leave.
 * Each failure is one line with the right exit status, never a hang, never a result.
 */
@ExtendWith(LogCapturingExtension.class)
class CoordinatorFaultsTest {
  static final String TWO_CPUS =
      """
      processors: 2
      duration: 1ms
      """;

  ActorTestKit testKit;
  ActorRef<CoordinatorMessage> coordinator;

  @BeforeEach
  void start() {
    testKit =
        ActorTestKit.create(
            "faults",
            ConfigFactory.parseString(
                "pekko.actor.serialize-messages = on\npekko.actor.serialize-creators = off"));
    coordinator = testKit.spawn(Coordinator.create(), "coordinator");
  }

  @AfterEach
  void stop() {
    testKit.shutdownTestKit();
  }

  /** A host that answers Prepare as a real one would, then does what {@code onWork} says. */
  private static Behavior<HostMessage> fakeHost(java.util.function.Consumer<HostMessage> onWork) {
    return Behaviors.setup(
        ctx -> {
          ctx.getSystem().receptionist().tell(Receptionist.register(NodeHost.KEY, ctx.getSelf()));
          return Behaviors.receiveMessage(
              m -> {
                if (m instanceof HostMessage.Prepare p) {
                  FakeHosts.answerPrepare(ctx, p);
                  driver = p.driver();
                } else if (m instanceof HostMessage.Window) {
                  onWork.accept(m);
                }
                return Behaviors.same();
              });
        });
  }

  private static volatile ActorRef<DriverMessage> driver;

  private RunClient.Outcome.Failed submit(int nodes, long progressMs, long waitMs) {
    return submit(TWO_CPUS, nodes, progressMs, waitMs);
  }

  private RunClient.Outcome.Failed submit(String text, int nodes, long progressMs, long waitMs) {
    CompletableFuture<RunClient.Outcome> outcome = new CompletableFuture<>();
    testKit.spawn(
        RunClient.create(
            coordinator,
            new ScenarioSource(text, "two.yaml", 0, -1),
            nodes,
            Long.MAX_VALUE,
            waitMs,
            progressMs,
            Duration.ofSeconds(20),
            (TraceConsumer) e -> {},
            outcome,
            null,
            paused -> {}));
    RunClient.Outcome o = outcome.orTimeout(30, TimeUnit.SECONDS).join();
    return assertInstanceOf(RunClient.Outcome.Failed.class, o);
  }

  @Test
  @DisplayName("a processor that throws on a scenario fault: exit 2, naming processor and time")
  void processorFailure() {
    testKit.spawn(
        fakeHost(
            m ->
                driver.tell(
                    new DriverMessage.Failed(
                        ((HostMessage.Window) m).runId(), "fake", 1, 5_000, "no progress", true))));
    FakeHosts.await(testKit, 1);
    RunClient.Outcome.Failed f = submit(1, 30_000, 5_000);
    assertEquals(2, f.exitStatus());
    assertTrue(f.message().contains("processor 1"), f.message());
    assertTrue(f.message().contains("5000 ns"), f.message());
    assertTrue(f.message().contains("no progress"), f.message());
  }

  @Test
  @DisplayName("a node that never answers: the wall-clock guard ends the run (exit 1)")
  void silentNode() {
    testKit.spawn(fakeHost(m -> {}));
    FakeHosts.await(testKit, 1);
    RunClient.Outcome.Failed f = submit(1, 1_000, 5_000);
    assertEquals(1, f.exitStatus());
    assertTrue(f.message().contains("no answer from the processor nodes"), f.message());
  }

  @Test
  @DisplayName("a node that leaves mid-run: exit 3, naming the node and the processors lost")
  void nodeLeaves() {
    List<ActorRef<HostMessage>> self = new ArrayList<>();
    ActorRef<HostMessage> host =
        testKit.spawn(fakeHost(m -> testKit.stop(self.get(0), Duration.ofSeconds(5))));
    self.add(host);
    FakeHosts.await(testKit, 1);
    RunClient.Outcome.Failed f = submit(1, 30_000, 5_000);
    assertEquals(3, f.exitStatus());
    assertTrue(f.message().contains("left during the run"), f.message());
    assertTrue(f.message().contains("processors 0-1 lost"), f.message());
  }

  @Test
  @DisplayName(
      "a scenario text that inflates beyond 64 frames on arrival: refused in one line (exit 2)")
  void inflationBounded() {
    testKit.spawn(fakeHost(m -> {}));
    FakeHosts.await(testKit, 1);
    // 17 MiB of one letter gzips to about 17 KiB: it crosses the (serialized) wire as a bomb.
    String bomb = TWO_CPUS + "#" + "a".repeat(17 << 20);
    RunClient.Outcome.Failed f = submit(bomb, 1, 30_000, 5_000);
    assertEquals(2, f.exitStatus());
    assertEquals(
        "the scenario two.yaml was refused: a gzipped text of "
            + GzipText.compress(bomb).length
            + " bytes inflates beyond 16 MiB (64 times the 256 KiB frame limit); refused",
        f.message());
  }

  @Test
  @DisplayName("fewer nodes than asked for: one line saying how many joined (exit 2)")
  void notEnoughNodes() {
    testKit.spawn(fakeHost(m -> {}));
    FakeHosts.await(testKit, 1);
    RunClient.Outcome.Failed f = submit(2, 30_000, 400);
    assertEquals(2, f.exitStatus());
    assertEquals("only 1 of 2 processor nodes joined within 0.4 s", f.message());
  }

  @Test
  @DisplayName("a malformed answer from a node ends the run with an internal error, not a hang")
  void driverBug() {
    testKit.spawn(
        Behaviors.<HostMessage>setup(
            ctx -> {
              ctx.getSystem()
                  .receptionist()
                  .tell(Receptionist.register(NodeHost.KEY, ctx.getSelf()));
              return Behaviors.receiveMessage(
                  m -> {
                    if (m instanceof HostMessage.Prepare p) {
                      p.driver()
                          .tell(
                              new DriverMessage.Prepared(
                                  p.runId(),
                                  "broken",
                                  List.of(new ProcessorStatus(0, 0, Long.MAX_VALUE, null, -1)),
                                  List.of(),
                                  Long.MAX_VALUE));
                    }
                    return Behaviors.same();
                  });
            }));
    FakeHosts.await(testKit, 1);
    RunClient.Outcome.Failed f = submit(1, 30_000, 5_000);
    assertEquals(1, f.exitStatus());
    assertTrue(f.message().startsWith("internal error in the run's driver"), f.message());
  }
}
