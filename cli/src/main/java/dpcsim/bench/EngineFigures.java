package dpcsim.bench;

import dpcsim.engine.EngineCounters;
import java.util.Arrays;

/**
 * What {@code dpcsim bench} measured of one engine: one entry per timed run in the rate and time
 * arrays, and the counters of its last run (they do not vary between runs of one engine).
 *
 * @param peakHeapBytes the largest, over the timed runs, of the sum over the JVM's heap memory
 *     pools of each pool's peak used bytes during that run (after a collection before it, peaks
 *     reset then): an upper bound of the heap one run needed, garbage not yet collected included;
 *     of this JVM only (for the engine {@code cluster}, the client's heap, not the nodes')
 * @param allocatedBytesPerDpc the median over the timed runs of the engine's allocated bytes per
 *     DPC executed ({@link RunAllocation}), or NaN if this JVM cannot count allocations
 * @param traceAllocatedBytesPerDpc the same for the trace consumer's thread, or NaN if no such
 *     thread ended during the runs
 * @param processedEvents simulation events processed in one run
 */
public record EngineFigures(
    String engine,
    double[] eventsPerSecond,
    double[] dpcPerSecond,
    double[] wallSeconds,
    long peakHeapBytes,
    double allocatedBytesPerDpc,
    double traceAllocatedBytesPerDpc,
    long processedEvents,
    EngineCounters counters) {

  /**
   * @return the messages crossing between the engine's parts per simulation event
   */
  public double messagesPerEvent() {
    return processedEvents == 0 ? 0 : (double) counters.messages() / processedEvents;
  }

  /**
   * @return simulation events processed per synchronisation (window or shared step), or NaN for an
   *     engine without them (sequential)
   */
  public double eventsPerWindow() {
    long syncs = counters.synchronisations();
    return syncs == 0 ? Double.NaN : (double) processedEvents / syncs;
  }

  /**
   * @return the median of {@code values}
   */
  public static double median(double[] values) {
    double[] s = sorted(values);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /**
   * @return the median of {@code values}, or NaN if any is NaN (a run without the figure)
   */
  public static double medianOrNaN(double[] values) {
    for (double v : values) {
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
    }
    return median(values);
  }

  static double[] sorted(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s;
  }
}
