package dpcsim.trace;

import java.util.Arrays;
import java.util.function.IntBinaryOperator;

/**
 * Puts events emitted during one simulated instant into trace order. Processors emit at their
 * current time, and an engine processes instants in increasing time, so only the events of the
 * current instant need sorting: by {@code (cpu, emitter, emitSeq)}. They are released to the
 * downstream consumer when time moves on, or at {@link #finish}.
 */
public final class InstantSorter implements TraceSink {
  private final TraceConsumer downstream;
  private long time = Long.MIN_VALUE;

  // The current instant's events with their sort keys, in parallel arrays: no object per event.
  private TraceEvent[] events = new TraceEvent[64];
  private int[] emitters = new int[64];
  private long[] emitSeqs = new long[64];
  private int[] order = new int[64];
  private int[] scratch = new int[64];
  private int size;

  /** Every event so far came in key order (one processor's events usually do): no sort needed. */
  private boolean inOrder = true;

  private final IntBinaryOperator byKey = this::compare;

  public InstantSorter(TraceConsumer downstream) {
    this.downstream = downstream;
  }

  @Override
  public void emit(TraceEvent event, int emitter, long emitSeq) {
    long t = event.t();
    if (t != time) {
      if (t < time) {
        throw new IllegalStateException(
            "trace event at " + t + " ns emitted after events at " + time + " ns");
      }
      flush();
      time = t;
    }
    if (size == events.length) {
      int n = size * 2;
      events = Arrays.copyOf(events, n);
      emitters = Arrays.copyOf(emitters, n);
      emitSeqs = Arrays.copyOf(emitSeqs, n);
      order = new int[n];
      scratch = new int[n];
    }
    events[size] = event;
    emitters[size] = emitter;
    emitSeqs[size] = emitSeq;
    if (inOrder && size > 0 && compare(size - 1, size) > 0) {
      inOrder = false;
    }
    size++;
  }

  private void flush() {
    if (inOrder) {
      for (int i = 0; i < size; i++) {
        downstream.accept(events[i]);
        events[i] = null;
      }
    } else {
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      IndexSort.sort(order, scratch, size, byKey);
      for (int i = 0; i < size; i++) {
        downstream.accept(events[order[i]]);
      }
      Arrays.fill(events, 0, size, null);
    }
    size = 0;
    inOrder = true;
  }

  /** The trace order within an instant: {@code (cpu, emitter, emitSeq)}. */
  private int compare(int a, int b) {
    int c = Integer.compare(events[a].cpu(), events[b].cpu());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(emitters[a], emitters[b]);
    if (c != 0) {
      return c;
    }
    return Long.compare(emitSeqs[a], emitSeqs[b]);
  }

  /** Releases the last instant and finishes the downstream consumer. */
  public void finish(long simulatedNs) {
    flush();
    downstream.finish(simulatedNs);
  }
}
