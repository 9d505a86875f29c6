package dpcsim.interconnect;

import dpcsim.trace.IndexSort;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceRecord;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * Collects the trace records processors produce window by window and releases them in trace order,
 * {@code (t, cpu, emitter, emitSeq)}, once no processor can produce an earlier one. With a stopping
 * watchdog violation, records after its instant are dropped: the sequential engine never produces
 * them.
 *
 * <p>The records wait with their sort keys copied into parallel primitive arrays, and are ordered
 * by {@link IndexSort}, a merge of the ascending runs they arrive in (each processor's report is
 * nearly one run; what stays past the watermark is one): comparing two records is then four array
 * reads instead of calls through the sealed event interface, which made sorting the window's trace
 * the driver's largest cost when a window holds hundreds of thousands of events.
 */
public final class TraceMerge {
  private final TraceConsumer downstream;
  private long released = Long.MIN_VALUE;

  private Keys pending = new Keys(64);
  private Keys spare = new Keys(64);
  private int[] order = new int[64];
  private int[] scratch = new int[64];

  /** Trace order of two pending entries (whichever arrays are pending at the time). */
  private final IntBinaryOperator byKey = (a, b) -> pending.compare(a, b);

  /** Records and their keys; the index is the arrival position. */
  private static final class Keys {
    TraceEvent[] events;
    long[] t;
    int[] cpu;
    int[] emitter;
    long[] seq;
    int size;

    Keys(int capacity) {
      events = new TraceEvent[capacity];
      t = new long[capacity];
      cpu = new int[capacity];
      emitter = new int[capacity];
      seq = new long[capacity];
    }

    void add(TraceEvent e, int emitter, long emitSeq) {
      if (size == events.length) {
        int n = size * 2;
        events = Arrays.copyOf(events, n);
        t = Arrays.copyOf(t, n);
        cpu = Arrays.copyOf(cpu, n);
        this.emitter = Arrays.copyOf(this.emitter, n);
        seq = Arrays.copyOf(seq, n);
      }
      events[size] = e;
      t[size] = e.t();
      cpu[size] = e.cpu();
      this.emitter[size] = emitter;
      seq[size] = emitSeq;
      size++;
    }

    /** The trace order of entries {@code a} and {@code b}. */
    int compare(int a, int b) {
      int c = Long.compare(t[a], t[b]);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(cpu[a], cpu[b]);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(emitter[a], emitter[b]);
      if (c != 0) {
        return c;
      }
      return Long.compare(seq[a], seq[b]);
    }
  }

  public TraceMerge(TraceConsumer downstream) {
    this.downstream = downstream;
  }

  /** Takes a processor's records for a window. */
  public void add(List<TraceRecord> records) {
    for (TraceRecord r : records) {
      pending.add(r.event(), r.emitter(), r.emitSeq());
    }
  }

  /**
   * Releases every record before {@code watermark}, except those after {@code lastInstant}.
   *
   * @return the number of records released
   */
  public long release(long watermark, long lastInstant) {
    int n = pending.size;
    if (n == 0) {
      return 0;
    }
    if (order.length < n) {
      order = new int[Math.max(n, order.length * 2)];
      scratch = new int[order.length];
    }
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    IndexSort.sort(order, scratch, n, byKey);
    int i = 0;
    long count = 0;
    while (i < n && pending.t[order[i]] < watermark) {
      int k = order[i++];
      long t = pending.t[k];
      if (t < released) {
        throw new IllegalStateException(
            "trace record at " + t + " ns after release up to " + released);
      }
      if (t <= lastInstant) {
        downstream.accept(pending.events[k]);
        count++;
      }
    }
    released = Math.max(released, watermark);
    // What stays moves to the spare arrays in sorted order (one ascending run next time).
    spare.size = 0;
    for (int j = i; j < n; j++) {
      int k = order[j];
      spare.add(pending.events[k], pending.emitter[k], pending.seq[k]);
    }
    Arrays.fill(pending.events, 0, n, null);
    pending.size = 0;
    Keys swap = pending;
    pending = spare;
    spare = swap;
    return count;
  }

  /** Releases what is left (up to {@code lastInstant}) and finishes the downstream consumer. */
  public void finish(long lastInstant) {
    release(Long.MAX_VALUE, lastInstant);
    downstream.finish(lastInstant);
  }
}
