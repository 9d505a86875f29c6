package dpcsim.report;

import dpcsim.engine.RunResult;
import java.util.ArrayList;
import java.util.List;

/** The readable per-processor summary {@code dpcsim run} prints without {@code --json}. */
public final class SummaryTable {
  private static final String[] HEADERS = {
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
    "watchdog"
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
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    long sim = r.simulatedNs();
    long[] total = new long[9];
    int maxDepth = 0;
    long latMax = 0;
    for (CpuStats c : r.cpus()) {
      rows.add(
          new String[] {
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
            c.dpcExecuted() == 0 ? "-" : Units.duration(c.latencyP50()),
            c.dpcExecuted() == 0 ? "-" : Units.duration(c.latencyP99()),
            c.dpcExecuted() == 0 ? "-" : Units.duration(c.latencyMax()),
            Long.toString(c.watchdog())
          });
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
    }
    if (r.cpus().size() > 1) {
      long all = sim * r.cpus().size();
      rows.add(
          new String[] {
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
            total[1] == 0 ? "-" : Units.duration(latMax),
            Long.toString(total[8])
          });
    }
    int[] width = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        line.append(" ".repeat(width[i] - row[i].length())).append(row[i]);
      }
      out.add(line.toString());
    }
    out.add("");
    out.add(
        "dpc, isr, idle: share of simulated time; lat: DPC insert to routine start (p50/p99/max)");
    out.add(r.events() + " trace events | traceSha256 " + r.traceSha256());
    return out;
  }
}
