package dpcsim.stats;

import java.util.Arrays;

/**
 * A growable array of long samples with exact nearest-rank percentiles. A percentile is found by
 * selection (quickselect), not by sorting: a run keeps several sample sets of up to millions of
 * values, and sorting them all at the end cost as much as a tenth of a whole PHOLD run. The
 * selected value is the same as a full sort gives.
 */
final class LongSamples {
  /** The first chunk's length; chunks double up to {@link #MAX_CHUNK}. */
  private static final int FIRST_CHUNK = 64;

  private static final int MAX_CHUNK = 1 << 16;

  /**
   * Samples arrive in chunks that are never copied while the run goes on (a growing array copied
   * itself on every doubling, ~100 bytes of garbage per DPC); a percentile query joins them into
   * {@code chunks[0]} once.
   */
  private long[][] chunks = new long[4][];

  private int chunkCount;
  private long[] current;
  private int used;
  private int size;
  private long max = Long.MIN_VALUE;

  /** A rank whose value is in its sorted place with the array partitioned around it, or -1. */
  private int partitionedAt = -1;

  /** The last percentiles asked since the last sample: asking again costs nothing. */
  private final double[] askedP = new double[4];

  private final long[] answers = new long[4];
  private int answered;

  void add(long v) {
    if (current == null || used == current.length) {
      newChunk();
    }
    current[used++] = v;
    size++;
    partitionedAt = -1;
    answered = 0;
    if (v > max) {
      max = v;
    }
  }

  private void newChunk() {
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunkCount * 2);
    }
    current = new long[Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, size))];
    chunks[chunkCount++] = current;
    used = 0;
  }

  int size() {
    return size;
  }

  /**
   * @return every sample in one array (its first {@link #size} entries), joining the chunks once
   */
  private long[] values() {
    if (chunkCount == 1) {
      return chunks[0];
    }
    long[] all = new long[size];
    int at = 0;
    for (int k = 0; k < chunkCount; k++) {
      int n = k == chunkCount - 1 ? used : chunks[k].length;
      System.arraycopy(chunks[k], 0, all, at, n);
      at += n;
    }
    Arrays.fill(chunks, null);
    chunks[0] = all;
    chunkCount = 1;
    current = all;
    used = size;
    return all;
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
    if (k == size - 1) {
      return max;
    }
    for (int i = 0; i < answered; i++) {
      if (askedP[i] == p) {
        return answers[i];
      }
    }
    long[] values = values();
    // The previous selection left values[partitionedAt] in place with smaller ranks before it and
    // larger after: the next rank (p99 after p50) only has to search its own side.
    if (partitionedAt < 0 || k == partitionedAt) {
      if (partitionedAt < 0) {
        select(values, 0, size, k);
      }
    } else if (k > partitionedAt) {
      select(values, partitionedAt + 1, size, k);
    } else {
      select(values, 0, partitionedAt, k);
    }
    partitionedAt = k;
    if (answered < askedP.length) {
      askedP[answered] = p;
      answers[answered++] = values[k];
    }
    return values[k];
  }

  /**
   * Selects the percentiles the statistics report (50 and 99) now, so later calls are answered from
   * memory: the statistics prepare their sets in parallel at the end of a run.
   */
  void prepare() {
    percentile(50);
    percentile(99);
  }

  long max() {
    return size == 0 ? 0 : max;
  }

  /**
   * Hoare-partition quickselect (Wirth's FIND) of rank {@code k} within {@code a[from..to)}, which
   * must already hold exactly the values of those ranks. Median-of-three pivots; both scans stop at
   * keys equal to the pivot, so runs of ties (many 0 ns latencies) split in the middle instead of
   * degrading. A range that will not shrink fast falls back to a sort.
   */
  private static void select(long[] a, int from, int to, int k) {
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
