package dpcsim.perfetto;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dpcsim.ExampleScenarios;
import dpcsim.RecordedTrace;
import dpcsim.measure.ThreadAllocation;
import dpcsim.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writer's two paths, columns and objects, write the same bytes for the same events: those the
 * engine handed it during the run, on every example scenario.
 */
@DisplayName("PerfettoWriter: columns and objects")
class PerfettoWriterPathsTest {
  static Stream<Path> examples() {
    return ExampleScenarios.files().stream();
  }

  /** What a fresh writer for {@code s} writes when {@code feed} feeds it. */
  private static String written(Scenario s, Function<PerfettoWriter, PerfettoWriter> feed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    feed.apply(PerfettoWriter.of(bytes, s));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @DisplayName("objects, any batch size, other names tables and a mix all give the run's bytes")
  void everyPathSameBytes(Path file) {
    Scenario s = ExampleScenarios.shortened(file);
    ByteArrayOutputStream fromRun = new ByteArrayOutputStream();
    RecordedTrace run = RecordedTrace.of(s, PerfettoWriter.of(fromRun, s));
    String expected = fromRun.toString(StandardCharsets.UTF_8);
    run.<PerfettoWriter>assertEveryPath(expected, feed -> written(s, feed));
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
        run.columnsBytesPerEvent(() -> PerfettoWriter.of(OutputStream.nullOutputStream(), s));
    // What remains is growth (stacks, maps, the IPI pool) and the output's encoder buffers, not a
    // figure per event: the object path made several objects per event.
    assertTrue(perEvent < 1, perEvent + " bytes per event over " + run.size() + " events");
  }
}
