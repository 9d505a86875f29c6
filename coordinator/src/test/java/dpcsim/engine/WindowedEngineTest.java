package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.ExampleScenarios;
import dpcsim.interconnect.WindowedEngine;
import dpcsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md's invariant for the window protocol: for every example, the windowed engine gives the
 * sequential engine's trace hash, with windows as large as the protocol allows, forced tiny, and
 * with the participants of each window run in a shuffled order.
 */
class WindowedEngineTest {
  static Stream<Path> scenarios() {
    return ExampleScenarios.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("windowed == sequential, for any window cap and participant order")
  void sameTraceAsSequential(Path file) {
    Scenario s = DeterminismTest.shortened(file);
    RunResult seq = SequentialEngine.run(s, null, false);
    for (long cap : new long[] {Long.MAX_VALUE, 50_000, 700}) {
      for (Long shuffle : new Long[] {null, 7L}) {
        int nodes = shuffle == null ? 1 : Math.min(3, s.processors());
        RunResult w = WindowedEngine.run(s, null, false, cap, shuffle, nodes);
        assertEquals(
            seq.traceSha256(),
            w.traceSha256(),
            file
                + " cap "
                + cap
                + " shuffle "
                + shuffle
                + ": "
                + w.events()
                + " vs "
                + seq.events());
        assertEquals(seq.stats(), w.stats());
        assertEquals(seq.simulatedNs(), w.simulatedNs());
      }
    }
  }
}
