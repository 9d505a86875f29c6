package dpcsim.stats;

import java.util.Arrays;

/** Selection of one rank in an array, for sample sets too small for {@link RadixSelect}. */
final class QuickSelect {
  private QuickSelect() {}

  /**
   * @return the value of rank {@code k} (0-based) among {@code a[0..n)}, which it reorders
   */
  static long select(long[] a, int n, int k) {
    select(a, 0, n, k);
    return a[k];
  }

  /**
   * Hoare-partition quickselect (Wirth's FIND) of rank {@code k} within {@code a[from..to)}, which
   * must already hold exactly the values of those ranks. Median-of-three pivots; both scans stop at
   * keys equal to the pivot, so runs of ties (many 0 ns latencies) split in the middle instead of
   * degrading. A range that will not shrink fast falls back to a sort.
   */
  static void select(long[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(to - from)) + 8;
    while (lo < hi) {
      if (--rounds < 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, lo, mid);
      }
      if (a[hi] < a[lo]) {
        swap(a, lo, hi);
      }
      if (a[hi] < a[mid]) {
        swap(a, mid, hi);
      }
      long pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      }
      // Now a[lo..j] <= pivot, a[i..hi] >= pivot, and anything strictly between equals it.
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void swap(long[] a, int i, int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
