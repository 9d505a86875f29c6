package dpcsim.report.xperf;

import dpcsim.scenario.ScenarioText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text report of {@code xperf -a dpcisr}, written field for field in its layout so that a
 * script that parses xperf's report reads this one: a DPC section ({@code DPC Info}) and an ISR
 * section ({@code Interrupt Info}), each with the per-module usage table (whole microseconds and
 * the share of the run, per processor), the histogram of durations over all modules, one per module
 * in the table's order, and the check line. Lines end in CRLF, as xperf writes them on Windows.
 *
 * <p>Not written: xperf's per-second interval tables and the closing distribution of 2-second
 * intervals (docs/outputs.md says why). Times are the simulation's, truncated to whole
 * microseconds; the span is the simulated time from 0.
 */
public final class XperfReport {
  static final String EOL = "\r\n";
  private static final String RULE = "--------------------------";

  private XperfReport() {}

  /**
   * @return the report, every line ending in CRLF
   */
  public static String render(XperfCollector c) {
    List<String> out = new ArrayList<>();
    out.add("");
    section(out, "DPC Info", c.dpcs(), c);
    section(out, "Interrupt Info", c.isrs(), c);
    return String.join(EOL, out) + EOL;
  }

  private static void section(
      List<String> out, String heading, XperfCollector.Section s, XperfCollector c) {
    long spanUs = c.simulatedNs() / 1_000;
    out.add(RULE);
    out.add(heading);
    out.add("");
    out.add(RULE);
    out.add("CPU Usage Summing By Module For the Whole Trace");
    out.add("");
    out.add("CPU Usage from 0 us to " + spanUs + " us:");
    out.add("");
    StringBuilder head = new StringBuilder();
    StringBuilder units = new StringBuilder();
    for (int cpu = 0; cpu < c.processors(); cpu++) {
      head.append(cpu > 0 ? ", " : "")
          .append(String.format(Locale.ROOT, "%16s", "CPU " + cpu + " Usage"));
      units.append(cpu > 0 ? ", " : "").append("     usec      %");
    }
    out.add(head.append(",").toString());
    out.add(units.append(", Module").toString());
    for (Map.Entry<String, XperfCollector.Module> m : s.modules.entrySet()) {
      StringBuilder row = new StringBuilder();
      for (int cpu = 0; cpu < c.processors(); cpu++) {
        long us = m.getValue().nsByCpu[cpu] / 1_000;
        double pct = spanUs == 0 ? 0 : 100.0 * us / spanUs;
        row.append(cpu > 0 ? ", " : "").append(String.format(Locale.ROOT, "%9d%7.2f", us, pct));
      }
      out.add(row.append(", ").append(ScenarioText.escape(m.getKey())).toString());
    }
    out.add("");
    histogram(out, "Total = " + s.all.count, s.all);
    long modules = 0;
    for (Map.Entry<String, XperfCollector.Module> m : s.modules.entrySet()) {
      histogram(
          out,
          "Total = " + m.getValue().count + " for module " + ScenarioText.escape(m.getKey()),
          m.getValue());
      modules += m.getValue().count;
    }
    out.add(
        "All Module = "
            + modules
            + ",  Total = "
            + s.all.count
            + ",   "
            + (modules == s.all.count ? "EQUAL" : "NOT EQUAL"));
    out.add("");
  }

  /** A block: its header, every bucket up to the highest non-empty one, its total, a blank. */
  private static void histogram(List<String> out, String header, XperfCollector.Module m) {
    out.add(header);
    int highest = m.highest();
    for (int b = 0; b <= highest; b++) {
      long lo = b == 0 ? 0 : 1L << (b - 1);
      long hi = 1L << b;
      long n = m.buckets[b];
      out.add(
          String.format(
              Locale.ROOT,
              "Elapsed Time, > %8d usecs AND <= %8d usecs, %6d, or %6.2f%%",
              lo,
              hi,
              n,
              100.0 * n / m.count));
    }
    out.add(String.format(Locale.ROOT, "Total,%54d", m.count));
    out.add("");
  }
}
