package dpcsim.report.html;

/**
 * DPC latency per row of processors ({@link CpuRows}) and time slice, gathered by {@link
 * ReportCollector} for the latency-over-time chart. Each (row, slice) cell that had a DPC start
 * gets a {@link LogBuckets} histogram (allocated on its first latency, so idle rows cost nothing)
 * and its exact largest latency: memory is at most rows x slices x buckets counts, however many
 * DPCs ran. A latency counts in the slice where its DPC started.
 */
final class SliceLatency {
  private final int slices;
  private final int buckets;
  private final int[][][] counts;
  private final long[][] max;

  /**
   * @param maxNs the longest latency possible (the run's duration): it sets the buckets' number
   */
  SliceLatency(int rows, int slices, long maxNs) {
    this.slices = slices;
    this.buckets = LogBuckets.countFor(maxNs);
    this.counts = new int[rows][slices][];
    this.max = new long[rows][slices];
  }

  void add(int row, int slice, long ns) {
    int[] h = counts[row][slice];
    if (h == null) {
      h = new int[buckets];
      counts[row][slice] = h;
      max[row][slice] = ns;
    }
    // A latency past the buckets (longer than the duration: not possible) joins the last one.
    h[Math.min(buckets - 1, LogBuckets.index(ns))]++;
    max[row][slice] = Math.max(max[row][slice], ns);
  }

  /**
   * @return each cell's p99, count and maximum
   */
  LatencyOverTime finish() {
    int rows = counts.length;
    long[][] p99 = new long[rows][slices];
    long[][] n = new long[rows][slices];
    long[][] hi = new long[rows][slices];
    for (int r = 0; r < rows; r++) {
      for (int b = 0; b < slices; b++) {
        int[] h = counts[r][b];
        if (h == null) {
          p99[r][b] = LatencyOverTime.NONE;
          hi[r][b] = LatencyOverTime.NONE;
          continue;
        }
        long total = 0;
        for (int c : h) {
          total += c;
        }
        n[r][b] = total;
        hi[r][b] = max[r][b];
        p99[r][b] = p99(h, total, max[r][b]);
      }
    }
    return new LatencyOverTime(p99, n, hi);
  }

  /**
   * The nearest-rank 99th percentile (the smallest latency with at least 99% at or below it, as the
   * summary table's), read from the histogram: the largest value of the bucket that holds that
   * rank, but never above the cell's maximum. Exact for fewer than 100 latencies (the rank is then
   * the largest) and below {@link LogBuckets#EXACT} ns; otherwise at most 12.5% above the exact
   * value.
   */
  static long p99(int[] h, long total, long max) {
    long rank = (long) Math.ceil(0.99 * total);
    if (rank >= total) {
      return max;
    }
    long seen = 0;
    for (int i = 0; i < h.length; i++) {
      seen += h[i];
      if (seen >= rank) {
        return Math.min(max, LogBuckets.highestNs(i));
      }
    }
    return max;
  }
}
