package dpcsim.report;

import dpcsim.engine.RunResult;
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

  private SummaryTable() {}

  /**
   * @return the summary as lines (no trailing newline)
   */
  public static List<String> render(RunResult r) {
    List<String> out = new ArrayList<>();
    var s = r.scenario();
    out.add(s.name());
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
    out.add("");
    out.add(
        "dpc, isr, idle: share of simulated time; lat: DPC insert to routine start;"
            + " dur: start to end, preemptions included (p50/p99/max)");
    out.add(
        "per dpc/device: time spent (a DPC's without ISRs) and share of all processors' time;"
            + " dpc-int, ipi-tx: caused by its insertions; watchdog: violations while it ran");
    out.add(r.events() + " trace events | traceSha256 " + r.traceSha256());
    return out;
  }

  private static TextTable cpuTable(RunResult r) {
    TextTable table = new TextTable(false, CPU_HEADERS);
    long sim = r.simulatedNs();
    long[] total = new long[9];
    int maxDepth = 0;
    long latMax = 0;
    long durMax = 0;
    for (CpuStats c : r.cpus()) {
      boolean ran = c.dpcExecuted() > 0;
      table.add(
          Integer.toString(c.cpu()),
          Long.toString(c.dpcInserted()),
          Long.toString(c.dpcExecuted()),
          Long.toString(c.dpcInterrupts()),
          Long.toString(c.ipisSent()),
          Long.toString(c.ipisReceived()),
          Integer.toString(c.maxQueueDepth()),
          Units.percent(c.dpcTimeNs(), sim),
          Units.percent(c.isrTimeNs(), sim),
          Units.percent(c.idleTimeNs(), sim),
          ran ? Units.duration(c.latencyP50()) : "-",
          ran ? Units.duration(c.latencyP99()) : "-",
          ran ? Units.duration(c.latencyMax()) : "-",
          ran ? Units.duration(c.durationP50()) : "-",
          ran ? Units.duration(c.durationP99()) : "-",
          ran ? Units.duration(c.durationMax()) : "-",
          Long.toString(c.watchdog()));
      total[0] += c.dpcInserted();
      total[1] += c.dpcExecuted();
      total[2] += c.dpcInterrupts();
      total[3] += c.ipisSent();
      total[4] += c.ipisReceived();
      total[5] += c.dpcTimeNs();
      total[6] += c.isrTimeNs();
      total[7] += c.idleTimeNs();
      total[8] += c.watchdog();
      maxDepth = Math.max(maxDepth, c.maxQueueDepth());
      latMax = Math.max(latMax, c.latencyMax());
      durMax = Math.max(durMax, c.durationMax());
    }
    if (r.cpus().size() > 1) {
      long all = sim * r.cpus().size();
      boolean ran = total[1] > 0;
      // Percentiles do not combine across processors: the all row shows only the maxima.
      table.add(
          "all",
          Long.toString(total[0]),
          Long.toString(total[1]),
          Long.toString(total[2]),
          Long.toString(total[3]),
          Long.toString(total[4]),
          Integer.toString(maxDepth),
          Units.percent(total[5], all),
          Units.percent(total[6], all),
          Units.percent(total[7], all),
          "",
          "",
          ran ? Units.duration(latMax) : "-",
          "",
          "",
          ran ? Units.duration(durMax) : "-",
          Long.toString(total[8]));
    }
    return table;
  }

  private static TextTable dpcTable(List<DpcStats> dpcs, long allTime) {
    TextTable table = new TextTable(true, DPC_HEADERS);
    for (DpcStats d : dpcs) {
      boolean ran = d.dpcExecuted() > 0;
      table.add(
          d.dpc(),
          Long.toString(d.dpcInserted()),
          Long.toString(d.dpcExecuted()),
          Long.toString(d.dpcInterrupts()),
          Long.toString(d.ipisSent()),
          Integer.toString(d.maxQueueDepth()),
          Units.duration(d.dpcTimeNs()),
          Units.percent(d.dpcTimeNs(), allTime),
          ran ? Units.duration(d.latencyP50()) : "-",
          ran ? Units.duration(d.latencyP99()) : "-",
          ran ? Units.duration(d.latencyMax()) : "-",
          ran ? Units.duration(d.durationP50()) : "-",
          ran ? Units.duration(d.durationP99()) : "-",
          ran ? Units.duration(d.durationMax()) : "-",
          Long.toString(d.watchdog()));
    }
    return table;
  }

  private static TextTable deviceTable(List<DeviceStats> devices, long allTime) {
    TextTable table = new TextTable(true, DEVICE_HEADERS);
    for (DeviceStats v : devices) {
      boolean ran = v.isrCount() > 0;
      table.add(
          v.device(),
          Long.toString(v.isrCount()),
          Units.duration(v.isrTimeNs()),
          Units.percent(v.isrTimeNs(), allTime),
          ran ? Units.duration(v.durationP50()) : "-",
          ran ? Units.duration(v.durationP99()) : "-",
          ran ? Units.duration(v.durationMax()) : "-");
    }
    return table;
  }
}
