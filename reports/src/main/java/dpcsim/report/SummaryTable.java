package dpcsim.report;

import dpcsim.engine.RunResult;
import dpcsim.scenario.ScenarioText;
import dpcsim.stats.CpuStats;
import dpcsim.stats.DeviceStats;
import dpcsim.stats.DpcStats;
import dpcsim.stats.ModuleStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable summary {@code dpcsim run} prints without {@code --json}: a table with a row per
 * processor, then one with a row per KDPC and one with a row per device (as LatencyMon and WPA
 * break DPC and ISR time down by driver), then the legend and the trace's hash.
 */
public final class SummaryTable {
  private static final String[] CPU_HEADERS = {
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
    "watchdog"
  };
  private static final String[] DPC_HEADERS = {
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
    "watchdog"
  };
  private static final String[] DEVICE_HEADERS = {
    "device", "isrs", "time", "share", "dur-p50", "dur-p99", "dur-max"
  };
  private static final String[] MODULE_HEADERS = {
    "type", "module", "function", "count", "time", "share", "dur-p50", "dur-p99", "dur-max"
  };

  /**
   * @return the by-module table's column headings
   */
  public static String[] moduleHeaders() {
    return MODULE_HEADERS.clone();
  }

  /**
   * @return true if the by-module table says more than the per-KDPC and per-device ones: a KDPC or
   *     device has a module or function of its own, or a per-CPU template grouped its instances
   */
  public static boolean modulesGrouped(List<ModuleStats> modules) {
    for (ModuleStats m : modules) {
      if (m.members() > 1 || !m.module().equals(m.function())) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the per-processor table's column headings (the HTML report's table has the same)
   */
  public static String[] cpuHeaders() {
    return CPU_HEADERS.clone();
  }

  /**
   * @return the per-KDPC table's column headings
   */
  public static String[] dpcHeaders() {
    return DPC_HEADERS.clone();
  }

  /**
   * @return the per-device table's column headings
   */
  public static String[] deviceHeaders() {
    return DEVICE_HEADERS.clone();
  }

  private SummaryTable() {}

  /**
   * @return the summary as lines (no trailing newline)
   */
  public static List<String> render(RunResult r) {
    List<String> out = new ArrayList<>();
    var s = r.scenario();
    out.add(ScenarioText.escape(s.name()));
    out.add(
        "profile "
            + s.profile()
            + " | "
            + s.processors()
            + (s.processors() == 1 ? " processor" : " processors")
            + " | seed "
            + s.seed()
            + " | simulated "
            + Units.duration(r.simulatedNs())
            + (r.stoppedByWatchdog() ? " (stopped by the DPC watchdog)" : "")
            + " | engine "
            + r.engine());
    if (r.placement().size() > 1) {
      for (var p : r.placement()) {
        out.add(
            "processors "
                + p.firstCpu()
                + (p.endCpu() - p.firstCpu() > 1 ? "-" + (p.endCpu() - 1) : "")
                + " on "
                + p.address());
      }
    }
    out.add("");
    out.addAll(Headline.lines(r));
    out.add("");
    cpuTable(r).render(out);
    // Per-KDPC and per-device shares are of all processors' time, so they add up to the all row.
    long allTime = r.simulatedNs() * r.cpus().size();
    if (!r.dpcs().isEmpty()) {
      out.add("");
      dpcTable(r.dpcs(), allTime).render(out);
    }
    if (!r.devices().isEmpty()) {
      out.add("");
      deviceTable(r.devices(), allTime).render(out);
    }
    if (modulesGrouped(r.stats().modules())) {
      out.add("");
      moduleTable(r.stats().modules(), allTime).render(out);
    }
    out.add("");
    out.add(
        "dpc, isr, idle: share of simulated time; lat: DPC insert to routine start;"
            + " dur: start to end, preemptions included (p50/p99/max)");
    out.add(
        "per dpc/device: time spent (a DPC's without ISRs) and share of all processors' time;"
            + " dpc-int, ipi-tx: caused by its insertions; watchdog: violations while it ran");
    out.add(
        "coalesced: insertions that returned FALSE because the KDPC was already queued (R-12);"
            + " its routine runs once for them all");
    out.add(r.events() + " trace events | traceSha256 " + r.traceSha256());
    return out;
  }

  private static TextTable cpuTable(RunResult r) {
    TextTable table = new TextTable(false, CPU_HEADERS);
    long sim = r.simulatedNs();
    for (CpuStats c : r.cpus()) {
      boolean ran = c.dpcExecuted() > 0;
      table.add(
          new Row()
              .counts(c.cpu(), c.dpcInserted(), c.coalesced(), c.dpcExecuted(), c.dpcInterrupts())
              .counts(c.ipisSent(), c.ipisReceived(), c.maxQueueDepth())
              .percents(sim, c.dpcTimeNs(), c.isrTimeNs(), c.idleTimeNs())
              .spread(ran, c.latencyP50(), c.latencyP99(), c.latencyMax())
              .spread(ran, c.durationP50(), c.durationP99(), c.durationMax())
              .counts(c.watchdog())
              .cells());
    }
    if (r.cpus().size() > 1) {
      CpuTotals t = CpuTotals.of(r.cpus());
      boolean ran = t.dpcExecuted() > 0;
      // Percentiles do not combine across processors: the all row shows only the maxima.
      table.add(
          new Row()
              .text("all")
              .counts(t.dpcInserted(), t.coalesced(), t.dpcExecuted(), t.dpcInterrupts())
              .counts(t.ipisSent(), t.ipisReceived(), t.maxQueueDepth())
              .percents(sim * r.cpus().size(), t.dpcTimeNs(), t.isrTimeNs(), t.idleTimeNs())
              .maxOnly(ran, t.latencyMax())
              .maxOnly(ran, t.durationMax())
              .counts(t.watchdog())
              .cells());
    }
    return table;
  }

  private static TextTable dpcTable(List<DpcStats> dpcs, long allTime) {
    TextTable table = new TextTable(true, DPC_HEADERS);
    for (DpcStats d : dpcs) {
      boolean ran = d.dpcExecuted() > 0;
      table.add(
          new Row()
              .text(ScenarioText.escape(d.dpc()))
              .counts(d.dpcInserted(), d.coalesced(), d.dpcExecuted(), d.dpcInterrupts())
              .counts(d.ipisSent())
              .counts(d.maxQueueDepth())
              .durations(d.dpcTimeNs())
              .percents(allTime, d.dpcTimeNs())
              .spread(ran, d.latencyP50(), d.latencyP99(), d.latencyMax())
              .spread(ran, d.durationP50(), d.durationP99(), d.durationMax())
              .counts(d.watchdog())
              .cells());
    }
    return table;
  }

  private static TextTable deviceTable(List<DeviceStats> devices, long allTime) {
    TextTable table = new TextTable(true, DEVICE_HEADERS);
    for (DeviceStats v : devices) {
      table.add(
          new Row()
              .text(ScenarioText.escape(v.device()))
              .counts(v.isrCount())
              .durations(v.isrTimeNs())
              .percents(allTime, v.isrTimeNs())
              .spread(v.isrCount() > 0, v.durationP50(), v.durationP99(), v.durationMax())
              .cells());
    }
    return table;
  }

  private static TextTable moduleTable(List<ModuleStats> modules, long allTime) {
    TextTable table = new TextTable(3, MODULE_HEADERS);
    for (ModuleStats m : modules) {
      table.add(
          new Row()
              .text(m.type())
              .text(ScenarioText.escape(m.module()))
              .text(ScenarioText.escape(m.function()))
              .counts(m.count())
              .durations(m.timeNs())
              .percents(allTime, m.timeNs())
              .spread(m.count() > 0, m.durationP50(), m.durationP99(), m.durationMax())
              .cells());
    }
    return table;
  }

  /** The cells of one table row, left to right, each figure in its unit. */
  private static final class Row {
    private final List<String> cells = new ArrayList<>();

    Row text(String cell) {
      cells.add(cell);
      return this;
    }

    Row counts(long... values) {
      for (long v : values) {
        cells.add(Long.toString(v));
      }
      return this;
    }

    Row durations(long... ns) {
      for (long v : ns) {
        cells.add(Units.duration(v));
      }
      return this;
    }

    /** Each of {@code ns} as a share of {@code whole}. */
    Row percents(long whole, long... ns) {
      for (long v : ns) {
        cells.add(Units.percent(v, whole));
      }
      return this;
    }

    /** p50, p99 and max, or three dashes when nothing ran to measure. */
    Row spread(boolean ran, long p50, long p99, long max) {
      return ran ? durations(p50, p99, max) : text("-").text("-").text("-");
    }

    /** Two empty percentile cells, then the max (or a dash when nothing ran). */
    Row maxOnly(boolean ran, long max) {
      text("").text("");
      return ran ? durations(max) : text("-");
    }

    String[] cells() {
      return cells.toArray(String[]::new);
    }
  }
}
