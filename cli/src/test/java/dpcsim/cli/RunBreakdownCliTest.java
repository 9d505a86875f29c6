package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code dpcsim run}'s per-KDPC table on a scenario whose every DPC is known by heart. */
@DisplayName("dpcsim run: the per-DPC table")
class RunBreakdownCliTest {

  private static List<String> cells(String line) {
    return Arrays.asList(line.trim().split(" +"));
  }

  @Test
  @DisplayName("remote-high.yaml: IPIs to the busy and the halted target, none to the idle one")
  void remoteHigh() {
    CliTest.Result r = CliTest.runExample("remote-high.yaml");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.outLines();
    int header = 0;
    while (!lines.get(header).startsWith("dpc ")) {
      header++;
    }
    // Columns: dpc inserted coalesced executed dpc-int ipi-tx max-depth time share lat-p50 lat-p99
    // lat-max dur-p50 dur-p99 dur-max watchdog (SummaryTableTest.dpcTable checks the header).
    assertEquals(16, cells(lines.get(header)).size(), lines.get(header));
    // File order. Each 10 us routine runs once; an IPI takes 2 us (R-14: High to a busy or an
    // idle-halted target asks by IPI; an idle one polls at once; the Low one waits for the tick).
    assertEquals(
        List.of(
            "toBusy", "1", "0", "1", "1", "1", "1", "10.0us", "0.0%", "2.00us", "2.00us", "2.00us",
            "10.0us", "10.0us", "10.0us", "0"),
        cells(lines.get(header + 1)));
    assertEquals(
        List.of(
            "toIdle", "1", "0", "1", "0", "0", "1", "10.0us", "0.0%", "0ns", "0ns", "0ns", "10.0us",
            "10.0us", "10.0us", "0"),
        cells(lines.get(header + 2)));
    assertEquals(
        List.of(
            "toHalted",
            "1",
            "0",
            "1",
            "1",
            "1",
            "1",
            "10.0us",
            "0.0%",
            "2.00us",
            "2.00us",
            "2.00us",
            "10.0us",
            "10.0us",
            "10.0us",
            "0"),
        cells(lines.get(header + 3)));
    List<String> low = cells(lines.get(header + 4));
    assertEquals(List.of("lowToBusy", "1", "0", "1", "0", "0", "1", "10.0us"), low.subList(0, 8));
    assertTrue(low.get(11).endsWith("ms"), () -> "waits for CPU 1's tick (R-25): " + low);
    assertEquals("", lines.get(header + 5), "four KDPCs; no device table follows");
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("device ")), r.out());

    String all = lines.stream().filter(l -> l.startsWith("all ")).findFirst().orElseThrow();
    assertEquals("2", cells(all).get(5), "the processors' IPIs are the two the DPCs sent");
  }
}
