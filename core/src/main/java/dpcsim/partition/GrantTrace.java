package dpcsim.partition;

import dpcsim.trace.IndexSort;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceColumns;
import dpcsim.trace.TraceNames;
import java.util.BitSet;
import java.util.function.IntBinaryOperator;

/**
 * A node's trace for one grant, assembled into one run in trace order for its report ({@link
 * NodeWindows}). With one horizon for the node, a local window holds only events at or after the
 * previous one's horizon (a processor runs only its events from there on, and messages arrive no
 * earlier), so sorting each window's few events keeps the run sorted. With a horizon per processor,
 * each processor's events wait apart (nearly one run each) and are merged at the end.
 */
final class GrantTrace {
  /** The current local window's events, as the processors reported them. */
  private final TraceBuffer window;

  /** The grant's events so far, in trace order. */
  private final TraceBuffer run;

  /** Per processor of the node, its events of the grant (horizons of their own), lazily. */
  private final TraceBuffer[] perCpu;

  private final IntBinaryOperator byKey;
  private int[] order = new int[64];
  private int[] scratch = new int[64];

  GrantTrace(TraceNames names, int processors) {
    this.window = new TraceBuffer(names, 256);
    this.run = new TraceBuffer(names, 1024);
    this.perCpu = new TraceBuffer[processors];
    this.byKey = window::compare;
  }

  /** Takes a processor's events of the current local window. */
  void addToWindow(TraceColumns events) {
    window.addAll(events);
  }

  /** Takes local processor {@code i}'s events (it runs to a horizon of its own). */
  void addToProcessor(int i, TraceColumns events) {
    if (perCpu[i] == null) {
      perCpu[i] = new TraceBuffer(window.names(), 64);
    }
    perCpu[i].addAll(events);
  }

  /** Moves the waiting events of the processors in {@code touched} into the current window. */
  void gatherProcessors(BitSet touched) {
    for (int i = touched.nextSetBit(0); i >= 0; i = touched.nextSetBit(i + 1)) {
      if (perCpu[i] != null) {
        window.copyRange(perCpu[i], 0, perCpu[i].size());
        perCpu[i].clear();
      }
    }
  }

  /** Appends the current window's events to the run, sorted (see the class comment). */
  void closeWindow() {
    int n = window.size();
    if (n == 0) {
      return;
    }
    if (order.length < n) {
      order = new int[Math.max(n, order.length * 2)];
      scratch = new int[order.length];
    }
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    IndexSort.sort(order, scratch, n, byKey);
    int from = run.size();
    for (int i = 0; i < n; i++) {
      run.copy(window, order[i]);
    }
    if (from > 0 && run.compare(from - 1, from) > 0) {
      throw new IllegalStateException(
          "a local window traced an event at "
              + run.t(from)
              + " ns, before the previous window's last at "
              + run.t(from - 1)
              + " ns");
    }
    window.clear();
  }

  /**
   * @return the grant's run as columns for the report; the run starts over
   */
  TraceColumns run() {
    TraceColumns out = run.columns(0, run.size());
    run.clear();
    return out;
  }
}
