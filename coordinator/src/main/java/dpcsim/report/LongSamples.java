package dpcsim.report;

import java.util.Arrays;

/**
 * A growable array of long samples with exact nearest-rank percentiles. A percentile is found by
 * selection (quickselect with three-way partitioning), not by sorting: a run keeps several sample
 * sets of up to millions of values, and sorting them all at the end cost as much as a tenth of a
 * whole PHOLD run. The selected value is the same as a full sort gives.
 */
final class LongSamples {
  private long[] values = new long[16];
  private int size;
  private long max = Long.MIN_VALUE;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
    if (v > max) {
      max = v;
    }
  }

  int size() {
    return size;
  }

  /**
   * @param p the percentile, 0 < p <= 100
   * @return the nearest-rank percentile (the smallest sample with at least p% of samples at or
   *     below it), or 0 when there are no samples
   */
  long percentile(double p) {
    if (size == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * size);
    int k = Math.max(0, Math.min(size - 1, rank - 1));
    return k == size - 1 ? max : select(values, size, k);
  }

  long max() {
    return size == 0 ? 0 : max;
  }

  /**
   * @return the k-th smallest of {@code a[0..n)} (0-based), reordering {@code a}; deterministic
   *     (median-of-three pivots), and a range that will not shrink fast falls back to a sort
   */
  static long select(long[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
    while (lo < hi) {
      if (--rounds < 0) {
        Arrays.sort(a, lo, hi + 1);
        return a[k];
      }
      long pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
      // Three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot. Ties (many
      // 0 ns latencies) land in the middle band at once instead of splitting round after round.
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        long v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[gt];
          a[gt--] = v;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
    return a[k];
  }

  private static long medianOfThree(long x, long y, long z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
