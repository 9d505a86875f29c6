package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.interconnect.WindowedEngine;
import dpcsim.scenario.Phold;
import dpcsim.scenario.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DPC-PHOLD (random-target inserts of token KDPCs) gives one trace on the sequential engine and on
 * the windowed protocol with 1, 2 and 3 nodes (each with its own KDPC copies, so tokens migrate
 * between copies) and shuffled participant order.
 */
class PholdEnginesTest {

  @ParameterizedTest(name = "N={0} K={1} remote={2} {3}")
  @CsvSource({"8, 2, 0.25, 5ms", "64, 4, 0.25, 2ms", "5, 3, 1, 3ms", "6, 1, 0, 2ms"})
  @DisplayName("windowed == sequential on 1, 2 and 3 nodes, shuffled")
  void windowedMatchesSequential(int n, int k, double remote, String duration) {
    Scenario s = EnginesAgreeTest.load(Phold.yaml(n, k, remote, "10us", 42, duration));
    RunResult seq = SequentialEngine.run(s, null, false);
    assertTrue(seq.events() > 1_000, seq.events() + " events");
    for (int nodes = 1; nodes <= 3; nodes++) {
      RunResult win = WindowedEngine.run(s, null, false, Long.MAX_VALUE, 7L + nodes, nodes);
      assertEquals(seq.traceSha256(), win.traceSha256(), nodes + " nodes");
      assertEquals(seq.stats(), win.stats());
    }
    RunResult capped = WindowedEngine.run(s, null, false, 700, 3L, 2);
    assertEquals(seq.traceSha256(), capped.traceSha256(), "window cap 700ns");
  }
}
