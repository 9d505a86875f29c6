package dpcsim.engine;

import dpcsim.scenario.Scenario;
import dpcsim.stats.CpuStats;
import dpcsim.stats.DeviceStats;
import dpcsim.stats.DpcStats;
import dpcsim.stats.RunStats;
import java.util.List;

/**
 * What a run produced: the trace's hash and length and the statistics (per processor, per KDPC, per
 * device).
 *
 * @param simulatedNs the simulated time reached (the duration, or the instant of a watchdog
 *     violation with {@code action: stop})
 * @param stoppedByWatchdog the run ended early on a watchdog violation
 * @param processedEvents simulation events processed (ticks, routine ends, ...), for rates
 * @param counters how the engine moved the work around (windows, messages), for benchmarks
 */
public record RunResult(
    Scenario scenario,
    String engine,
    int nodes,
    long simulatedNs,
    boolean stoppedByWatchdog,
    long events,
    String traceSha256,
    RunStats stats,
    long processedEvents,
    List<Placement> placement,
    EngineCounters counters) {

  /**
   * @return one entry per processor
   */
  public List<CpuStats> cpus() {
    return stats.cpus();
  }

  /**
   * @return one entry per KDPC
   */
  public List<DpcStats> dpcs() {
    return stats.dpcs();
  }

  /**
   * @return one entry per device
   */
  public List<DeviceStats> devices() {
    return stats.devices();
  }

  /** The placement of an engine that runs in this process only. */
  public static List<Placement> local(Scenario s) {
    return List.of(new Placement("local", 0, s.processors()));
  }

  /**
   * @return the address of the node that ran processor {@code cpu}
   */
  public String nodeOf(int cpu) {
    for (Placement p : placement) {
      if (cpu >= p.firstCpu() && cpu < p.endCpu()) {
        return p.address();
      }
    }
    return "local";
  }

  /**
   * @return DPC routine executions over all processors
   */
  public long dpcExecuted() {
    long n = 0;
    for (CpuStats c : cpus()) {
      n += c.dpcExecuted();
    }
    return n;
  }
}
