package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.bench.Workloads;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.EventEstimate;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EventEstimate} against what the engine does: on every example and generated workload of
 * some size, the estimate comes to 0.8 to 3 times the events the sequential engine processes
 * (measured: 1.2 to 2.2). An estimate far below would let a long run past the budget; far above
 * would refuse scenarios that fit.
 */
@DisplayName("EventEstimate stays within 0.8x to 3x of the events a run processes")
class EventEstimateCalibrationTest {
  /** Below this many events a scenario's few boot and script events dominate: not compared. */
  private static final long MEANINGFUL = 1000;

  static Stream<Arguments> scenarios() throws ScenarioException {
    List<Scenario> out = new ArrayList<>();
    ExampleScenarios.files().forEach(f -> out.add(ExampleScenarios.load(f)));
    for (String w : Workloads.NAMES) {
      String yaml = Workloads.yaml(new Workloads.Spec(w, 8, 42, "50ms", 4, 0.25, "10us"));
      out.add(ScenarioLoader.parse(yaml, w + ".yaml", new LinkedHashSet<>(Profiles.names())));
    }
    return out.stream().map(s -> Arguments.of(s.source(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void withinFactor(String source, Scenario s) {
    long processed = SequentialEngine.run(s, null, false).processedEvents();
    double estimate = EventEstimate.of(s).total();
    double ratio = estimate / processed;
    assertTrue(
        processed < MEANINGFUL || (ratio >= 0.8 && ratio <= 3),
        () -> source + ": estimate " + estimate + ", processed " + processed);
  }
}
