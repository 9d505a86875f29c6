package dpcsim.trace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trace events as they cross an actor boundary or the network: a {@link TraceBuffer}'s columns cut
 * to size, one array per column (CBOR writes a {@code long[]} as packed integers, not as one object
 * per event), without the names, which every node derives from the same scenario.
 */
public record TraceColumns(
    byte[] kind,
    long[] t,
    int[] cpu,
    int[] a,
    int[] b,
    int[] c,
    long[] x,
    long[] y,
    long[] z,
    int[] emitter,
    long[] seq) {
  /** No events. */
  public static final TraceColumns EMPTY =
      new TraceColumns(
          new byte[0],
          new long[0],
          new int[0],
          new int[0],
          new int[0],
          new int[0],
          new long[0],
          new long[0],
          new long[0],
          new int[0],
          new long[0]);

  public TraceColumns {
    int n = kind.length;
    if (t.length != n
        || cpu.length != n
        || a.length != n
        || b.length != n
        || c.length != n
        || x.length != n
        || y.length != n
        || z.length != n
        || emitter.length != n
        || seq.length != n) {
      throw new IllegalArgumentException("trace columns of different lengths");
    }
    for (byte k : kind) {
      if (k < 0 || k >= TraceKind.COUNT) {
        throw new IllegalArgumentException("not a trace kind: " + k);
      }
    }
  }

  /**
   * @return the number of events
   */
  public int size() {
    return kind.length;
  }

  /**
   * @return events {@code [from, to)} of these
   */
  public TraceColumns slice(int from, int to) {
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

  /**
   * @return the events as objects with their sort keys, named by {@code names} (allocates: for
   *     tests and tools)
   */
  @JsonIgnore
  public List<TraceRecord> records(TraceNames names) {
    TraceBuffer buffer = new TraceBuffer(names, size());
    buffer.addAll(this);
    List<TraceRecord> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      out.add(buffer.record(i));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceColumns other
        && Arrays.equals(kind, other.kind)
        && Arrays.equals(t, other.t)
        && Arrays.equals(cpu, other.cpu)
        && Arrays.equals(a, other.a)
        && Arrays.equals(b, other.b)
        && Arrays.equals(c, other.c)
        && Arrays.equals(x, other.x)
        && Arrays.equals(y, other.y)
        && Arrays.equals(z, other.z)
        && Arrays.equals(emitter, other.emitter)
        && Arrays.equals(seq, other.seq);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(t) * 31 + Arrays.hashCode(seq);
  }

  @Override
  public String toString() {
    return "TraceColumns[" + size() + " events]";
  }
}
