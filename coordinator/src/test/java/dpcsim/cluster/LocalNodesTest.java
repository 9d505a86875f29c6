package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.ScenarioSources;
import dpcsim.actors.ActorEngine;
import dpcsim.actors.LocalCluster;
import dpcsim.engine.CancelToken;
import dpcsim.engine.Placement;
import dpcsim.engine.RunCancelled;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md's invariant across nodes: a coordinator and 2 or 3 processor nodes, each its own actor
 * system on 127.0.0.1 talking over Artery TCP, give the sequential engine's trace; and a cancelled
 * run frees them for the next.
 */
class LocalNodesTest {
  @ParameterizedTest(name = "{0} nodes")
  @ValueSource(ints = {2, 3})
  @DisplayName("--local-nodes N == sequential, processors placed in contiguous ranges")
  void sameTraceOnSeveralNodes(int nodes) {
    try (LocalCluster cluster = LocalCluster.start(nodes)) {
      for (String name : List.of("nic-storm-spread4.yaml", "server-64.yaml", "remote-high.yaml")) {
        Scenario s =
            ExampleScenarios.shortened(ExampleScenarios.repoRoot().resolve("scenarios/" + name));
        RunResult seq = SequentialEngine.run(s, null, false);
        RunResult multi =
            cluster.run(
                s,
                ScenarioSources.source(s),
                TraceOutputs.NONE,
                new ActorEngine.Options(
                    Long.MAX_VALUE, Duration.ofSeconds(60), Duration.ofSeconds(20)));
        assertEquals(seq.traceSha256(), multi.traceSha256(), name + " on " + nodes + " nodes");
        assertEquals(nodes, multi.nodes());
        int expectedFirst = 0;
        for (Placement p : multi.placement()) {
          assertEquals(expectedFirst, p.firstCpu(), "contiguous ranges");
          expectedFirst = p.endCpu();
        }
        assertEquals(s.processors(), expectedFirst);
        assertEquals(nodes, multi.placement().stream().map(Placement::address).distinct().count());
      }
    }
  }

  @Test
  @DisplayName("a cancelled run ends at once on every node; the next run there completes")
  void cancelThenNext() throws Exception {
    try (LocalCluster cluster = LocalCluster.start(2)) {
      Path file = ExampleScenarios.repoRoot().resolve("scenarios/server-64.yaml");
      Scenario minutes = ExampleScenarios.load(file).withDuration(60_000_000_000L);
      CancelToken cancel = new CancelToken();
      CompletableFuture<Void> underWay = new CompletableFuture<>();
      TraceOutputs watched = new TraceOutputs(null, false, List.of(e -> underWay.complete(null)));
      ActorEngine.Options options =
          new ActorEngine.Options(
              Long.MAX_VALUE, Duration.ofSeconds(60), Duration.ofSeconds(20), cancel);
      CompletableFuture<RunResult> first =
          CompletableFuture.supplyAsync(
              () -> cluster.run(minutes, ScenarioSources.source(minutes), watched, options));
      underWay.get(60, TimeUnit.SECONDS);

      long cancelledAt = System.nanoTime();
      cancel.cancel();
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> first.get(30, TimeUnit.SECONDS));
      double seconds = (System.nanoTime() - cancelledAt) / 1e9;
      RunCancelled c = assertInstanceOf(RunCancelled.class, e.getCause());
      assertTrue(c.reachedNs() >= 0 && c.reachedNs() < minutes.durationNs(), "" + c.reachedNs());
      assertTrue(seconds < 10, "ended " + seconds + " s after the cancel");

      Scenario s = ExampleScenarios.shortened(file);
      RunResult next =
          cluster.run(s, ScenarioSources.source(s), TraceOutputs.NONE, ActorEngine.Options.DEFAULT);
      assertEquals(SequentialEngine.run(s, null, false).traceSha256(), next.traceSha256());
      assertEquals(2, next.nodes());
    }
  }
}
