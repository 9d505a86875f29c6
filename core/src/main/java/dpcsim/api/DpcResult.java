package dpcsim.api;

import dpcsim.stats.DpcStats;
import dpcsim.stats.Percentiles;

/**
 * One KDPC's statistics over all processors ({@link SimulationResult#dpc}), times in simulated
 * nanoseconds.
 *
 * @param stats every figure the CLI's tables and {@code --json} show for it
 */
public record DpcResult(DpcStats stats) {
  /**
   * @return the KDPC's name ({@code nicRx}, or {@code nicRx[2]} for a per-CPU instance)
   */
  public String name() {
    return stats.dpc();
  }

  /**
   * @return insert-to-start latency: p50, p99, max, mean, over {@link #executed()} routine starts
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
   * @return routine duration (start to end, preemptions included): p50, p99, max, mean
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
   * @return insertions that queued it
   */
  public long inserted() {
    return stats.dpcInserted();
  }

  /**
   * @return routine calls
   */
  public long executed() {
    return stats.dpcExecuted();
  }

  /**
   * @return insertions that returned FALSE because it was already queued
   */
  public long coalesced() {
    return stats.coalesced();
  }

  /**
   * @return time inside its routine, not counting ISRs and DPCs that preempted it
   */
  public long timeNs() {
    return stats.dpcTimeNs();
  }

  /**
   * @return DPC watchdog violations raised while it ran (win10)
   */
  public long watchdogViolations() {
    return stats.watchdog();
  }
}
