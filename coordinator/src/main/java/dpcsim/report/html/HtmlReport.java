package dpcsim.report.html;

import dpcsim.engine.RunResult;
import dpcsim.report.Units;
import dpcsim.scenario.Scenario;

/**
 * {@code dpcsim run --report FILE.html}: one self-contained page (inline CSS, charts as inline SVG,
 * no script, nothing fetched) with the run's header, four charts and the per-processor table. Every
 * chart element carries its figure in {@code data-*} attributes and a {@code <title>} tooltip. The
 * page holds no wall-clock time: the same run gives the same bytes.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * @return the report page for run {@code r}, whose trace {@code d} was gathered from
   */
  public static String render(RunResult r, ReportData d) {
    Scenario sc = r.scenario();
    String name = Html.esc(sc.name());
    StringBuilder s = new StringBuilder(64 * 1024);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>dpcsim report: ")
        .append(name)
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1 id=\"scenario-name\">")
        .append(name)
        .append("</h1>\n<dl class=\"run\">\n");
    fact(s, "profile", sc.profile());
    fact(s, "processors", Integer.toString(sc.processors()));
    fact(s, "seed", Long.toString(sc.seed()));
    fact(
        s,
        "simulated",
        Units.duration(r.simulatedNs())
            + (r.stoppedByWatchdog() ? " (stopped by the DPC watchdog)" : ""));
    fact(s, "engine", r.engine() + (r.nodes() > 1 ? " on " + r.nodes() + " nodes" : ""));
    fact(s, "trace events", Long.toString(r.events()));
    fact(s, "traceSha256", r.traceSha256());
    s.append("</dl>\n</header>\n");

    section(s, "depth", "DPC queue depth over time", DepthChart.svg(d), depthCaption(d));
    section(
        s,
        "time-share",
        "Processor time: DPC, ISR, other, idle",
        TimeShareChart.svg(d.rows(), r.cpus(), r.simulatedNs()),
        "Each bar is "
            + rowsWord(d.rows())
            + "'s simulated time, split as the summary table"
            + " splits it: <b>DPC</b> is time inside DPC routines (normal and threaded) while no ISR"
            + " runs, <b>ISR</b> time inside interrupt service routines, <b>idle</b> time in the"
            + " idle loop running neither, <b>other</b> the rest (threads, and IRQL raised by a"
            + " script). A processor near 100% DPC+ISR starves its threads.");
    s.append("<section id=\"latency\">\n<h2>DPC latency and execution times</h2>\n");
    s.append(
        "<p class=\"caption\">Counts per duration bucket, bar heights on a log scale with the"
            + " count on each bar. From 250 µs up the buckets are LatencyMon's (&lt;250, 250-500,"
            + " 500-1000, 1000-2000, 2000-4000, &gt;=4000 µs); the eight light bars split"
            + " LatencyMon's &lt;250 µs, because simulated routines are short (dpcsim's"
            + " addition). Under each chart, the counts as LatencyMon's report prints them.</p>\n");
    histogram(
        s,
        "dpc-latency",
        "DPC latency (queued to started)",
        d.dpcLatency(),
        "DPC count (latency",
        "Time from the DpcInsert that queued a DPC to its DpcStart on the same processor: how long"
            + " the work waited for a DPC interrupt, an IPI, the idle loop or the clock tick.");
    histogram(
        s,
        "dpc-execution",
        "DPC routine execution time",
        d.dpcExecution(),
        "DPC count (execution time",
        "Time from DpcStart to DpcEnd (ISRs that interrupt a routine count in its time). What"
            + " LatencyMon's \"REPORTED DPCs\" counts."
            + stillRunning(d.dpcsRunningAtEnd(), "routine"));
    histogram(
        s,
        "isr-execution",
        "ISR execution time",
        d.isrExecution(),
        "ISR count (execution time",
        "Time from IsrStart to IsrEnd. What LatencyMon's \"REPORTED ISRs\" counts."
            + stillRunning(d.isrsRunningAtEnd(), "ISR"));
    s.append("</section>\n");
    section(s, "ipi", "IPIs: sender x receiver", IpiMatrixChart.svg(d), ipiCaption(d.rows()));
    s.append("<section id=\"summary\">\n<h2>Per-processor summary</h2>\n")
        .append(SummaryHtml.table(r))
        .append(
            "<p class=\"caption\">The table <code>dpcsim run</code> prints: dpc, isr, idle are"
                + " shares of simulated time; lat is DPC insert to routine start (nearest-rank"
                + " p50/p99/max).</p>\n</section>\n");
    s.append("<footer>dpcsim HTML report. It needs no network: charts are inline SVG.</footer>\n")
        .append("</body>\n</html>\n");
    return s.toString();
  }

  private static void fact(StringBuilder s, String key, String value) {
    s.append("<div><dt>")
        .append(key)
        .append("</dt><dd data-key=\"")
        .append(Html.esc(key))
        .append("\">")
        .append(Html.esc(value))
        .append("</dd></div>\n");
  }

  private static void section(
      StringBuilder s, String id, String title, String svg, String caption) {
    s.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(title)
        .append("</h2>\n<div class=\"figure\">")
        .append(svg)
        .append("</div>\n<p class=\"caption\">")
        .append(caption)
        .append("</p>\n</section>\n");
  }

  private static void histogram(
      StringBuilder s, String id, String title, Histogram h, String what, String caption) {
    s.append("<h3>")
        .append(title)
        .append(" <span class=\"total\">(")
        .append(h.total())
        .append(h.maxNs() >= 0 ? ", longest " + Units.duration(h.maxNs()) : "")
        .append(")</span></h3>\n<div class=\"figure\">")
        .append(HistogramChart.svg(id, h, what))
        .append("</div>\n<p class=\"caption\">")
        .append(Html.esc(caption))
        .append("</p>\n");
  }

  private static String stillRunning(long n, String what) {
    return n == 0
        ? ""
        : " "
            + n
            + " "
            + what
            + (n == 1 ? " was" : "s were")
            + " still running at"
            + " the end and are not counted.";
  }

  private static String rowsWord(CpuRows rows) {
    return rows.single() ? "one processor" : "a range of " + rows.perRow() + " processors";
  }

  private static String depthCaption(ReportData d) {
    String groups =
        d.rows().single()
            ? ""
            : " Above "
                + CpuRows.MAX_ROWS
                + " processors a lane is a range of "
                + d.rows().perRow()
                + " processors: the deepest of them, and their mean.";
    String how =
        d.rows().count() <= DepthChart.BAR_ROWS
            ? " The light bar reaches the largest depth at any instant of the slice (so a spike of"
                + " a nanosecond stays visible), the dark bar the mean depth over the slice."
            : " The colour is the largest depth at any instant of the slice (so a spike of a"
                + " nanosecond stays visible); hover a slice for its mean depth.";
    return "DPCs queued on each processor (normal and threaded lists together) over simulated"
        + " time, cut into "
        + d.buckets()
        + " slices of "
        + Units.duration(d.bucketNs())
        + "."
        + how
        + " Darker is deeper (up to "
        + maxDepth(d)
        + "). A queue that stays deep means"
        + " DPCs arrive faster than the processor retires them."
        + groups;
  }

  private static int maxDepth(ReportData d) {
    int max = 0;
    for (int r = 0; r < d.rows().count(); r++) {
      max = Math.max(max, d.maxDepth(r));
    }
    return max;
  }

  private static String ipiCaption(CpuRows rows) {
    String groups =
        rows.single()
            ? ""
            : " Above "
                + CpuRows.MAX_ROWS
                + " processors each row and column is a range of "
                + rows.perRow()
                + " processors.";
    return "Inter-processor interrupts by sender (row) and receiver (column), counted at IpiSend:"
        + " a DPC queued on another processor that needs a DPC interrupt there sends one (R-14)."
        + " Darker is more (log scale); hover a cell for its count."
        + groups;
  }

  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;\
      margin:24px auto;max-width:1040px;padding:0 16px}
      h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid\
       #dee2e6}h3{font-size:15px;margin:16px 0 4px}.total{font-weight:normal;color:#495057}
      dl.run{display:flex;flex-wrap:wrap;gap:2px 22px;margin:0}
      dl.run div{display:flex;gap:6px}dt{color:#6c757d}dd{margin:0;font-weight:600}
      dd[data-key="traceSha256"]{font:12px ui-monospace,monospace;align-self:center}
      .figure{overflow-x:auto}svg.chart{display:block;font-size:11px}svg .small{font-size:10px}
      svg .axis-title{fill:#495057}.caption{color:#495057;max-width:900px;margin:4px 0 12px}
      pre.latencymon{font-size:12px;background:#f8f9fa;padding:6px 10px;margin:4px 0;\
      display:inline-block}
      table.summary{border-collapse:collapse;font-variant-numeric:tabular-nums}
      table.summary th,table.summary td{padding:2px 8px;text-align:right;border-bottom:1px solid\
       #e9ecef}table.summary th{background:#f1f3f5}
      footer{margin-top:28px;color:#868e96;font-size:12px}
      """;
}
