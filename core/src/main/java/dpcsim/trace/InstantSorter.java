package dpcsim.trace;

import java.util.function.IntBinaryOperator;

/**
 * Puts events emitted during one simulated instant into trace order. Processors emit at their
 * current time, and an engine processes instants in increasing time, so only the events of the
 * current instant need sorting: by {@code (cpu, emitter, emitSeq)}. Usually one processor emits the
 * whole instant in its own order and nothing is sorted.
 *
 * <p>Events are written straight into a staging {@link TraceBuffer}; a completed instant stays
 * there, and the buffer goes downstream in one call once it holds {@link #BATCH} events (and at
 * {@link #finish}), so the consumer's cost per event is a copy of columns.
 */
public final class InstantSorter implements TraceSink {
  /** Events staged before they go downstream together. */
  static final int BATCH = 4096;

  private final TraceConsumer downstream;
  private final TraceBuffer staged;
  private final TraceBuffer scratch;
  private long time = Long.MIN_VALUE;

  /** Where the current instant starts in {@link #staged}. */
  private int instantStart;

  /** Every event of the current instant so far came in key order: no sort needed. */
  private boolean inOrder = true;

  private int[] order = new int[64];
  private int[] orderScratch = new int[64];
  private final IntBinaryOperator byKey;

  public InstantSorter(TraceNames names, TraceConsumer downstream) {
    this.downstream = downstream;
    this.staged = new TraceBuffer(names, BATCH + 64);
    this.scratch = new TraceBuffer(names, 64);
    this.byKey = staged::compare;
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
    if (t != time) {
      if (t < time) {
        throw new IllegalStateException(
            "trace event at " + t + " ns emitted after events at " + time + " ns");
      }
      closeInstant();
      time = t;
    }
    staged.emit(kind, t, cpu, a, b, c, x, y, z, emitter, emitSeq);
    int last = staged.size() - 1;
    if (inOrder && last > instantStart && staged.compare(last - 1, last) > 0) {
      inOrder = false;
    }
  }

  /** The current instant is complete: sort it if needed; send the batch on once it is full. */
  private void closeInstant() {
    int n = staged.size() - instantStart;
    if (!inOrder && n > 1) {
      sortInstant(n);
    }
    inOrder = true;
    if (staged.size() >= BATCH) {
      sendStaged();
    }
    instantStart = staged.size();
  }

  private void sortInstant(int n) {
    if (order.length < n) {
      order = new int[Math.max(n, order.length * 2)];
      orderScratch = new int[order.length];
    }
    for (int i = 0; i < n; i++) {
      order[i] = instantStart + i;
    }
    IndexSort.sort(order, orderScratch, n, byKey);
    scratch.clear();
    for (int i = 0; i < n; i++) {
      scratch.copy(staged, order[i]);
    }
    staged.truncate(instantStart);
    staged.copyRange(scratch, 0, n);
  }

  private void sendStaged() {
    if (staged.size() > 0) {
      downstream.accept(staged, 0, staged.size());
      staged.clear();
    }
  }

  /** Releases the last instant and finishes the downstream consumer. */
  public void finish(long simulatedNs) {
    closeInstant();
    sendStaged();
    instantStart = 0;
    downstream.finish(simulatedNs);
  }
}
