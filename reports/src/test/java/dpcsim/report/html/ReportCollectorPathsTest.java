package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dpcsim.ExampleScenarios;
import dpcsim.RecordedTrace;
import dpcsim.measure.ThreadAllocation;
import dpcsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The collector's two paths, columns and objects, gather the same figures for the same events: the
 * report rendered from each is the page rendered from the run, on every example scenario.
 */
@DisplayName("ReportCollector: columns and objects")
class ReportCollectorPathsTest {
  static Stream<Path> examples() {
    return ExampleScenarios.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @DisplayName("objects, any batch size, other names tables and a mix all give the run's report")
  void everyPathSameReport(Path file) {
    Scenario s = ExampleScenarios.shortened(file);
    ReportCollector fromRun = new ReportCollector(s.processors(), s.durationNs());
    RecordedTrace run = RecordedTrace.of(s, fromRun);
    String expected = HtmlReport.render(run.result(), fromRun.data());
    Function<Function<ReportCollector, ReportCollector>, String> page =
        feed ->
            HtmlReport.render(
                run.result(),
                feed.apply(new ReportCollector(s.processors(), s.durationNs())).data());
    run.assertEveryPath(expected, page);
  }

  @Test
  @DisplayName("the columns' path allocates nothing per event once grown")
  void columnsAllocateNothingPerEvent() {
    assumeTrue(ThreadAllocation.supported(), "this JVM does not count allocation");
    Scenario s =
        ExampleScenarios.shortened(
            ExampleScenarios.repoRoot().resolve("scenarios").resolve("nic-rss-spread8.yaml"));
    RecordedTrace run = RecordedTrace.of(s);
    double perEvent =
        run.columnsBytesPerEvent(() -> new ReportCollector(s.processors(), s.durationNs()));
    // Growth (the insertion map, the start stacks) and finish's figures, not a figure per event.
    assertTrue(perEvent < 1, perEvent + " bytes per event over " + run.size() + " events");
  }
}
