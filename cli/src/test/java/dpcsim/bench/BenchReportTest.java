package dpcsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.engine.EngineCounters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("bench report: the allocation figures in JSON and text")
class BenchReportTest {
  private static EngineFigures figures(double allocated, double traceAllocated) {
    double[] one = {1000};
    return new EngineFigures(
        "sequential",
        one,
        one,
        one,
        5_000_000,
        allocated,
        traceAllocated,
        10,
        new EngineCounters(0, 0, 0, 0));
  }

  private static BenchReport report(EngineFigures f) {
    return new BenchReport("w", 1, 42, 1_000_000, 1, 0, null, 10, 4, List.of(f));
  }

  @Test
  @DisplayName("measured: numbers next to peakHeapBytes, in the table's columns")
  void measured() {
    BenchReport r = report(figures(123.44, 4567.0));
    assertTrue(
        r.json()
            .contains(
                "\"peakHeapBytes\":5000000,\"allocatedBytesPerDpc\":123.4,"
                    + "\"traceAllocatedBytesPerDpc\":4567.0,"),
        r.json());
    List<String> text = r.text();
    String header = text.get(text.size() - 2);
    String row = text.get(text.size() - 1);
    int column = header.indexOf("trace B/DPC");
    assertTrue(row.substring(0, column + "trace B/DPC".length()).endsWith("4,567.0"), row);
  }

  @Test
  @DisplayName("not measured (NaN): null in JSON, '-' in text")
  void notMeasured() {
    BenchReport r = report(figures(Double.NaN, Double.NaN));
    assertTrue(
        r.json().contains("\"allocatedBytesPerDpc\":null,\"traceAllocatedBytesPerDpc\":null,"),
        r.json());
    String row = r.text().get(r.text().size() - 1);
    assertTrue(row.matches("sequential .* 5\\.0 +- +- .*"), row);
  }

  @Test
  @DisplayName("a median over runs is NaN if one run had no figure")
  void medianOrNaN() {
    assertEquals(2.0, EngineFigures.medianOrNaN(new double[] {3, 1, 2}));
    assertTrue(Double.isNaN(EngineFigures.medianOrNaN(new double[] {3, Double.NaN, 2})));
  }

  @Test
  @DisplayName("windows count every synchronisation; events per window divide by them")
  void synchronisations() {
    double[] one = {1000};
    EngineFigures f =
        new EngineFigures(
            "actors", one, one, one, 1, 1, 1, 1_200, new EngineCounters(100, 20, 7, 900));
    assertEquals(120, f.counters().synchronisations());
    assertEquals(10.0, f.eventsPerWindow(), 1e-9);
    assertEquals(0.75, f.messagesPerEvent(), 1e-9);
    String json = report(f).json();
    assertTrue(json.contains("\"windows\":120,\"sharedSteps\":20,"), json);
  }
}
