package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.ExampleScenarios;
import dpcsim.engine.ActorEngine;
import dpcsim.engine.LocalCluster;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.wire.RunReply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md's invariant across nodes: a coordinator and 2 or 3 processor nodes, each its own actor
 * system on 127.0.0.1 talking over Artery TCP, give the sequential engine's trace.
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
                ExampleScenarios.source(s),
                TraceOutputs.NONE,
                new ActorEngine.Options(
                    Long.MAX_VALUE, Duration.ofSeconds(60), Duration.ofSeconds(20)));
        assertEquals(seq.traceSha256(), multi.traceSha256(), name + " on " + nodes + " nodes");
        assertEquals(nodes, multi.nodes());
        int expectedFirst = 0;
        for (RunReply.Placement p : multi.placement()) {
          assertEquals(expectedFirst, p.firstCpu(), "contiguous ranges");
          expectedFirst = p.endCpu();
        }
        assertEquals(s.processors(), expectedFirst);
        assertEquals(
            nodes, multi.placement().stream().map(RunReply.Placement::address).distinct().count());
      }
    }
  }
}
