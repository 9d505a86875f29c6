package dpcsim.report.html;

import java.util.Arrays;

/** Counts of durations in the {@link LatencyBuckets}; filled only by {@link ReportCollector}. */
public final class Histogram {
  private final long[] counts = new long[LatencyBuckets.COUNT];
  private long max = -1;

  void add(long ns) {
    counts[LatencyBuckets.index(ns)]++;
    max = Math.max(max, ns);
  }

  /**
   * @return the count in bucket {@code i}
   */
  public long count(int i) {
    return counts[i];
  }

  /**
   * @return every bucket's count
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * @return the counts in LatencyMon's six buckets
   */
  public long[] latencyMon() {
    return LatencyBuckets.latencyMon(counts);
  }

  /**
   * @return the number of durations counted
   */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /**
   * @return the longest duration counted, or -1 when none was
   */
  public long maxNs() {
    return max;
  }
}
