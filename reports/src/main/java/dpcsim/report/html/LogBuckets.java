package dpcsim.report.html;

/**
 * Log-spaced duration buckets fine enough for a percentile, for {@link SliceLatency}: {@link
 * LatencyBuckets}' 13 bands are LatencyMon's and too coarse to read a p99 from (one band is 100 to
 * 250 µs). Durations below {@link #EXACT} ns have a bucket each; above, every power of two is split
 * into {@link #SUB} buckets, so a bucket's largest value is at most 1/{@link #SUB} (12.5%) above
 * its smallest. A histogram of them costs the same for any number of durations.
 */
final class LogBuckets {
  /** Durations below this many ns are counted exactly (0 ns, a DPC run at once, is common). */
  static final int EXACT = 16;

  /** Buckets per power of two above {@link #EXACT}. */
  static final int SUB = 8;

  private static final int SUB_BITS = 3;
  private static final int EXACT_BITS = 4;

  private LogBuckets() {}

  /**
   * @return the bucket of a duration of {@code ns} (a negative one counts as 0)
   */
  static int index(long ns) {
    if (ns < EXACT) {
      return (int) Math.max(0, ns);
    }
    int octave = 63 - Long.numberOfLeadingZeros(ns);
    int sub = (int) (ns >>> (octave - SUB_BITS)) & (SUB - 1);
    return EXACT + (octave - EXACT_BITS) * SUB + sub;
  }

  /**
   * @return the number of buckets that holds every duration up to {@code maxNs}
   */
  static int countFor(long maxNs) {
    return index(Math.max(0, maxNs)) + 1;
  }

  /**
   * @return the largest duration bucket {@code i} holds, in ns
   */
  static long highestNs(int i) {
    if (i < EXACT) {
      return i;
    }
    int octave = (i - EXACT) / SUB + EXACT_BITS;
    long sub = (i - EXACT) % SUB;
    long step = 1L << (octave - SUB_BITS);
    return (1L << octave) + (sub + 1) * step - 1;
  }
}
