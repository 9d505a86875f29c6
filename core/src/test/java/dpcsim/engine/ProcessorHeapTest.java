package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.kernel.EventKey;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Phold;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor heap of {@link SequentialRun}, watched event by event from outside: every step
 * processes the event whose key is the smallest of all processors' next events, so the heap's
 * bookkeeping (one re-sort per arriving message, none when the arrival is later than the receiver's
 * next event) never changes which event runs. Also pins what makes that order unique: no two
 * processors' next events ever have equal keys, so the shape of the heap cannot matter.
 */
@DisplayName("ProcessorHeap: the sequential run always steps the globally first event")
class ProcessorHeapTest {

  static Stream<Arguments> scenarios() throws Exception {
    return Stream.of(
        // Many messages at random times: every second hop goes to another processor.
        Arguments.of(
            "phold 8x4, remote 0.5",
            ScenarioLoader.parse(
                Phold.yaml(8, 4, 0.5, "5us", 3, "2ms"),
                "phold.yaml",
                new LinkedHashSet<>(Profiles.names()))),
        // A flush sends to every processor at once; setTunable gives every processor an event
        // with the same time, lane and script index (the nearest thing to a tie).
        Arguments.of("script-tour.yaml", example("script-tour.yaml")),
        Arguments.of("remote-high.yaml", example("remote-high.yaml")));
  }

  private static Scenario example(String file) {
    Scenario s = ExampleScenarios.load(ExampleScenarios.repoRoot().resolve("scenarios/" + file));
    return s.withDuration(Math.min(s.durationNs(), 20_000_000L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("each step runs the processor whose next event key is the smallest")
  void stepsTheFirstEvent(String name, Scenario s) {
    try (SequentialRun run = new SequentialRun(s, TraceOutputs.NONE, Function.identity())) {
      int n = run.machine().processors();
      long[] processed = new long[n];
      long steps = 0;
      while (true) {
        int first = -1;
        EventKey best = null;
        Set<EventKey> keys = new HashSet<>();
        int pending = 0;
        for (int cpu = 0; cpu < n; cpu++) {
          EventKey k = run.processor(cpu).nextKey();
          if (k == null) {
            continue;
          }
          pending++;
          keys.add(k);
          if (best == null || k.compareTo(best) < 0) {
            best = k;
            first = cpu;
          }
        }
        assertEquals(pending, keys.size(), "two processors' next events have equal keys");
        if (!run.step()) {
          assertTrue(
              best == null || best.time() > run.lastInstant(),
              "the run ended with an event left at " + best);
          break;
        }
        steps++;
        for (int cpu = 0; cpu < n; cpu++) {
          long now = run.processor(cpu).processedEvents();
          assertEquals(
              processed[cpu] + (cpu == first ? 1 : 0),
              now,
              "step " + steps + ": processor " + cpu + " (the first event was on " + first + ")");
          processed[cpu] = now;
        }
      }
      RunResult r = run.finish();
      assertEquals(steps, r.processedEvents());
      assertTrue(r.counters().crossCpuMessages() > 0, "the scenario sends no message");
    }
  }
}
