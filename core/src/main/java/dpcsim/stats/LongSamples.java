package dpcsim.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Long samples (latencies, durations) with exact nearest-rank percentiles. Samples are kept in
 * chunks that are never copied while a run goes on (a growing array copied itself at every
 * doubling, ~100 bytes of garbage per DPC), as ints when they fit (four bytes a sample, not eight).
 * A percentile of a large set is found by {@link RadixSelect}, which reads the chunks where they
 * are; a small set (or one with negative values) is copied and selected by {@link QuickSelect}.
 * Either way the value is the one a full sort gives.
 */
final class LongSamples {
  /** The first chunk's length; chunks double up to {@link #MAX_CHUNK}. */
  private static final int FIRST_CHUNK = 64;

  private static final int MAX_CHUNK = 1 << 14;

  /** Sets at least this large are selected by radix passes, smaller ones by quickselect. */
  static final int RADIX_MIN = 4096;

  /**
   * Samples in 0..Integer.MAX_VALUE (every latency and duration below 2.1 s) are kept as ints, half
   * the memory; any other value goes to {@link #wide}.
   */
  private final Chunks narrow = new Chunks(false);

  private Chunks wide;
  private int size;
  private long sum;
  private long max = Long.MIN_VALUE;
  private long min = Long.MAX_VALUE;

  /** The last percentiles asked since the last sample: asking again costs nothing. */
  private final double[] askedP = new double[4];

  private final long[] answers = new long[4];
  private int answered;

  /**
   * Values in chunks that are never copied while samples arrive: ints, or longs for the values an
   * int cannot hold. The chunk being filled is a field of its own, so adding a value is one store.
   */
  static final class Chunks {
    private final boolean longs;
    private int[][] intChunks;
    private long[][] longChunks;
    private int[] intCurrent = new int[0];
    private long[] longCurrent = new long[0];
    private int count;
    private int used;
    private int size;

    Chunks(boolean longs) {
      this.longs = longs;
      if (longs) {
        longChunks = new long[4][];
      } else {
        intChunks = new int[4][];
      }
    }

    /** Adds a value in 0..Integer.MAX_VALUE to an int store. */
    void addInt(int v) {
      if (used == intCurrent.length) {
        if (count == intChunks.length) {
          intChunks = Arrays.copyOf(intChunks, count * 2);
        }
        intCurrent = new int[nextLength()];
        intChunks[count++] = intCurrent;
        used = 0;
      }
      intCurrent[used++] = v;
      size++;
    }

    /** Adds any value to a long store. */
    void addLong(long v) {
      if (used == longCurrent.length) {
        if (count == longChunks.length) {
          longChunks = Arrays.copyOf(longChunks, count * 2);
        }
        longCurrent = new long[nextLength()];
        longChunks[count++] = longCurrent;
        used = 0;
      }
      longCurrent[used++] = v;
      size++;
    }

    private int nextLength() {
      return Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, size));
    }

    int count() {
      return count;
    }

    int size() {
      return size;
    }

    /**
     * @return chunk {@code c} of an int store
     */
    int[] intChunk(int c) {
      return intChunks[c];
    }

    /**
     * @return chunk {@code c} of a long store
     */
    long[] longChunk(int c) {
      return longChunks[c];
    }

    boolean longs() {
      return longs;
    }

    /**
     * @return how many values chunk {@code c} holds
     */
    int length(int c) {
      return c == count - 1 ? used : (longs ? longChunks[c].length : intChunks[c].length);
    }

    /** Copies every value into {@code into} from {@code at}; @return the index after them */
    int copyTo(long[] into, int at) {
      for (int c = 0; c < count; c++) {
        int n = length(c);
        if (longs) {
          System.arraycopy(longChunks[c], 0, into, at, n);
        } else {
          int[] v = intChunks[c];
          for (int i = 0; i < n; i++) {
            into[at + i] = v[i];
          }
        }
        at += n;
      }
      return at;
    }
  }

  void add(long v) {
    if (v >= 0 && v <= Integer.MAX_VALUE) {
      narrow.addInt((int) v);
    } else {
      if (wide == null) {
        wide = new Chunks(true);
      }
      wide.addLong(v);
    }
    size++;
    sum += v;
    answered = 0;
    if (v > max) {
      max = v;
    }
    if (v < min) {
      min = v;
    }
  }

  int size() {
    return size;
  }

  /**
   * @return the chunk stores holding this set's samples (one or two)
   */
  List<Chunks> stores() {
    return wide == null ? List.of(narrow) : List.of(narrow, wide);
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
    for (int i = 0; i < answered; i++) {
      if (askedP[i] == p) {
        return answers[i];
      }
    }
    long v = percentileOf(List.of(this), p);
    remember(p, v);
    return v;
  }

  /**
   * @return the nearest-rank percentile {@code p} of the union of {@code parts} (0 when all are
   *     empty): the machine's latency is every processor's
   */
  static long percentileOf(List<LongSamples> parts, double p) {
    return percentiles(parts, p, p)[0];
  }

  /**
   * @return the largest sample of the union of {@code parts} (0 when all are empty)
   */
  static long maxOf(List<LongSamples> parts) {
    long hi = 0;
    boolean any = false;
    for (LongSamples s : parts) {
      if (s.size > 0) {
        hi = any ? Math.max(hi, s.max) : s.max;
        any = true;
      }
    }
    return hi;
  }

  /**
   * Selects the percentiles the statistics report (50 and 99) now, so later calls are answered from
   * memory: the statistics prepare their sets in parallel at the end of a run.
   */
  void prepare() {
    if (size == 0) {
      return;
    }
    long[] v = p50p99(List.of(this));
    answered = 0;
    remember(50, v[0]);
    remember(99, v[1]);
  }

  /**
   * The 50th and 99th nearest-rank percentiles of the union of {@code parts}, together: a large
   * union in shared radix passes; a small one (or one with negative samples) copied once into this
   * thread's scratch array, both ranks selected in the copy (the second in what the first left on
   * its side).
   *
   * @return {p50, p99}, zeros when there is no sample
   */
  static long[] p50p99(List<LongSamples> parts) {
    return percentiles(parts, 50, 99);
  }

  /**
   * The nearest-rank percentiles {@code p1 <= p2} of the union of {@code parts}, together: a large
   * union in shared radix passes; a small one (or one with negative samples) copied once into this
   * thread's scratch array, both ranks selected in the copy (the second in what the first left on
   * its side).
   *
   * @return {the p1 value, the p2 value}, zeros when there is no sample
   */
  private static long[] percentiles(List<LongSamples> parts, double p1, double p2) {
    long total = 0;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (LongSamples s : parts) {
      total += s.size;
      lo = Math.min(lo, s.min);
      hi = Math.max(hi, s.max);
    }
    if (total == 0) {
      return new long[2];
    }
    long k1 = rank(p1, total);
    long k2 = rank(p2, total);
    long[] v;
    if (total >= RADIX_MIN && lo >= 0) {
      v = RadixSelect.select(parts, k1, k2, hi);
    } else {
      int n = Math.toIntExact(total);
      long[] a = n <= SCRATCH_MAX ? scratch(n) : new long[n];
      int at = 0;
      for (LongSamples s : parts) {
        for (Chunks store : s.stores()) {
          at = store.copyTo(a, at);
        }
      }
      long v1 = QuickSelect.select(a, n, (int) k1);
      long v2 = v1;
      if (k2 > k1) {
        QuickSelect.select(a, (int) k1 + 1, n, (int) k2);
        v2 = a[(int) k2];
      }
      v = new long[] {v1, v2};
    }
    // The top rank is the maximum, known without selecting.
    if (k1 == total - 1) {
      v[0] = hi;
    }
    if (k2 == total - 1) {
      v[1] = hi;
    }
    return v;
  }

  /** The nearest-rank index (0-based) of percentile {@code p} among {@code n} samples. */
  private static long rank(double p, long n) {
    long r = (long) Math.ceil(p / 100.0 * n);
    return Math.max(0, Math.min(n - 1, r - 1));
  }

  /** The largest set a thread's scratch array grows to; larger ones get an array of their own. */
  private static final int SCRATCH_MAX = 1 << 16;

  private static final ThreadLocal<long[][]> SCRATCH = ThreadLocal.withInitial(() -> new long[1][]);

  private static long[] scratch(int n) {
    long[][] holder = SCRATCH.get();
    if (holder[0] == null || holder[0].length < n) {
      holder[0] = new long[Math.max(n, RADIX_MIN)];
    }
    return holder[0];
  }

  private void remember(double p, long v) {
    if (answered < askedP.length) {
      askedP[answered] = p;
      answers[answered++] = v;
    }
  }

  long max() {
    return size == 0 ? 0 : max;
  }

  /**
   * @return the mean sample, rounded down (0 when empty): LatencyMon's "average"
   */
  long mean() {
    return size == 0 ? 0 : Math.floorDiv(sum, size);
  }

  /**
   * @return the mean of the union of {@code parts}, rounded down (0 when all are empty)
   */
  static long meanOf(List<LongSamples> parts) {
    long total = 0;
    long n = 0;
    for (LongSamples s : parts) {
      total += s.sum;
      n += s.size;
    }
    return n == 0 ? 0 : Math.floorDiv(total, n);
  }
}
