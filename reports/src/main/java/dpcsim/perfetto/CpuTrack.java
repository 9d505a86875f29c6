package dpcsim.perfetto;

import dpcsim.scenario.Irql;
import dpcsim.trace.Json;
import dpcsim.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One processor's track: the slices open on it, its idle state, its DPC queue depths and its IRQL,
 * turned into Chrome trace events as the ordered trace goes by.
 *
 * <p><b>Slices.</b> ISRs and routines form a stack on a processor (an ISR preempts a routine, a
 * normal routine preempts a threaded one, R-21, R-32), so an end always closes the top slice. A
 * slice is written as one {@code X} event when it closes, so a slice that contains another comes
 * after it in the file. What is held is only the open stack.
 *
 * <p><b>Idle.</b> An "Idle" slice covers the time the processor is in the idle summary and runs no
 * ISR or routine (the statistics' {@code idleTimeNs}); "Idle (halted)" the part of it spent
 * idle-halted. It is cut around every ISR and routine instead of containing them: the idle summary
 * can end while an ISR runs (a thread becomes ready), so a containing slice would overlap its
 * children. An empty track is thread work.
 *
 * <p><b>Counters.</b> Queue depth and IRQL are written once per instant, with the state after the
 * instant's last event, and only when changed: a DPC queued and started at the same instant has no
 * duration on a counter track. The threaded list's counter appears once it is first used.
 */
final class CpuTrack {
  /** IRQL of the idle loop and of a retire pass. */
  private static final int DISPATCH = Irql.DISPATCH.level();

  private record Open(String name, String cat, long startNs, int irql, String fields) {}

  private record Queued(boolean threaded, long insertedNs) {}

  private final int cpu;
  private final String queueCounter;
  private final String threadedCounter;
  private final String irqlCounter;
  private final Consumer<StringBuilder> out;
  private final StringBuilder buf = new StringBuilder(256);
  private final ArrayDeque<Open> stack = new ArrayDeque<>();

  /** The KDPCs in this processor's lists, by name: looked up, never iterated. */
  private final Map<String, Queued> queued = new HashMap<>();

  private boolean idle;
  private boolean halted;
  private long idleSince = -1;
  private boolean idleSliceHalted;
  private Irql threadIrql = Irql.PASSIVE;
  private int normalDepth;
  private int threadedDepth;
  private boolean threadedUsed;

  /** The instant whose end state the counters do not show yet. */
  private long now;

  private long shownNormal = -1;
  private long shownThreaded = -1;
  private long shownIrql = -1;

  /**
   * @param out receives each finished event object (the buffer is reused afterwards)
   */
  CpuTrack(int cpu, Consumer<StringBuilder> out) {
    this.cpu = cpu;
    this.queueCounter = "CPU " + cpu + " DPC queue";
    this.threadedCounter = "CPU " + cpu + " threaded DPC queue";
    this.irqlCounter = "CPU " + cpu + " IRQL";
    this.out = out;
  }

  /** Moves to instant {@code t}: the counters show the end state of the previous instant. */
  void advanceTo(long t) {
    if (t > now) {
      showCounters();
      now = t;
    }
  }

  void isrStart(TraceEvent.IsrStart e) {
    push(e.device(), "isr", e.t(), Irql.DEVICE.level(), ",\"irql\":\"DIRQL\"");
  }

  void isrEnd(TraceEvent.IsrEnd e) {
    pop(e.device(), "isr", e.t());
  }

  /** A routine starts: its KDPC left the normal list (DISPATCH) or the threaded one (PASSIVE). */
  void dpcStart(TraceEvent.DpcStart e) {
    boolean threaded = Irql.PASSIVE.name().equals(e.irql());
    Queued q = queued.remove(e.dpc());
    if (threaded) {
      threadedDepth = Math.max(0, threadedDepth - 1);
    } else {
      normalDepth = Math.max(0, normalDepth - 1);
    }
    StringBuilder f = new StringBuilder(96);
    Json.str(f, "irql", e.irql());
    Json.str(f, "SystemArgument1", "0x" + Long.toHexString(e.arg1()));
    Json.str(f, "SystemArgument2", "0x" + Long.toHexString(e.arg2()));
    if (q != null) {
      Json.num(f, "latencyNs", e.t() - q.insertedNs());
    }
    int level = threaded ? Irql.PASSIVE.level() : DISPATCH;
    push(e.dpc(), threaded ? "threaded-dpc" : "dpc", e.t(), level, f.toString());
  }

  void dpcEnd(TraceEvent.DpcEnd e) {
    Open top = stack.peek();
    pop(e.dpc(), top == null ? "dpc" : top.cat(), e.t());
  }

  void insert(TraceEvent.DpcInsert e) {
    if (!e.ok()) {
      return; // already queued, nothing changed
    }
    boolean threaded = "threaded".equals(e.list());
    queued.put(e.dpc(), new Queued(threaded, e.t()));
    if (threaded) {
      threadedUsed = true;
      threadedDepth = e.depth();
    } else {
      normalDepth = e.depth();
    }
  }

  void remove(TraceEvent.DpcRemove e) {
    Queued q = e.ok() ? queued.remove(e.dpc()) : null;
    if (q == null) {
      return;
    }
    if (q.threaded()) {
      threadedDepth = Math.max(0, threadedDepth - 1);
    } else {
      normalDepth = Math.max(0, normalDepth - 1);
    }
  }

  void idle(TraceEvent.Idle e) {
    idle = e.on();
    halted = e.halted();
  }

  void irql(TraceEvent.Irql e) {
    threadIrql = Irql.valueOf(e.level());
  }

  /** After each event of this processor: opens or closes the Idle slice. */
  void settleIdle(long t) {
    boolean want = idle && stack.isEmpty();
    if (idleSince >= 0 && (!want || idleSliceHalted != halted)) {
      closeIdle(t);
    }
    if (want && idleSince < 0) {
      idleSince = t;
      idleSliceHalted = halted;
    }
  }

  /**
   * The run ended at {@code endNs}: closes the open slices (innermost first, marked {@code
   * unfinished}) and the Idle slice, and writes every counter's last value at the end so its track
   * spans the run.
   */
  void finish(long endNs) {
    long end = Math.max(endNs, now);
    while (!stack.isEmpty()) {
      Open o = stack.pop();
      write(o.name(), o.cat(), o.startNs(), end, o.fields() + ",\"unfinished\":true");
    }
    closeIdle(end);
    showCounters();
    if (end > now) {
      now = end;
      shownNormal = -1;
      shownThreaded = -1;
      shownIrql = -1;
      showCounters();
    }
  }

  /** The IRQL the processor runs at: what is on top, else the idle loop's or the thread's. */
  private int currentIrql() {
    Open top = stack.peek();
    if (top != null) {
      return top.irql();
    }
    return idle ? DISPATCH : threadIrql.level();
  }

  private void showCounters() {
    if (normalDepth != shownNormal) {
      shownNormal = normalDepth;
      counter(queueCounter, "depth", normalDepth);
    }
    if (threadedUsed && threadedDepth != shownThreaded) {
      shownThreaded = threadedDepth;
      counter(threadedCounter, "depth", threadedDepth);
    }
    int irql = currentIrql();
    if (irql != shownIrql) {
      shownIrql = irql;
      counter(irqlCounter, "level", irql);
    }
  }

  private void counter(String name, String key, long value) {
    buf.setLength(0);
    ChromeJson.counter(buf, name, now, cpu, key, value);
    out.accept(buf);
  }

  private void push(String name, String cat, long t, int irql, String fields) {
    stack.push(new Open(name, cat, t, irql, fields));
  }

  private void pop(String name, String cat, long t) {
    Open top = stack.peek();
    if (top == null || !top.name().equals(name) || !top.cat().equals(cat)) {
      throw new IllegalStateException(
          "CPU "
              + cpu
              + " at "
              + t
              + " ns: "
              + cat
              + " '"
              + name
              + "' ends but "
              + top
              + " is open");
    }
    stack.pop();
    write(top.name(), top.cat(), top.startNs(), t, top.fields());
  }

  private void closeIdle(long t) {
    if (idleSince < 0) {
      return;
    }
    if (t > idleSince) {
      write(idleSliceHalted ? "Idle (halted)" : "Idle", "idle", idleSince, t, "");
    }
    idleSince = -1;
  }

  private void write(String name, String cat, long startNs, long endNs, String fields) {
    buf.setLength(0);
    ChromeJson.complete(buf, name, cat, startNs, endNs - startNs, cpu, fields);
    out.accept(buf);
  }
}
