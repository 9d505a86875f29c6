package dpcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The text summary: three aligned tables (processors, KDPCs, devices) with units and legend. */
@DisplayName("SummaryTable")
class SummaryTableTest {
  private final List<String> lines = SummaryTable.render(SampleRuns.remoteHigh("lowToBusy"));

  /** The header line starting with {@code first} and the table lines after it, up to a blank. */
  private List<String> table(String first) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(first + " ")) {
        int end = i;
        while (end < lines.size() && !lines.get(end).isEmpty()) {
          end++;
        }
        return lines.subList(i, end);
      }
    }
    throw new AssertionError(
        "no table starting with " + first + " in\n" + String.join("\n", lines));
  }

  private static List<String> cells(String line) {
    return Arrays.asList(line.trim().split(" +"));
  }

  /** The end index (exclusive) of every cell of {@code line}. */
  private static List<Integer> rightEdges(String line) {
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != ' ' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
        ends.add(i + 1);
      }
    }
    return ends;
  }

  /** Every line as long as the header; figures right-aligned under their headings. */
  private static void assertAligned(List<String> table, boolean namesFirst) {
    String header = table.get(0);
    List<Integer> edges = rightEdges(header);
    for (String row : table) {
      assertEquals(header.length(), row.length(), () -> "line length:\n" + header + "\n" + row);
      assertEquals(row.stripTrailing(), row, "no trailing spaces");
      if (row.startsWith("all ")) {
        continue; // empty percentile cells
      }
      List<Integer> rowEdges = rightEdges(row);
      assertEquals(edges.size(), rowEdges.size(), row);
      int from = namesFirst ? 1 : 0;
      assertEquals(edges.subList(from, edges.size()), rowEdges.subList(from, edges.size()), row);
      if (namesFirst) {
        assertTrue(row.charAt(0) != ' ', () -> "names are left-aligned: " + row);
      }
    }
  }

  @Test
  @DisplayName("the processor table keeps its columns and adds the routine durations")
  void cpuTable() {
    List<String> t = table("cpu");
    assertEquals(
        List.of(
            "cpu",
            "inserted",
            "coalesced",
            "executed",
            "dpc-int",
            "ipi-tx",
            "ipi-rx",
            "max-depth",
            "dpc",
            "isr",
            "idle",
            "lat-p50",
            "lat-p99",
            "lat-max",
            "dur-p50",
            "dur-p99",
            "dur-max",
            "watchdog"),
        cells(t.get(0)));
    assertEquals(6, t.size(), "header, 4 processors, all");
    assertEquals(
        List.of(
            "1", "12345", "7", "12000", "300", "0", "1", "3", "25.0%", "6.0%", "0.0%", "1.50us",
            "40.0us", "2.00ms", "10.0us", "250us", "1.50ms", "1"),
        cells(t.get(2)));
    assertEquals(
        List.of(
            "0", "0", "0", "0", "0", "2", "0", "0", "0.0%", "0.0%", "0.0%", "-", "-", "-", "-", "-",
            "-", "0"),
        cells(t.get(1)),
        "no routine ran: no latency or duration");
    assertEquals(
        List.of(
            "all", "12346", "7", "12001", "300", "2", "1", "3", "6.3%", "1.5%", "23.8%", "2.00ms",
            "1.50ms", "1"),
        cells(t.get(5)),
        "the all row shows only the maxima of latency and duration");
    assertAligned(t, false);
  }

  @Test
  @DisplayName("the KDPC table: counts, time with unit and share of all processors, percentiles")
  void dpcTable() {
    List<String> t = table("dpc");
    assertEquals(
        List.of(
            "dpc",
            "inserted",
            "coalesced",
            "executed",
            "dpc-int",
            "ipi-tx",
            "max-depth",
            "time",
            "share",
            "lat-p50",
            "lat-p99",
            "lat-max",
            "dur-p50",
            "dur-p99",
            "dur-max",
            "watchdog"),
        cells(t.get(0)));
    assertEquals(3, t.size());
    assertEquals(
        List.of(
            "toBusy", "12000", "5", "12000", "300", "2", "3", "4.00ms", "5.0%", "1.50us", "40.0us",
            "2.00ms", "10.0us", "250us", "1.50ms", "1"),
        cells(t.get(1)),
        "4 ms of 4 processors x 20 ms is 5%");
    assertEquals(
        List.of(
            "lowToBusy",
            "345",
            "0",
            "0",
            "0",
            "0",
            "1",
            "0ns",
            "0.0%",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "0"),
        cells(t.get(2)));
    assertAligned(t, true);
  }

  @Test
  @DisplayName("the device table: ISR count, time, share and duration percentiles")
  void deviceTable() {
    List<String> t = table("device");
    assertEquals(
        List.of("device", "isrs", "time", "share", "dur-p50", "dur-p99", "dur-max"),
        cells(t.get(0)));
    assertEquals(
        List.of("nic", "4000", "1.20ms", "1.5%", "250ns", "900ns", "12.0us"), cells(t.get(1)));
    assertAligned(t, true);
  }

  @Test
  @DisplayName("the tables come in order, then the legend, then the hash line")
  void layout() {
    int cpu = lines.indexOf(table("cpu").get(0));
    int dpc = lines.indexOf(table("dpc").get(0));
    int device = lines.indexOf(table("device").get(0));
    assertTrue(cpu < dpc && dpc < device, lines.toString());
    int n = lines.size();
    assertEquals("99 trace events | traceSha256 " + "ab".repeat(32), lines.get(n - 1));
    assertTrue(lines.get(n - 4).startsWith("dpc, isr, idle: share of simulated time;"));
    assertTrue(lines.get(n - 4).contains("dur: start to end, preemptions included"));
    assertTrue(lines.get(n - 3).startsWith("per dpc/device: "), lines.get(n - 3));
    assertTrue(lines.get(n - 2).startsWith("coalesced: insertions that returned FALSE"));
    assertEquals("", lines.get(n - 5));
  }
}
