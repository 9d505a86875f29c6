package dpcsim.report.html;

/**
 * DPC latency per row of processors ({@link CpuRows}) and time slice, for the latency-over-time
 * chart: {@link ReportCollector} counts each latency in the slice where its DPC started. Each (row,
 * slice) cell has a {@link LogBuckets} histogram, its count and its exact longest latency, all
 * allocated up front in flat arrays: memory is rows x slices x buckets counts however many DPCs
 * ran, and counting allocates nothing. The histograms cover latencies up to the run's duration, at
 * most {@link #RANGE_NS}; a longer one joins the last bucket, whose p99 is then the cell's longest.
 * A slice where no DPC of the row started has no figure ({@link #NONE}): the chart leaves a gap
 * there rather than draw a latency of 0.
 */
final class SliceLatency {
  /** The figure of a slice without a DPC start. */
  static final long NONE = -1;

  /** The longest latency the buckets tell apart (4.3 s): it bounds their number at 241. */
  static final long RANGE_NS = (1L << 32) - 1;

  private final int slices;
  private final int buckets;
  private final int[] counts;
  private final int[] totals;
  private final long[] max;

  /** Each cell's p99, computed on the first question (while rendering, after the run). */
  private long[] p99s;

  /**
   * @param maxNs the longest latency possible (the run's duration)
   */
  SliceLatency(int rows, int slices, long maxNs) {
    this.slices = slices;
    this.buckets = LogBuckets.countFor(Math.min(maxNs, RANGE_NS));
    this.counts = new int[Math.multiplyExact(rows * slices, buckets)];
    this.totals = new int[rows * slices];
    this.max = new long[rows * slices];
  }

  void add(int row, int slice, long ns) {
    int cell = row * slices + slice;
    counts[cell * buckets + Math.min(buckets - 1, LogBuckets.index(ns))]++;
    max[cell] = totals[cell] == 0 ? ns : Math.max(max[cell], ns);
    totals[cell]++;
  }

  /**
   * @return the number of time slices
   */
  int slices() {
    return slices;
  }

  /**
   * @return the number of rows
   */
  int rows() {
    return totals.length / Math.max(1, slices);
  }

  /**
   * @return the row's DPC starts in {@code slice}
   */
  long count(int row, int slice) {
    return totals[row * slices + slice];
  }

  /**
   * @return the row's longest latency in {@code slice}, or {@link #NONE}
   */
  long max(int row, int slice) {
    int cell = row * slices + slice;
    return totals[cell] == 0 ? NONE : max[cell];
  }

  /**
   * @return the row's p99 in {@code slice} (see {@link #p99(int[], int, long, long)}), or {@link
   *     #NONE}
   */
  long p99(int row, int slice) {
    if (p99s == null) {
      long[] all = new long[totals.length];
      for (int cell = 0; cell < all.length; cell++) {
        all[cell] =
            totals[cell] == 0
                ? NONE
                : p99(counts, cell * buckets, buckets, totals[cell], max[cell]);
      }
      p99s = all;
    }
    return p99s[row * slices + slice];
  }

  /**
   * @return the largest p99 of {@code row} over the run, or {@link #NONE} when no DPC started there
   */
  long rowP99(int row) {
    long hi = NONE;
    for (int b = 0; b < slices; b++) {
      hi = Math.max(hi, p99(row, b));
    }
    return hi;
  }

  /**
   * The nearest-rank 99th percentile (the smallest latency with at least 99% at or below it, as the
   * summary table's) of one histogram, {@code h[from]} to {@code h[from + n - 1]}: the largest
   * value of the bucket that holds that rank, but never above the cell's longest (and the longest
   * itself in the last bucket). Exact for fewer than 100 latencies (the rank is then the longest)
   * and below {@link LogBuckets#EXACT} ns; otherwise at most 12.5% above the exact value.
   */
  static long p99(int[] h, int from, int n, long total, long max) {
    long rank = (long) Math.ceil(0.99 * total);
    if (rank >= total) {
      return max;
    }
    long seen = 0;
    for (int i = 0; i < n - 1; i++) {
      seen += h[from + i];
      if (seen >= rank) {
        return Math.min(max, LogBuckets.highestNs(i));
      }
    }
    return max;
  }
}
