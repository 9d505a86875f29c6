package dpcsim.trace;

import java.util.Arrays;

/**
 * Trace events as packed primitives: the form the trace takes from the processor that emits an
 * event to the writer, the statistics and every observer, so no object is made per event. One
 * buffer is reused batch after batch ({@link #clear}); it grows only when a batch is larger than
 * any before.
 *
 * <p>Each entry is a kind ({@link TraceKind}), its time and processor, three int and three long
 * arguments whose meaning depends on the kind (listed in {@link TraceKind}), and the rest of its
 * sort key: the emitting processor and that processor's running count. Names are ids into the
 * buffer's {@link TraceNames}; {@link #event} turns an entry back into a {@link TraceEvent} for
 * code that wants one (tests, the debugger, reports), at the cost of an object.
 */
public final class TraceBuffer implements TraceSink {
  /**
   * Longs per entry: one 64-byte cache line, written at once by an emit and read at once by the
   * writer and the statistics. Word 0 packs the kind (8 bits), the processor (24 bits) and the
   * emitter (32 bits); then t, a and b (two ints), c, x, y, z and the emitter's sequence number.
   */
  static final int STRIDE = 8;

  private static final int T = 1;
  private static final int AB = 2;
  private static final int C = 3;
  private static final int X = 4;
  private static final int Y = 5;
  private static final int Z = 6;
  private static final int SEQ = 7;

  /** Processors are numbered below this (the scenario format allows far fewer). */
  static final int MAX_CPU = 1 << 24;

  private final TraceNames names;
  private long[] w;
  private int size;

  /** An empty buffer with room for {@code capacity} entries before it grows. */
  public TraceBuffer(TraceNames names, int capacity) {
    this.names = names;
    w = new long[Math.max(1, capacity) * STRIDE];
  }

  /**
   * @return the names the entries' ids refer to
   */
  public TraceNames names() {
    return names;
  }

  @Override
  public void emit(
      int kind,
      long t,
      int cpu,
      int a,
      int b,
      int c,
      long x,
      long y,
      long z,
      int emitter,
      long emitSeq) {
    int o = size * STRIDE;
    if (o + STRIDE > w.length) {
      grow(size * 2);
    }
    if (cpu < 0 || cpu >= MAX_CPU) {
      throw new IllegalArgumentException("processor out of range: " + cpu);
    }
    long[] v = w;
    v[o] = (kind & 0xFFL) | ((long) cpu << 8) | ((long) emitter << 32);
    v[o + T] = t;
    v[o + AB] = (a & 0xFFFFFFFFL) | ((long) b << 32);
    v[o + C] = c;
    v[o + X] = x;
    v[o + Y] = y;
    v[o + Z] = z;
    v[o + SEQ] = emitSeq;
    size++;
  }

  /** Appends entry {@code i} of {@code from}. */
  public void copy(TraceBuffer from, int i) {
    if ((size + 1) * STRIDE > w.length) {
      grow(size * 2);
    }
    System.arraycopy(from.w, i * STRIDE, w, size * STRIDE, STRIDE);
    size++;
  }

  /** Appends entries {@code [from, to)} of {@code src} in one copy. */
  public void copyRange(TraceBuffer src, int from, int to) {
    append(src.w, from, to - from);
  }

  /** Appends every event of {@code in}. */
  public void addAll(TraceColumns in) {
    append(in.words(), 0, in.size());
  }

  /** Appends {@code n} entries of packed {@code words} from entry {@code from}: one copy. */
  private void append(long[] words, int from, int n) {
    if ((size + n) * STRIDE > w.length) {
      grow(Math.max(size + n, 2 * (w.length / STRIDE)));
    }
    System.arraycopy(words, from * STRIDE, w, size * STRIDE, n * STRIDE);
    size += n;
  }

  /**
   * @return entries {@code [from, to)} as columns of their own (for a message)
   */
  public TraceColumns columns(int from, int to) {
    return new TraceColumns(Arrays.copyOfRange(w, from * STRIDE, to * STRIDE));
  }

  /** Appends {@code event} with its sort key (an object's fields into the columns). */
  public void add(TraceEvent event, int emitter, long emitSeq) {
    TraceCodec.encode(event, names, this, emitter, emitSeq);
  }

  /** Appends {@code event}, emitted by its own processor as that processor's entry 0. */
  public void add(TraceEvent event) {
    add(event, event.cpu(), 0);
  }

  private void grow(int entries) {
    w = Arrays.copyOf(w, Math.max(entries, 1) * STRIDE);
  }

  /** Drops the entries from {@code newSize} on. */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IndexOutOfBoundsException(newSize);
    }
    size = newSize;
  }

  /** Empties the buffer, keeping its storage. */
  public void clear() {
    size = 0;
  }

  /**
   * @return the number of entries
   */
  public int size() {
    return size;
  }

  /**
   * @return the entries' capacity before the buffer grows
   */
  public int capacity() {
    return w.length / STRIDE;
  }

  public int kind(int i) {
    return (int) (w[i * STRIDE] & 0xFF);
  }

  public long t(int i) {
    return w[i * STRIDE + T];
  }

  public int cpu(int i) {
    return (int) ((w[i * STRIDE] >>> 8) & 0xFFFFFF);
  }

  public int a(int i) {
    return (int) w[i * STRIDE + AB];
  }

  public int b(int i) {
    return (int) (w[i * STRIDE + AB] >> 32);
  }

  public int c(int i) {
    return (int) w[i * STRIDE + C];
  }

  public long x(int i) {
    return w[i * STRIDE + X];
  }

  public long y(int i) {
    return w[i * STRIDE + Y];
  }

  public long z(int i) {
    return w[i * STRIDE + Z];
  }

  public int emitter(int i) {
    return (int) (w[i * STRIDE] >> 32);
  }

  public long emitSeq(int i) {
    return w[i * STRIDE + SEQ];
  }

  /** The trace order of entries {@code i} and {@code j}: {@code (t, cpu, emitter, emitSeq)}. */
  public int compare(int i, int j) {
    int oi = i * STRIDE;
    int oj = j * STRIDE;
    int r = Long.compare(w[oi + T], w[oj + T]);
    if (r != 0) {
      return r;
    }
    long hi = w[oi];
    long hj = w[oj];
    r = Integer.compare((int) ((hi >>> 8) & 0xFFFFFF), (int) ((hj >>> 8) & 0xFFFFFF));
    if (r != 0) {
      return r;
    }
    r = Integer.compare((int) (hi >> 32), (int) (hj >> 32));
    if (r != 0) {
      return r;
    }
    return Long.compare(w[oi + SEQ], w[oj + SEQ]);
  }

  /**
   * @return entry {@code i} as an object (allocates: for code off the hot path)
   */
  public TraceEvent event(int i) {
    return TraceCodec.decode(this, i);
  }

  /**
   * @return entry {@code i} as a record with its sort key
   */
  public TraceRecord record(int i) {
    return new TraceRecord(event(i), emitter(i), emitSeq(i));
  }
}
