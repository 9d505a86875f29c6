package dpcsim.trace;

import java.util.function.IntBinaryOperator;

/**
 * Sorts a permutation of indices by a comparison of the entries they name: a natural merge sort
 * (merge neighbouring ascending runs, pass by pass), stable, with no allocation. The trace's sort
 * keys live in parallel primitive arrays ({@link InstantSorter}, the coordinator's trace merge), so
 * comparing two entries is a few array reads, and the runs they arrive in (one processor's events)
 * make most inputs need few passes.
 */
public final class IndexSort {
  private IndexSort() {}

  /**
   * Sorts {@code order[0..n)} so that {@code compare} is ascending along it.
   *
   * @param scratch at least {@code n} long; its contents are overwritten
   * @param compare negative, zero or positive as the entry named by its first index sorts before,
   *     with or after the second's
   */
  public static void sort(int[] order, int[] scratch, int n, IntBinaryOperator compare) {
    if (runEnd(order, 0, n, compare) == n) {
      return;
    }
    int[] src = order;
    int[] dst = scratch;
    int runs;
    do {
      runs = 0;
      for (int lo = 0; lo < n; runs++) {
        int mid = runEnd(src, lo, n, compare);
        int hi = mid < n ? runEnd(src, mid, n, compare) : n;
        merge(src, dst, lo, mid, hi, compare);
        lo = hi;
      }
      int[] t = src;
      src = dst;
      dst = t;
    } while (runs > 1);
    if (src != order) {
      System.arraycopy(src, 0, order, 0, n);
    }
  }

  /** The end of the ascending run of {@code a} that starts at {@code lo}. */
  private static int runEnd(int[] a, int lo, int n, IntBinaryOperator compare) {
    int i = lo + 1;
    while (i < n && compare.applyAsInt(a[i - 1], a[i]) <= 0) {
      i++;
    }
    return Math.min(i, n);
  }

  private static void merge(
      int[] src, int[] dst, int lo, int mid, int hi, IntBinaryOperator compare) {
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && compare.applyAsInt(src[i], src[j]) <= 0)) {
        dst[k] = src[i++];
      } else {
        dst[k] = src[j++];
      }
    }
  }
}
