package dpcsim.api;

import dpcsim.stats.CpuStats;
import dpcsim.stats.Percentiles;

/**
 * One processor's statistics ({@link SimulationResult#cpu}), times in simulated nanoseconds.
 *
 * @param stats every figure the CLI's tables and {@code --json} show for it
 */
public record CpuResult(CpuStats stats) {
  /**
   * @return the processor number
   */
  public int cpu() {
    return stats.cpu();
  }

  /**
   * @return insert-to-start latency of the DPCs that ran here: p50, p99, max, mean
   */
  public Percentiles latency() {
    return new Percentiles(
        stats.latencyP50(),
        stats.latencyP99(),
        stats.latencyMax(),
        SimulationResult.count(stats.dpcExecuted()),
        stats.latencyMean());
  }

  /**
   * @return duration of the routines that ran here: p50, p99, max, mean
   */
  public Percentiles duration() {
    return new Percentiles(
        stats.durationP50(),
        stats.durationP99(),
        stats.durationMax(),
        SimulationResult.count(stats.dpcExecuted()),
        stats.durationMean());
  }

  /**
   * @return routine calls on this processor
   */
  public long dpcExecuted() {
    return stats.dpcExecuted();
  }

  /**
   * @return time in DPC routines
   */
  public long dpcTimeNs() {
    return stats.dpcTimeNs();
  }

  /**
   * @return time in ISRs
   */
  public long isrTimeNs() {
    return stats.isrTimeNs();
  }

  /**
   * @return time idle
   */
  public long idleTimeNs() {
    return stats.idleTimeNs();
  }
}
