package dpcsim.trace;

import java.util.Arrays;

/**
 * Trace events as columns of primitives: the form the trace takes from the processor that emits an
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
  private final TraceNames names;
  private byte[] kind;
  private long[] t;
  private int[] cpu;
  private int[] a;
  private int[] b;
  private int[] c;
  private long[] x;
  private long[] y;
  private long[] z;
  private int[] emitter;
  private long[] seq;
  private int size;

  /** An empty buffer with room for {@code capacity} entries before it grows. */
  public TraceBuffer(TraceNames names, int capacity) {
    this.names = names;
    int n = Math.max(1, capacity);
    kind = new byte[n];
    t = new long[n];
    cpu = new int[n];
    a = new int[n];
    b = new int[n];
    c = new int[n];
    x = new long[n];
    y = new long[n];
    z = new long[n];
    emitter = new int[n];
    seq = new long[n];
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
    if (size == this.kind.length) {
      grow(size * 2);
    }
    int i = size++;
    this.kind[i] = (byte) kind;
    this.t[i] = t;
    this.cpu[i] = cpu;
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
    this.x[i] = x;
    this.y[i] = y;
    this.z[i] = z;
    this.emitter[i] = emitter;
    this.seq[i] = emitSeq;
  }

  /** Appends entry {@code i} of {@code from}. */
  public void copy(TraceBuffer from, int i) {
    emit(
        from.kind[i],
        from.t[i],
        from.cpu[i],
        from.a[i],
        from.b[i],
        from.c[i],
        from.x[i],
        from.y[i],
        from.z[i],
        from.emitter[i],
        from.seq[i]);
  }

  /** Appends entries {@code [from, to)} of {@code src} in one copy per column. */
  public void copyRange(TraceBuffer src, int from, int to) {
    int n = to - from;
    if (size + n > kind.length) {
      grow(Math.max(size + n, kind.length * 2));
    }
    System.arraycopy(src.kind, from, kind, size, n);
    System.arraycopy(src.t, from, t, size, n);
    System.arraycopy(src.cpu, from, cpu, size, n);
    System.arraycopy(src.a, from, a, size, n);
    System.arraycopy(src.b, from, b, size, n);
    System.arraycopy(src.c, from, c, size, n);
    System.arraycopy(src.x, from, x, size, n);
    System.arraycopy(src.y, from, y, size, n);
    System.arraycopy(src.z, from, z, size, n);
    System.arraycopy(src.emitter, from, emitter, size, n);
    System.arraycopy(src.seq, from, seq, size, n);
    size += n;
  }

  /** Appends every event of {@code in}. */
  public void addAll(TraceColumns in) {
    int n = in.size();
    if (size + n > kind.length) {
      grow(Math.max(size + n, kind.length * 2));
    }
    System.arraycopy(in.kind(), 0, kind, size, n);
    System.arraycopy(in.t(), 0, t, size, n);
    System.arraycopy(in.cpu(), 0, cpu, size, n);
    System.arraycopy(in.a(), 0, a, size, n);
    System.arraycopy(in.b(), 0, b, size, n);
    System.arraycopy(in.c(), 0, c, size, n);
    System.arraycopy(in.x(), 0, x, size, n);
    System.arraycopy(in.y(), 0, y, size, n);
    System.arraycopy(in.z(), 0, z, size, n);
    System.arraycopy(in.emitter(), 0, emitter, size, n);
    System.arraycopy(in.seq(), 0, seq, size, n);
    size += n;
  }

  /**
   * @return entries {@code [from, to)} as columns of their own (for a message)
   */
  public TraceColumns columns(int from, int to) {
    return new TraceColumns(
        Arrays.copyOfRange(kind, from, to),
        Arrays.copyOfRange(t, from, to),
        Arrays.copyOfRange(cpu, from, to),
        Arrays.copyOfRange(a, from, to),
        Arrays.copyOfRange(b, from, to),
        Arrays.copyOfRange(c, from, to),
        Arrays.copyOfRange(x, from, to),
        Arrays.copyOfRange(y, from, to),
        Arrays.copyOfRange(z, from, to),
        Arrays.copyOfRange(emitter, from, to),
        Arrays.copyOfRange(seq, from, to));
  }

  /** Appends {@code event} with its sort key (an object's fields into the columns). */
  public void add(TraceEvent event, int emitter, long emitSeq) {
    TraceCodec.encode(event, names, this, emitter, emitSeq);
  }

  /** Appends {@code event}, emitted by its own processor as that processor's entry 0. */
  public void add(TraceEvent event) {
    add(event, event.cpu(), 0);
  }

  private void grow(int n) {
    kind = Arrays.copyOf(kind, n);
    t = Arrays.copyOf(t, n);
    cpu = Arrays.copyOf(cpu, n);
    a = Arrays.copyOf(a, n);
    b = Arrays.copyOf(b, n);
    c = Arrays.copyOf(c, n);
    x = Arrays.copyOf(x, n);
    y = Arrays.copyOf(y, n);
    z = Arrays.copyOf(z, n);
    emitter = Arrays.copyOf(emitter, n);
    seq = Arrays.copyOf(seq, n);
  }

  /** Drops the entries from {@code newSize} on. */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IndexOutOfBoundsException(newSize);
    }
    size = newSize;
  }

  /** Empties the buffer, keeping its arrays. */
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
    return kind.length;
  }

  public int kind(int i) {
    return kind[i];
  }

  public long t(int i) {
    return t[i];
  }

  public int cpu(int i) {
    return cpu[i];
  }

  public int a(int i) {
    return a[i];
  }

  public int b(int i) {
    return b[i];
  }

  public int c(int i) {
    return c[i];
  }

  public long x(int i) {
    return x[i];
  }

  public long y(int i) {
    return y[i];
  }

  public long z(int i) {
    return z[i];
  }

  public int emitter(int i) {
    return emitter[i];
  }

  public long emitSeq(int i) {
    return seq[i];
  }

  /** The trace order of entries {@code i} and {@code j}: {@code (t, cpu, emitter, emitSeq)}. */
  public int compare(int i, int j) {
    int r = Long.compare(t[i], t[j]);
    if (r != 0) {
      return r;
    }
    r = Integer.compare(cpu[i], cpu[j]);
    if (r != 0) {
      return r;
    }
    r = Integer.compare(emitter[i], emitter[j]);
    if (r != 0) {
      return r;
    }
    return Long.compare(seq[i], seq[j]);
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
    return new TraceRecord(event(i), emitter[i], seq[i]);
  }
}
