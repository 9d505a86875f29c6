package dpcsim.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dpcsim.ExampleScenarios;
import dpcsim.OneNodeCluster;
import dpcsim.ScenarioSources;
import dpcsim.actors.ActorEngine;
import dpcsim.actors.ClusterRun;
import dpcsim.actors.Pauses;
import dpcsim.breakpoint.Breakpoint;
import dpcsim.breakpoint.Stop;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.wire.CoordinatorMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
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
 * The actor engine under the debugger (a one-node cluster, messages serialized as if they crossed
 * nodes): paused at the same times or breakpoints, it shows exactly what the sequential engine
 * shows, and a run that paused writes the trace of one that never did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogCapturingExtension.class)
@DisplayName("the debugger on the actor engine")
class ActorDebugTest {
  ActorTestKit testKit;
  ActorRef<CoordinatorMessage> coordinator;

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

  static Scenario fixture() {
    try {
      Path p = Path.of(ActorDebugTest.class.getResource("/debug/two-cpus.yaml").toURI());
      return ScenarioLoader.load(p, new LinkedHashSet<>(Profiles.names()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ActorTarget actors(Scenario s) {
    ActorEngine.Options options =
        new ActorEngine.Options(Long.MAX_VALUE, Duration.ofSeconds(30), Duration.ofSeconds(20));
    return new ActorTarget(
        s,
        TraceOutputs.NONE,
        (outputs, first, onPause) ->
            ClusterRun.submit(
                testKit.system(),
                coordinator,
                s,
                ScenarioSources.source(s),
                outputs,
                1,
                30_000,
                options,
                new Pauses(first, onPause)));
  }

  static Stream<Path> examples() {
    return ExampleScenarios.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @DisplayName("paused at the same times: the same processors, KDPCs and IPI state; same trace")
  void sameStateAtTimes(Path file) {
    Scenario s = ExampleScenarios.shortened(file);
    RunResult plain = SequentialEngine.run(s, TraceOutputs.NONE);
    try (SequentialTarget seq = new SequentialTarget(s, TraceOutputs.NONE);
        ActorTarget act = actors(s)) {
      TargetsAgree.assertSameState(s, seq, act, "at 0");
      for (long t : new long[] {s.durationNs() / 7, s.durationNs() / 3, s.durationNs() - 1}) {
        Stop a = seq.runBefore(t, List.of());
        Stop b = act.runBefore(t, List.of());
        assertEquals(a, b, file + " before " + t);
        TargetsAgree.assertSameState(s, seq, act, "before " + t + " ns");
      }
      for (int i = 0; i < 3; i++) {
        act.step(); // one instant: the trace must not notice
      }
      assertEquals(plain.traceSha256(), act.finish().traceSha256(), file.toString());
    }
  }

  @Test
  @DisplayName("breakpoints stop both engines after the same instant, on the same processor")
  void sameBreakpoints() {
    Scenario s = fixture();
    try (SequentialTarget seq = new SequentialTarget(s, TraceOutputs.NONE);
        ActorTarget act = actors(s)) {
      for (List<Breakpoint> bps :
          List.of(
              List.<Breakpoint>of(new Breakpoint.OnIpi()),
              List.<Breakpoint>of(new Breakpoint.OnDpc("rxHigh")),
              List.<Breakpoint>of(new Breakpoint.OnDpc("rxLow"), new Breakpoint.OnIpi()))) {
        Stop a = seq.runBefore(Long.MAX_VALUE, bps);
        Stop b = act.runBefore(Long.MAX_VALUE, bps);
        assertEquals(a, b);
        assertTrue(a.hit() != null, a::toString);
        TargetsAgree.assertSameState(s, seq, act, "at " + a);
      }
      assertEquals(seq.finish().traceSha256(), act.finish().traceSha256());
    }
  }

  @Test
  @DisplayName("a breakpoint on an example with IPIs: same stop, same state")
  void breakOnIpiInAnExample() {
    Scenario s =
        ExampleScenarios.shortened(
            ExampleScenarios.repoRoot().resolve("scenarios/remote-high.yaml"));
    try (SequentialTarget seq = new SequentialTarget(s, TraceOutputs.NONE);
        ActorTarget act = actors(s)) {
      for (int i = 0; i < 3; i++) {
        Stop a = seq.runBefore(Long.MAX_VALUE, List.of(new Breakpoint.OnIpi()));
        Stop b = act.runBefore(Long.MAX_VALUE, List.of(new Breakpoint.OnIpi()));
        assertEquals(a, b);
        TargetsAgree.assertSameState(s, seq, act, "at " + a);
      }
      assertEquals(
          SequentialEngine.run(s, TraceOutputs.NONE).traceSha256(), act.finish().traceSha256());
    }
  }
}
