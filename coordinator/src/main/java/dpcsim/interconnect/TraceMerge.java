package dpcsim.interconnect;

import dpcsim.trace.IndexSort;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceColumns;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceNames;
import java.util.function.IntBinaryOperator;

/**
 * Collects the trace events processors produce window by window and releases them in trace order,
 * {@code (t, cpu, emitter, emitSeq)}, once no processor can produce an earlier one. With a stopping
 * watchdog violation, events after its instant are dropped: the sequential engine never produces
 * them.
 *
 * <p>Events wait as columns ({@link TraceBuffer}) and are ordered by {@link IndexSort}, a merge of
 * the ascending runs they arrive in (each processor's report is nearly one run; what stays past the
 * watermark is one). Released events go downstream as one batch of columns per release, so nothing
 * here makes an object per event.
 */
public final class TraceMerge {
  private final TraceConsumer downstream;
  private long released = Long.MIN_VALUE;

  private TraceBuffer pending;
  private TraceBuffer spare;
  private final TraceBuffer out;
  private int[] order = new int[64];
  private int[] scratch = new int[64];

  /** Trace order of two pending entries (whichever buffer is pending at the time). */
  private final IntBinaryOperator byKey = (a, b) -> pending.compare(a, b);

  /**
   * @param names the run's names (the events carry their indices)
   */
  public TraceMerge(TraceNames names, TraceConsumer downstream) {
    this.downstream = downstream;
    this.pending = new TraceBuffer(names, 256);
    this.spare = new TraceBuffer(names, 256);
    this.out = new TraceBuffer(names, 256);
  }

  /** Takes a processor's events for a window. */
  public void add(TraceColumns events) {
    pending.addAll(events);
  }

  /**
   * Releases every event before {@code watermark}, except those after {@code lastInstant}.
   *
   * @return the number of events released
   */
  public long release(long watermark, long lastInstant) {
    int n = pending.size();
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
    out.clear();
    while (i < n && pending.t(order[i]) < watermark) {
      int k = order[i++];
      long t = pending.t(k);
      if (t < released) {
        throw new IllegalStateException(
            "trace event at " + t + " ns after release up to " + released);
      }
      if (t <= lastInstant) {
        out.copy(pending, k);
      }
    }
    released = Math.max(released, watermark);
    // What stays moves to the spare buffer in sorted order (one ascending run next time).
    spare.clear();
    for (int j = i; j < n; j++) {
      spare.copy(pending, order[j]);
    }
    pending.clear();
    TraceBuffer swap = pending;
    pending = spare;
    spare = swap;
    if (out.size() > 0) {
      downstream.accept(out, 0, out.size());
    }
    return out.size();
  }

  /** Releases what is left (up to {@code lastInstant}) and finishes the downstream consumer. */
  public void finish(long lastInstant) {
    release(Long.MAX_VALUE, lastInstant);
    downstream.finish(lastInstant);
  }
}
