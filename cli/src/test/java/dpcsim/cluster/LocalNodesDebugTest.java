package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.ScenarioSources;
import dpcsim.actors.ActorEngine;
import dpcsim.actors.LocalCluster;
import dpcsim.actors.Pauses;
import dpcsim.breakpoint.Breakpoint;
import dpcsim.breakpoint.Stop;
import dpcsim.debug.ActorTarget;
import dpcsim.debug.SequentialTarget;
import dpcsim.debug.TargetsAgree;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The debugger across nodes: a coordinator and 2 processor nodes over Artery on 127.0.0.1. The
 * commands ask processor actors on either node (and each node's copy of the KDPCs); what they see
 * at a break equals the sequential engine's, and the paused run's trace is the undisturbed one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the debugger on 2 local nodes")
class LocalNodesDebugTest {
  LocalCluster cluster;

  @BeforeAll
  void start() {
    cluster = LocalCluster.start(2);
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  private ActorTarget actors(Scenario s) {
    ActorEngine.Options options =
        new ActorEngine.Options(Long.MAX_VALUE, Duration.ofSeconds(60), Duration.ofSeconds(20));
    return new ActorTarget(
        s,
        TraceOutputs.NONE,
        (outputs, first, onPause) ->
            cluster.run(
                s, ScenarioSources.source(s), outputs, options, new Pauses(first, onPause)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"remote-high.yaml", "script-tour.yaml", "nic-rss-spread8.yaml"})
  @DisplayName("at times and at IPI breakpoints: the sequential engine's state; same trace")
  void sameStateAcrossNodes(String name) {
    Scenario s =
        ExampleScenarios.shortened(ExampleScenarios.repoRoot().resolve("scenarios/" + name));
    try (SequentialTarget seq = new SequentialTarget(s, TraceOutputs.NONE);
        ActorTarget act = actors(s)) {
      for (long t : new long[] {s.durationNs() / 5, s.durationNs() / 2}) {
        assertEquals(seq.runBefore(t, List.of()), act.runBefore(t, List.of()), name);
        TargetsAgree.assertSameState(s, seq, act, "before " + t + " ns");
      }
      List<Breakpoint> bp = List.of(new Breakpoint.OnIpi());
      Stop a = seq.runBefore(s.durationNs() / 2 + 2_000_000, bp);
      Stop b = act.runBefore(s.durationNs() / 2 + 2_000_000, bp);
      assertEquals(a, b, name);
      TargetsAgree.assertSameState(s, seq, act, "at " + a);
      assertTrue(b.reachedNs() > s.durationNs() / 2, b::toString);
      assertEquals(
          SequentialEngine.run(s, TraceOutputs.NONE).traceSha256(), act.finish().traceSha256());
    }
  }
}
