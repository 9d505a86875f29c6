package dpcsim.report.html;

import dpcsim.engine.RunResult;
import dpcsim.report.SummaryTable;
import dpcsim.report.Units;
import dpcsim.scenario.Scenario;

/**
 * {@code dpcsim run --report FILE.html}: one self-contained page (inline CSS, charts as inline SVG,
 * no script, nothing fetched) with the run's header, six charts and the three summary tables (per
 * processor, per KDPC, per device). Every chart element carries its figure in {@code data-*}
 * attributes and a {@code <title>} tooltip. The page holds no wall-clock time: the same run gives
 * the same bytes.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * @return the report page for run {@code r}, whose trace {@code d} was gathered from
   */
  public static String render(RunResult r, ReportData d) {
    Scenario sc = r.scenario();
    String name = Html.esc(sc.name());
    StringBuilder s = Page.start("dpcsim report: " + name, name);
    Page.fact(s, "profile", sc.profile());
    Page.fact(s, "processors", Integer.toString(sc.processors()));
    Page.fact(s, "seed", Long.toString(sc.seed()));
    Page.fact(
        s,
        "simulated",
        Units.duration(r.simulatedNs())
            + (r.stoppedByWatchdog() ? " (stopped by the DPC watchdog)" : ""));
    Page.fact(s, "engine", r.engine() + (r.nodes() > 1 ? " on " + r.nodes() + " nodes" : ""));
    Page.fact(s, "trace events", Long.toString(r.events()));
    Page.fact(s, "traceSha256", r.traceSha256());
    Page.endHeader(s);

    Page.section(s, "depth", "DPC queue depth over time", DepthChart.svg(d), depthCaption(d));
    Page.section(
        s,
        "latency-over-time",
        "DPC latency over time (p99 per slice)",
        LatencyChart.svg(d),
        latencyCaption(d));
    Page.section(
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
    dpcTime(s, r);
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
    Page.section(s, "ipi", "IPIs: sender x receiver", IpiMatrixChart.svg(d), ipiCaption(d.rows()));
    summary(s, r);
    return Page.end(s, "dpcsim HTML report. It needs no network: charts are inline SVG.");
  }

  /** The three tables {@code dpcsim run} prints, with its legend. */
  private static void summary(StringBuilder s, RunResult r) {
    s.append("<section id=\"summary\">\n<h2>Summary tables</h2>\n<h3>Per processor</h3>\n")
        .append("<div class=\"figure\">")
        .append(SummaryHtml.cpus(r))
        .append("</div>")
        .append(
            "<p class=\"caption\">dpc, isr, idle: shares of simulated time; lat: DPC insert to"
                + " routine start; dur: routine start to end, preemptions included (nearest-rank"
                + " p50/p99/max). The all row sums the processors (shares of all processors'"
                + " time); percentiles do not combine, so it shows only the maxima.</p>\n");
    s.append("<h3>Per KDPC</h3>\n");
    if (r.dpcs().isEmpty()) {
      s.append("<p class=\"caption\">No KDPC in this run.</p>\n");
    } else {
      s.append("<div class=\"figure\">")
          .append(SummaryHtml.dpcs(r))
          .append("</div>")
          .append(
              "<p class=\"caption\">time: inside the routine while no ISR (nor a routine that"
                  + " preempted it) ran; share: of all processors' time; dpc-int, ipi-tx: DPC"
                  + " interrupts and IPIs its insertions caused; watchdog: violations while it"
                  + " ran.</p>\n");
    }
    s.append("<h3>Per device</h3>\n");
    if (r.devices().isEmpty()) {
      s.append("<p class=\"caption\">No device in this run.</p>\n");
    } else {
      s.append("<div class=\"figure\">")
          .append(SummaryHtml.devices(r))
          .append("</div>")
          .append(
              "<p class=\"caption\">isrs: ISRs started; time: inside the device's ISR; share:"
                  + " of all processors' time; dur: IsrStart to IsrEnd.</p>\n");
    }
    if (SummaryTable.modulesGrouped(r.stats().modules())) {
      s.append("<h3>By module and function</h3>\n<div class=\"figure\">")
          .append(SummaryHtml.modules(r))
          .append("</div>")
          .append(
              "<p class=\"caption\">DPC and ISR time grouped as WPA's \"DPC/ISR Duration by"
                  + " Module, Function\" groups it: KDPCs and devices with the same module and"
                  + " function (and a per-CPU template's instances) are one row; count: routine"
                  + " calls or ISRs; dur: over all of the row's calls.</p>\n");
    }
    s.append("</section>\n");
  }

  private static void dpcTime(StringBuilder s, RunResult r) {
    if (r.dpcs().isEmpty()) {
      s.append("<section id=\"dpc-time\">\n<h2>DPC time by KDPC</h2>\n")
          .append("<p class=\"caption\">No KDPC in this run.</p>\n</section>\n");
      return;
    }
    long all = r.simulatedNs() * r.cpus().size();
    int more = r.dpcs().size() - DpcTimeChart.TOP;
    Page.section(
        s,
        "dpc-time",
        "DPC time by KDPC",
        DpcTimeChart.svg(r.dpcs(), all),
        "Time inside each KDPC's routine (ISRs excluded) and its share of all processors' time:"
            + " LatencyMon's \"drivers with highest DPC execution\". Longest first; bar lengths"
            + " are relative to the longest."
            + (more > 0
                ? " The "
                    + more
                    + (more == 1 ? " KDPC" : " KDPCs")
                    + " after the top "
                    + DpcTimeChart.TOP
                    + " make up the last bar."
                : ""));
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
        + levels(d)
        + " A queue that stays deep means"
        + " DPCs arrive faster than the processor retires them."
        + groups;
  }

  private static String latencyCaption(ReportData d) {
    String how =
        d.rows().count() <= LatencyChart.LINE_ROWS
            ? " Each lane is a line on one log scale for all lanes (ticks at the right); a dot is a"
                + " slice."
            : " The colour is the slice's p99 on one log scale for all lanes (the legend names the"
                + " colours).";
    String groups =
        d.rows().single()
            ? ""
            : " Above "
                + CpuRows.MAX_ROWS
                + " processors a lane is a range of "
                + d.rows().perRow()
                + " processors: the p99 of all their DPCs.";
    return "The 99th percentile of DPC latency (from the DpcInsert that queued a DPC to its"
        + " DpcStart) among the DPCs that started on each processor in each of the "
        + d.buckets()
        + " slices of "
        + Units.duration(d.bucketNs())
        + ", the queue-depth chart's slices."
        + how
        + " A gap means no DPC started there. Read from a histogram of 8 buckets per doubling:"
        + " exact below 100 DPCs in a slice, otherwise at most 12.5% above the exact p99. Hover"
        + " a slice for its p99, longest latency and number of DPCs."
        + groups;
  }

  /** How the depth chart's colours read: a colour per level for a shallow run, else a ramp. */
  private static String levels(ReportData d) {
    int max = maxDepth(d);
    if (max > Palette.DEPTH_LEVEL_MAX) {
      return " Darker is deeper (up to " + max + "; the legend under the time axis has the scale).";
    }
    return " Each depth has its own colour (named in the legend under the time axis)"
        + (d.rows().count() <= DepthChart.BAR_ROWS
            ? " and a dashed line across each lane marks each whole depth, up to " + max + "."
            : "; the deepest is " + max + ".");
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
}
