package dpcsim.report.html;

/**
 * The report's duration buckets, shared by every histogram. Bucket {@code i} holds durations in
 * {@code [lowerNs(i), upperNs(i))}; the last one has no upper bound.
 *
 * <p>From 250 µs up they are LatencyMon's (Resplendence), as its report counts ISRs and DPCs by
 * execution time: {@code <250 µs}, {@code 250-500 µs}, {@code 500-1000 µs}, {@code 1000-2000 µs},
 * {@code 2000-4000 µs}, {@code >=4000 µs}. (LatencyMon's DPC section labels the third row {@code
 * 500-10000 µs}, evidently a typo: its next row starts at 1000 µs and its ISR section says {@code
 * 500-1000 µs}.) Simulated routines are mostly a few microseconds long, so this report splits
 * LatencyMon's first bucket into eight finer ones (its own addition); {@link #latencyMon} adds them
 * back up.
 */
public final class LatencyBuckets {
  private static final long US = 1_000;

  /** Exclusive upper bounds of every bucket but the last. */
  private static final long[] UPPER_NS = {
    US, 2 * US, 5 * US, 10 * US, 25 * US, 50 * US, 100 * US, 250 * US, 500 * US, 1000 * US,
    2000 * US, 4000 * US
  };

  /** The buckets below LatencyMon's 250 µs edge: the finer split this report adds. */
  public static final int FINE = 8;

  /** Every bucket's label. */
  private static final String[] LABELS = {
    "<1 µs",
    "1-2 µs",
    "2-5 µs",
    "5-10 µs",
    "10-25 µs",
    "25-50 µs",
    "50-100 µs",
    "100-250 µs",
    "250-500 µs",
    "500-1000 µs",
    "1000-2000 µs",
    "2000-4000 µs",
    ">=4000 µs"
  };

  /** LatencyMon's six buckets: the first is the sum of the {@link #FINE} finer ones. */
  private static final String[] LATENCYMON_LABELS = {
    "<250 µs", "250-500 µs", "500-1000 µs", "1000-2000 µs", "2000-4000 µs", ">=4000 µs"
  };

  /** The number of buckets. */
  public static final int COUNT = UPPER_NS.length + 1;

  /** The number of LatencyMon buckets. */
  public static final int LATENCYMON_COUNT = LATENCYMON_LABELS.length;

  private LatencyBuckets() {}

  /**
   * @return the bucket of a duration of {@code ns} (negative durations count as 0)
   */
  public static int index(long ns) {
    for (int i = 0; i < UPPER_NS.length; i++) {
      if (ns < UPPER_NS[i]) {
        return i;
      }
    }
    return UPPER_NS.length;
  }

  /**
   * @return the inclusive lower bound of bucket {@code i} in ns
   */
  public static long lowerNs(int i) {
    return i == 0 ? 0 : UPPER_NS[i - 1];
  }

  /**
   * @return the exclusive upper bound of bucket {@code i} in ns, or -1 for the last (unbounded)
   */
  public static long upperNs(int i) {
    return i < UPPER_NS.length ? UPPER_NS[i] : -1;
  }

  /**
   * @return the label of bucket {@code i}, e.g. {@code 250-500 µs}
   */
  public static String label(int i) {
    return LABELS[i];
  }

  /**
   * @return the label of bucket {@code i} without its unit, e.g. {@code 250-500}, for axes
   */
  public static String shortLabel(int i) {
    return LABELS[i].substring(0, LABELS[i].length() - " µs".length());
  }

  /**
   * @return the label of LatencyMon bucket {@code j}, e.g. {@code <250 µs}
   */
  public static String latencyMonLabel(int j) {
    return LATENCYMON_LABELS[j];
  }

  /**
   * @return the LatencyMon bucket that holds bucket {@code i}
   */
  public static int latencyMonOf(int i) {
    return i < FINE ? 0 : i - FINE + 1;
  }

  /**
   * @return {@code counts} (one per bucket) added up into LatencyMon's six buckets
   */
  public static long[] latencyMon(long[] counts) {
    long[] out = new long[LATENCYMON_COUNT];
    for (int i = 0; i < COUNT; i++) {
      out[latencyMonOf(i)] += counts[i];
    }
    return out;
  }
}
