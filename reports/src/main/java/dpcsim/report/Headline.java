package dpcsim.report;

import dpcsim.engine.RunResult;
import dpcsim.scenario.ScenarioText;
import dpcsim.stats.DeviceStats;
import dpcsim.stats.DpcStats;
import dpcsim.stats.Percentiles;
import java.util.List;

/**
 * The two lines above {@code dpcsim run}'s tables that answer what LatencyMon's main page answers:
 * the longest DPC routine and the KDPC that ran it, the longest ISR and its device, the time in
 * DPCs and ISRs, and the highest and average insert-to-start latency.
 */
public final class Headline {
  private Headline() {}

  /**
   * @return the headline, two lines
   */
  public static List<String> lines(RunResult r) {
    DpcStats longestDpc = null;
    for (DpcStats d : r.dpcs()) {
      if (d.dpcExecuted() > 0
          && (longestDpc == null || d.durationMax() > longestDpc.durationMax())) {
        longestDpc = d;
      }
    }
    DeviceStats longestIsr = null;
    for (DeviceStats v : r.devices()) {
      if (v.isrCount() > 0 && (longestIsr == null || v.durationMax() > longestIsr.durationMax())) {
        longestIsr = v;
      }
    }
    CpuTotals t = CpuTotals.of(r.cpus());
    long all = r.simulatedNs() * r.cpus().size();
    Percentiles latency = r.stats().machineLatency();
    return List.of(
        "highest DPC routine execution time "
            + (longestDpc == null
                ? "-"
                : Units.duration(longestDpc.durationMax())
                    + " ("
                    + ScenarioText.escape(longestDpc.dpc())
                    + ")")
            + " | highest ISR routine execution time "
            + (longestIsr == null
                ? "-"
                : Units.duration(longestIsr.durationMax())
                    + " ("
                    + ScenarioText.escape(longestIsr.device())
                    + ")"),
        "time in DPCs "
            + Units.percent(t.dpcTimeNs(), all)
            + " and in ISRs "
            + Units.percent(t.isrTimeNs(), all)
            + " of all processors' time | DPC latency "
            + (t.dpcExecuted() == 0
                ? "-"
                : "highest "
                    + Units.duration(latency.max())
                    + ", average "
                    + Units.duration(latency.mean())));
  }
}
