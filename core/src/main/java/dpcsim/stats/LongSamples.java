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
  private long max = Long.MIN_VALUE;
  private long min = Long.MAX_VALUE;

  /** The last percentiles asked since the last sample: asking again costs nothing. */
  private final double[] askedP = new double[4];

  private final long[] answers = new long[4];
  private int answered;

  /** Values in chunks of ints or longs that are never copied while samples arrive. */
  static final class Chunks {
    private final boolean longs;
    private Object[] chunks = new Object[4];
    private int count;
    private int used;
    private int capacity;
    private int size;

    Chunks(boolean longs) {
      this.longs = longs;
    }

    void add(long v) {
      if (used == capacity) {
        if (count == chunks.length) {
          chunks = Arrays.copyOf(chunks, count * 2);
        }
        capacity = Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, size));
        chunks[count++] = longs ? new long[capacity] : new int[capacity];
        used = 0;
      }
      if (longs) {
        ((long[]) chunks[count - 1])[used++] = v;
      } else {
        ((int[]) chunks[count - 1])[used++] = (int) v;
      }
      size++;
    }

    int count() {
      return count;
    }

    int size() {
      return size;
    }

    /**
     * @return chunk {@code c}: an {@code int[]} or a {@code long[]}
     */
    Object chunk(int c) {
      return chunks[c];
    }

    /**
     * @return how many values chunk {@code c} holds
     */
    int length(int c) {
      return c == count - 1 ? used : capacity(c);
    }

    private int capacity(int c) {
      return longs ? ((long[]) chunks[c]).length : ((int[]) chunks[c]).length;
    }

    /** Copies every value into {@code into} from {@code at}; @return the index after them */
    int copyTo(long[] into, int at) {
      for (int c = 0; c < count; c++) {
        int n = length(c);
        if (longs) {
          System.arraycopy((long[]) chunks[c], 0, into, at, n);
        } else {
          int[] v = (int[]) chunks[c];
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
      narrow.add(v);
    } else {
      if (wide == null) {
        wide = new Chunks(true);
      }
      wide.add(v);
    }
    size++;
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
    long v = percentileOf(List.of(this), size, min, max, p);
    remember(p, v);
    return v;
  }

  /**
   * @return the nearest-rank percentile {@code p} of the union of {@code parts} (0 when all are
   *     empty): the machine's latency is every processor's
   */
  static long percentileOf(List<LongSamples> parts, double p) {
    long n = 0;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (LongSamples s : parts) {
      n += s.size;
      lo = Math.min(lo, s.min);
      hi = Math.max(hi, s.max);
    }
    return n == 0 ? 0 : percentileOf(parts, n, lo, hi, p);
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

  private static long percentileOf(List<LongSamples> parts, long n, long lo, long hi, double p) {
    long rank = (long) Math.ceil(p / 100.0 * n);
    long k = Math.max(0, Math.min(n - 1, rank - 1));
    if (k == n - 1) {
      return hi;
    }
    if (n >= RADIX_MIN && lo >= 0) {
      return RadixSelect.select(parts, k, hi);
    }
    long[] all = new long[Math.toIntExact(n)];
    int at = 0;
    for (LongSamples s : parts) {
      for (Chunks store : s.stores()) {
        at = store.copyTo(all, at);
      }
    }
    return QuickSelect.select(all, all.length, (int) k);
  }

  /**
   * Selects the percentiles the statistics report (50 and 99) now, so later calls are answered from
   * memory: the statistics prepare their sets in parallel at the end of a run. A small set is
   * copied once into this thread's scratch array and both ranks are selected in that copy (the
   * second in what the first left on its side).
   */
  void prepare() {
    if (size == 0 || (size >= RADIX_MIN && min >= 0)) {
      percentile(50);
      percentile(99);
      return;
    }
    long[] a = size <= SCRATCH_MAX ? scratch(size) : new long[size];
    int at = 0;
    for (Chunks store : stores()) {
      at = store.copyTo(a, at);
    }
    int k50 = rank(50);
    int k99 = rank(99);
    long v50 = k50 == size - 1 ? max : QuickSelect.select(a, size, k50);
    long v99;
    if (k99 == size - 1) {
      v99 = max;
    } else if (k99 == k50) {
      v99 = v50;
    } else {
      QuickSelect.select(a, k50 + 1, size, k99);
      v99 = a[k99];
    }
    answered = 0;
    remember(50, v50);
    remember(99, v99);
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

  /** The nearest-rank index of percentile {@code p}. */
  private int rank(double p) {
    int r = (int) Math.ceil(p / 100.0 * size);
    return Math.max(0, Math.min(size - 1, r - 1));
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
}
