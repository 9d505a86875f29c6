package dpcsim.report;

import dpcsim.engine.RunResult;
import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.ScenarioText;
import dpcsim.stats.DeviceStats;
import dpcsim.stats.DpcStats;
import dpcsim.stats.Percentiles;
import java.util.List;
import java.util.function.Function;

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
                    + who(
                        longestDpc.dpc(),
                        r.scenario().dpcs(),
                        DpcDef::name,
                        DpcDef::module,
                        DpcDef::function)
                    + ")")
            + " | highest ISR routine execution time "
            + (longestIsr == null
                ? "-"
                : Units.duration(longestIsr.durationMax())
                    + " ("
                    + who(
                        longestIsr.device(),
                        r.scenario().devices(),
                        DeviceDef::name,
                        DeviceDef::module,
                        DeviceDef::function)
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

  /**
   * @return the KDPC's or device's name, preceded by {@code module!function} (the way WPA and the
   *     debugger name a routine) when the scenario gives it a module or function of its own (the
   *     two then differ)
   */
  private static <T> String who(
      String name,
      List<T> defs,
      Function<T, String> nameOf,
      Function<T, String> moduleOf,
      Function<T, String> functionOf) {
    for (T d : defs) {
      if (nameOf.apply(d).equals(name)) {
        String module = moduleOf.apply(d);
        String function = functionOf.apply(d);
        if (module.equals(function)) {
          break; // both defaulted to the name (a per-CPU instance's: its template's)
        }
        return ScenarioText.escape(module + "!" + function) + ", " + ScenarioText.escape(name);
      }
    }
    return ScenarioText.escape(name);
  }
}
