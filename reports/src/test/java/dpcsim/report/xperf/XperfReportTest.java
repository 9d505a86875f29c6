package dpcsim.report.xperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("--xperf: xperf -a dpcisr's report, field for field")
class XperfReportTest {
  private static XperfCollector run(String yaml) throws Exception {
    Scenario s = ScenarioLoader.parse(yaml, "x.yaml", Set.of("ws03", "win10"));
    XperfCollector c = new XperfCollector(s);
    SequentialEngine.run(s, new TraceOutputs(null, false, List.of(c)));
    return c;
  }

  @Test
  @DisplayName("one processor, three 1 us ISRs and three 3 us DPCs: the whole report")
  void whole() throws Exception {
    XperfCollector c =
        run(
            """
            processors: 1
            duration: 1ms
            dpcs: { rx: { module: ndis.sys, routine: { duration: 3us } } }
            devices:
              nic:
                module: ndis.sys
                interrupts: { periodic: 300us }
                isr: { duration: 1us, then: [ { insert: rx } ] }
            """);
    String bucket = "Elapsed Time, > %8d usecs AND <= %8d usecs, %6d, or %6.2f%%";
    String expected =
        String.join(
            "\r\n",
            "",
            "--------------------------",
            "DPC Info",
            "",
            "--------------------------",
            "CPU Usage Summing By Module For the Whole Trace",
            "",
            "CPU Usage from 0 us to 1000 us:",
            "",
            "     CPU 0 Usage,",
            "     usec      %, Module",
            "        9   0.90, ndis.sys",
            "",
            "Total = 3",
            String.format(bucket, 0, 1, 0, 0.0),
            String.format(bucket, 1, 2, 0, 0.0),
            String.format(bucket, 2, 4, 3, 100.0),
            "Total,                                                     3",
            "",
            "Total = 3 for module ndis.sys",
            String.format(bucket, 0, 1, 0, 0.0),
            String.format(bucket, 1, 2, 0, 0.0),
            String.format(bucket, 2, 4, 3, 100.0),
            "Total,                                                     3",
            "",
            "All Module = 3,  Total = 3,   EQUAL",
            "",
            "--------------------------",
            "Interrupt Info",
            "",
            "--------------------------",
            "CPU Usage Summing By Module For the Whole Trace",
            "",
            "CPU Usage from 0 us to 1000 us:",
            "",
            "     CPU 0 Usage,",
            "     usec      %, Module",
            "        3   0.30, ndis.sys",
            "",
            "Total = 3",
            String.format(bucket, 0, 1, 3, 100.0),
            "Total,                                                     3",
            "",
            "Total = 3 for module ndis.sys",
            String.format(bucket, 0, 1, 3, 100.0),
            "Total,                                                     3",
            "",
            "All Module = 3,  Total = 3,   EQUAL",
            "",
            "");
    assertEquals(expected, XperfReport.render(c));
  }

  @Test
  @DisplayName("the columns where xperf puts them; modules in ordinal order; totals match the run")
  void columnsAndTotals() throws Exception {
    String yaml =
        """
        profile: win10
        processors: 4
        duration: 20ms
        dpcs:
          rx: { perCpu: true, module: ndis.sys, routine: { duration: { exp: 10us } } }
          disk: { module: storport.sys, target: 2, routine: { duration: { uniform: [5us, 90us] } } }
          log: { threaded: true, module: Wdf01000.sys, routine: { duration: 20us } }
        devices:
          nic:
            perCpu: true
            module: ndis.sys
            interrupts: { poisson: 20000/s }
            isr: { duration: 1us, then: [ { insert: rx } ] }
          ahci:
            module: storport.sys
            interrupts: { periodic: 500us }
            isr: { duration: 2us, then: [ { insert: disk }, { insert: log } ] }
        """;
    XperfCollector c = run(yaml);
    List<String> lines = XperfReport.render(c).lines().toList();
    assertEquals(
        "     CPU 0 Usage,      CPU 1 Usage,      CPU 2 Usage,      CPU 3 Usage,", lines.get(9));
    assertEquals(
        "     usec      %,      usec      %,      usec      %,      usec      %, Module",
        lines.get(10));
    // Ordinal order puts upper case first; the threaded routine's module has no DPC row.
    assertTrue(lines.get(11).endsWith(", ndis.sys"), lines.get(11));
    assertTrue(lines.get(12).endsWith(", storport.sys"), lines.get(12));
    assertEquals("", lines.get(13));
    Pattern row = Pattern.compile("( {0,8}\\d+ {1,3}\\d+\\.\\d\\d, ){4}ndis\\.sys");
    assertTrue(row.matcher(lines.get(11)).matches(), lines.get(11));
    Pattern elapsed =
        Pattern.compile(
            "Elapsed Time, > ( *\\d+) usecs AND <= ( *\\d+) usecs, ( *\\d+), or ( *[\\d.]+)%");
    for (String l : lines) {
      if (l.startsWith("Elapsed")) {
        Matcher m = elapsed.matcher(l);
        assertTrue(m.matches(), l);
        assertEquals(8, m.group(1).length());
        assertEquals(72, l.length(), l);
      }
      if (l.startsWith("Total,")) {
        assertEquals(60, l.length(), l);
      }
    }
    Scenario s = ScenarioLoader.parse(yaml, "x.yaml", Set.of("ws03", "win10"));
    RunResult r = SequentialEngine.run(s, null, false);
    long normalRuns =
        r.dpcs().stream().filter(d -> !d.dpc().equals("log")).mapToLong(d -> d.dpcExecuted()).sum();
    assertTrue(lines.contains("Total = " + normalRuns), "DPC total: normal routines only");
    long isrs = r.devices().stream().mapToLong(d -> d.isrCount()).sum();
    assertTrue(lines.contains("All Module = " + isrs + ",  Total = " + isrs + ",   EQUAL"));
  }

  @Test
  @DisplayName("durations go to power-of-two microsecond buckets, (lo, hi]")
  void buckets() {
    assertEquals(0, XperfCollector.bucket(0));
    assertEquals(0, XperfCollector.bucket(1_000));
    assertEquals(1, XperfCollector.bucket(1_001));
    assertEquals(2, XperfCollector.bucket(4_000));
    assertEquals(3, XperfCollector.bucket(4_001));
    assertEquals(11, XperfCollector.bucket(2_048_000));
  }
}
