package dpcsim.trace;

import java.util.Arrays;

/**
 * Puts events emitted during one simulated instant into trace order. Processors emit at their
 * current time, and an engine processes instants in increasing time, so only the events of the
 * current instant need sorting: by {@code (cpu, emitter, emitSeq)}. They are released to the
 * downstream consumer when time moves on, or at {@link #finish}.
 */
public final class InstantSorter implements TraceSink {
  private final TraceConsumer downstream;
  private long time = Long.MIN_VALUE;
  private Entry[] entries = new Entry[64];
  private int size;

  private record Entry(TraceEvent event, int emitter, long emitSeq) {}

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
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = new Entry(event, emitter, emitSeq);
  }

  private void flush() {
    if (size > 1) {
      Arrays.sort(entries, 0, size, InstantSorter::compare);
    }
    for (int i = 0; i < size; i++) {
      downstream.accept(entries[i].event);
      entries[i] = null;
    }
    size = 0;
  }

  private static int compare(Entry a, Entry b) {
    int c = Integer.compare(a.event.cpu(), b.event.cpu());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.emitter, b.emitter);
    if (c != 0) {
      return c;
    }
    return Long.compare(a.emitSeq, b.emitSeq);
  }

  /** Releases the last instant and finishes the downstream consumer. */
  public void finish(long simulatedNs) {
    flush();
    downstream.finish(simulatedNs);
  }
}
