package dpcsim.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Exact selection of a rank among non-negative samples spread over several chunked sets, without
 * moving or copying them: most significant 16-bit digit first, a pass counts the candidates' next
 * digit and keeps the one bucket that holds the rank. Samples below 2^32 (every latency and
 * duration of a run shorter than four seconds) take two sequential passes; the counts table (256
 * KB) stays in cache. Quickselect took several passes that swap values, over a copy when the
 * samples are chunked; and a union (the machine's latency is every processor's) would have needed
 * one more copy.
 */
final class RadixSelect {
  private RadixSelect() {}

  private static final int DIGIT = 16;
  private static final int BUCKETS = 1 << DIGIT;

  /** Two counts tables per thread: sets are selected in parallel at the end of a run. */
  private static final ThreadLocal<int[][]> COUNTS =
      ThreadLocal.withInitial(() -> new int[][] {new int[BUCKETS], new int[BUCKETS]});

  /**
   * Selects two ranks (0-based, below the parts' total size) in the same passes (the statistics
   * want p50 and p99 of every set): while the ranks' leading digits agree one table counts for
   * both, after that one scan fills two.
   *
   * @param parts sets whose samples are all {@code >= 0} and at most {@code max}
   * @return the values of ranks {@code k1} and {@code k2} in the union of {@code parts}
   */
  static long[] select(List<LongSamples> parts, long k1, long k2, long max) {
    int bits = 64 - Long.numberOfLeadingZeros(max);
    int digits = Math.max(1, (bits + DIGIT - 1) / DIGIT);
    int[][] tables = COUNTS.get();
    long[] k = {k1, k2};
    long[] prefix = new long[2];
    for (int d = digits - 1; d >= 0; d--) {
      int shift = d * DIGIT;
      boolean top = d == digits - 1;
      boolean shared = prefix[0] == prefix[1];
      Arrays.fill(tables[0], 0);
      if (!shared) {
        Arrays.fill(tables[1], 0);
      }
      for (LongSamples part : parts) {
        for (LongSamples.Chunks store : part.stores()) {
          for (int c = 0; c < store.count(); c++) {
            int n = store.length(c);
            for (int r = 0; r < (shared ? 1 : 2); r++) {
              if (store.longs()) {
                count(store.longChunk(c), n, shift, prefix[r], top, tables[r]);
              } else {
                count(store.intChunk(c), n, shift, prefix[r], top, tables[r]);
              }
            }
          }
        }
      }
      for (int r = 0; r < 2; r++) {
        int[] counts = tables[shared ? 0 : r];
        int digit = 0;
        long below = 0;
        while (below + counts[digit] <= k[r]) {
          below += counts[digit];
          digit++;
        }
        k[r] -= below;
        prefix[r] |= (long) digit << shift;
      }
    }
    return prefix;
  }

  /** As {@link #count(long[], int, int, long, boolean, int[])}, for values kept as ints. */
  private static void count(
      int[] values, int n, int shift, long prefix, boolean top, int[] counts) {
    if (top) {
      for (int i = 0; i < n; i++) {
        counts[(int) ((values[i] & 0xFFFFFFFFL) >>> shift) & (BUCKETS - 1)]++;
      }
      return;
    }
    int above = shift + DIGIT;
    long want = prefix >>> above;
    for (int i = 0; i < n; i++) {
      long v = values[i] & 0xFFFFFFFFL;
      if ((v >>> above) == want) {
        counts[(int) ((v >>> shift) & (BUCKETS - 1))]++;
      }
    }
  }

  /** Counts the digit at {@code shift} of the values whose higher digits equal {@code prefix}'s. */
  private static void count(
      long[] values, int n, int shift, long prefix, boolean top, int[] counts) {
    if (top) {
      for (int i = 0; i < n; i++) {
        counts[(int) ((values[i] >>> shift) & (BUCKETS - 1))]++;
      }
      return;
    }
    int above = shift + DIGIT;
    long want = prefix >>> above;
    for (int i = 0; i < n; i++) {
      long v = values[i];
      if ((v >>> above) == want) {
        counts[(int) ((v >>> shift) & (BUCKETS - 1))]++;
      }
    }
  }
}
