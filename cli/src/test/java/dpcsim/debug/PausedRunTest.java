package dpcsim.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.breakpoint.Breakpoint;
import dpcsim.breakpoint.Stop;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inspecting never changes a run: the example scenarios, paused many ways (single steps, times,
 * breakpoints, snapshots of every processor at every stop), write the trace an undisturbed run
 * writes.
 */
@DisplayName("a paused sequential run")
class PausedRunTest {
  static Stream<Path> examples() {
    return ExampleScenarios.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @DisplayName("has the traceSha256 of a run that never paused")
  void sameTrace(Path file) {
    Scenario s = ExampleScenarios.shortened(file);
    RunResult plain = SequentialEngine.run(s, TraceOutputs.NONE);
    try (SequentialTarget t = new SequentialTarget(s, TraceOutputs.NONE)) {
      for (int i = 0; i < 40; i++) {
        t.step();
        look(t);
      }
      t.runBefore(s.durationNs() / 3, List.of());
      look(t);
      List<Breakpoint> bps = List.of(new Breakpoint.OnIpi(), new Breakpoint.OnWatchdog());
      long until = 2 * s.durationNs() / 3;
      for (int i = 0; i < 5; i++) {
        Stop stop = t.runBefore(until, bps);
        look(t);
        if (stop.hit() != null) {
          assertTrue(stop.reachedNs() <= until, stop::toString); // the hit's instant, not later
        } else if (!stop.ended()) {
          assertEquals(until, stop.reachedNs(), stop::toString);
        }
      }
      RunResult paused = t.finish();
      assertEquals(plain.traceSha256(), paused.traceSha256());
      assertEquals(plain.events(), paused.events());
    }
  }

  private static void look(SequentialTarget t) {
    for (int p = 0; p < t.processors(); p++) {
      t.snapshot(p);
      t.ipis().state(p);
    }
  }
}
