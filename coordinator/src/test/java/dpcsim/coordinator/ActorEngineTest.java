package dpcsim.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dpcsim.ExampleScenarios;
import dpcsim.OneNodeCluster;
import dpcsim.ScenarioSources;
import dpcsim.actors.ActorEngine;
import dpcsim.actors.ClusterRun;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.stats.StatsCollector;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceFanout;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.ScenarioSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The actor engine on a real one-node cluster (Artery on 127.0.0.1, a free port), every message
 * serialized as if it crossed nodes. DESIGN.md's invariant: the same trace hash as the sequential
 * engine, whatever the window size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogCapturingExtension.class)
class ActorEngineTest {
  static Config config() {
    return ConfigFactory.parseString(
            """
            pekko.actor.serialize-messages = on
            pekko.actor.serialize-creators = off
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            pekko.loglevel = INFO
            """)
        .withFallback(ActorEngine.embeddedConfig());
  }

  ActorTestKit testKit;
  ActorRef<CoordinatorMessage> coordinator;

  @BeforeAll
  void startCluster() {
    OneNodeCluster node = OneNodeCluster.start(config());
    testKit = node.testKit();
    coordinator = node.coordinator();
  }

  @AfterAll
  void stopCluster() {
    testKit.shutdownTestKit();
  }

  static Stream<Path> scenarios() {
    return ExampleScenarios.files().stream();
  }

  private RunResult actors(Scenario s, long cap) {
    ScenarioSource source = ScenarioSources.source(s);
    return ClusterRun.submit(
        testKit.system(),
        coordinator,
        s,
        source,
        TraceOutputs.NONE,
        1,
        new ActorEngine.Options(cap, Duration.ofSeconds(30), Duration.ofSeconds(20)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("actors == sequential for every example, windows unbounded, 50 us and 700 ns")
  void sameTraceAsSequential(Path file) {
    Scenario s = ExampleScenarios.shortened(file);
    RunResult seq = SequentialEngine.run(s, null, false);
    for (long cap : new long[] {Long.MAX_VALUE, 50_000, 700}) {
      RunResult a = actors(s, cap);
      assertEquals(seq.traceSha256(), a.traceSha256(), file + " with window cap " + cap);
      assertEquals(seq.stats(), a.stats());
      assertEquals("actors", a.engine());
    }
  }

  @ParameterizedTest(name = "N={0} K={1}")
  @org.junit.jupiter.params.provider.CsvSource({"8, 2, 5ms", "64, 4, 2ms"})
  @DisplayName("DPC-PHOLD: actors == sequential, tokens migrating between processors")
  void pholdSameTraceAsSequential(int n, int k, String duration) throws Exception {
    String yaml = dpcsim.scenario.Phold.yaml(n, k, 0.25, "10us", 42, duration);
    Scenario s =
        dpcsim.scenario.ScenarioLoader.parse(
            yaml, "phold.yaml", new java.util.LinkedHashSet<>(dpcsim.kernel.Profiles.names()));
    RunResult seq = SequentialEngine.run(s, null, false);
    for (long cap : new long[] {Long.MAX_VALUE, 700}) {
      RunResult a =
          ClusterRun.submit(
              testKit.system(),
              coordinator,
              s,
              new ScenarioSource(yaml, "phold.yaml", s.seed(), s.durationNs()),
              TraceOutputs.NONE,
              1,
              new ActorEngine.Options(cap, Duration.ofSeconds(30), Duration.ofSeconds(20)));
      assertEquals(seq.traceSha256(), a.traceSha256(), "window cap " + cap);
      assertEquals(seq.stats(), a.stats());
    }
  }

  /** Runs through a client directly, to see the coordinator's own figures. */
  private RunClient.Outcome submit(String yaml, List<TraceEvent> events) {
    CompletableFuture<RunClient.Outcome> outcome = new CompletableFuture<>();
    StatsCollector stats = new StatsCollector(16);
    testKit.spawn(
        RunClient.create(
            coordinator,
            new ScenarioSource(yaml, "inline.yaml", 0, -1),
            1,
            Long.MAX_VALUE,
            10_000,
            30_000,
            Duration.ofSeconds(30),
            new TraceFanout(List.<TraceConsumer>of(events::add, stats)),
            outcome,
            null,
            paused -> {}));
    return outcome.join();
  }

  @Test
  @DisplayName("the coordinator routes a remote insert; the IPI it causes goes from CPU 0 to CPU 1")
  void routesIpi() {
    List<TraceEvent> events = new ArrayList<>();
    RunClient.Outcome o =
        submit(
            """
            processors: 2
            duration: 1ms
            load: { cpus: { 1: 1.0 } }
            dpcs:
              toBusy: { importance: high, target: 1, routine: { duration: 10us } }
            script:
              - { at: 10us, cpu: 0, do: insert, dpc: toBusy }
            """,
            events);
    RunClient.Outcome.Completed done = assertInstanceOf(RunClient.Outcome.Completed.class, o);
    assertEquals(1, done.finished().messages(), "one routed remote insert");
    TraceEvent.IpiSend send =
        events.stream()
            .filter(e -> e instanceof TraceEvent.IpiSend)
            .map(e -> (TraceEvent.IpiSend) e)
            .findFirst()
            .orElseThrow();
    assertEquals(0, send.cpu());
    assertEquals(1, send.to());
    assertTrue(events.stream().anyMatch(e -> e instanceof TraceEvent.IpiReceive r && r.cpu() == 1));
    assertEquals(1, done.placement().size());
    assertEquals(0, done.placement().get(0).firstCpu());
    assertEquals(2, done.placement().get(0).endCpu());
  }

  @Test
  @DisplayName("R-30: the coordinator's idle summary follows the processors' reports")
  void idleSummary() {
    RunClient.Outcome o =
        submit(
            """
            processors: 4
            duration: 1ms
            load: { cpus: { 1: 1.0, 2: 1.0 } }
            script:
              - { at: 500us, cpu: 0, do: raiseIrql, level: DISPATCH }
            """,
            new ArrayList<>());
    RunClient.Outcome.Completed done = assertInstanceOf(RunClient.Outcome.Completed.class, o);
    assertEquals("8", done.finished().idleSummary(), "only CPU 3 is idle at the end");
  }
}
