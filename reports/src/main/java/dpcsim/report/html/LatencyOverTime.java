package dpcsim.report.html;

/**
 * DPC insert-to-start latency per row of processors and time slice (the queue-depth chart's
 * slices), as {@link SliceLatency} summed it up. A slice where no DPC of the row started has no
 * figure ({@link #NONE}): the chart leaves a gap there rather than draw a latency of 0.
 *
 * @param p99Ns [row][slice] nearest-rank p99 in ns (see {@link SliceLatency#p99}), or {@link #NONE}
 * @param counts [row][slice] DPCs that started
 * @param maxNs [row][slice] the longest latency in ns, or {@link #NONE}
 */
record LatencyOverTime(long[][] p99Ns, long[][] counts, long[][] maxNs) {
  /** The figure of a slice without a DPC start. */
  static final long NONE = -1;

  /**
   * @return the row's p99 in {@code slice}, or {@link #NONE}
   */
  long p99(int row, int slice) {
    return p99Ns[row][slice];
  }

  /**
   * @return the row's DPC starts in {@code slice}
   */
  long count(int row, int slice) {
    return counts[row][slice];
  }

  /**
   * @return the row's longest latency in {@code slice}, or {@link #NONE}
   */
  long max(int row, int slice) {
    return maxNs[row][slice];
  }

  /**
   * @return the largest p99 of {@code row} over the run, or {@link #NONE} when no DPC started there
   */
  long rowP99(int row) {
    long hi = NONE;
    for (long v : p99Ns[row]) {
      hi = Math.max(hi, v);
    }
    return hi;
  }

  /**
   * @return the smallest and largest p99 of any cell, or {@code {NONE, NONE}} when none has one
   */
  long[] range() {
    long lo = Long.MAX_VALUE;
    long hi = NONE;
    for (long[] row : p99Ns) {
      for (long v : row) {
        if (v != NONE) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return hi == NONE ? new long[] {NONE, NONE} : new long[] {lo, hi};
  }
}
