package dpcsim.api;

import dpcsim.stats.DeviceStats;
import dpcsim.stats.Percentiles;

/**
 * One device's ISR statistics over all processors ({@link SimulationResult#device}), times in
 * simulated nanoseconds.
 *
 * @param stats every figure the CLI's tables and {@code --json} show for it
 */
public record DeviceResult(DeviceStats stats) {
  /**
   * @return the device's name
   */
  public String name() {
    return stats.device();
  }

  /**
   * @return ISRs started
   */
  public long isrCount() {
    return stats.isrCount();
  }

  /**
   * @return time inside its ISR
   */
  public long isrTimeNs() {
    return stats.isrTimeNs();
  }

  /**
   * @return ISR duration (start to end): p50, p99, max, mean, over {@link #isrCount()} ISRs
   */
  public Percentiles duration() {
    return new Percentiles(
        stats.durationP50(),
        stats.durationP99(),
        stats.durationMax(),
        SimulationResult.count(stats.isrCount()),
        stats.durationMean());
  }
}
