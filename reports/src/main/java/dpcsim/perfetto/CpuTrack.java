package dpcsim.perfetto;

import dpcsim.report.LongLongMap;
import dpcsim.scenario.Irql;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceSymbols;
import java.util.function.Consumer;

/**
 * One processor's track: the slices open on it, its idle state, its DPC queue depths and its IRQL,
 * turned into Chrome trace events as the ordered trace goes by.
 *
 * <p><b>Slices.</b> ISRs and routines form a stack on a processor (an ISR preempts a routine, a
 * normal routine preempts a threaded one, R-21, R-32), so an end always closes the top slice. A
 * slice is written as one {@code X} event when it closes, so a slice that contains another comes
 * after it in the file. What is held is only the open stack ({@link OpenSlices}).
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
 *
 * <p>The methods take an event's columns, KDPCs by the writer's own ids ({@link
 * dpcsim.trace.DpcIds}) and names as the batch's table spells them; nothing is allocated per event.
 */
final class CpuTrack {
  /** IRQL of the idle loop and of a retire pass. */
  private static final int DISPATCH = Irql.DISPATCH.level();

  /** A threaded routine runs at PASSIVE: its DpcStart says so. */
  private static final int PASSIVE_SYMBOL = TraceSymbols.irql(Irql.PASSIVE);

  /** What {@link #queued} holds for a KDPC not in this processor's lists. */
  private static final long NOT_QUEUED = Long.MIN_VALUE;

  private final int cpu;
  private final String queueCounter;
  private final String threadedCounter;
  private final String irqlCounter;
  private final Consumer<StringBuilder> out;
  private final StringBuilder buf = new StringBuilder(256);
  private final StringBuilder args = new StringBuilder(128);
  private final OpenSlices stack = new OpenSlices();

  /**
   * The KDPCs in this processor's lists, by id: {@code insertedNs << 1 | threaded} (simulated times
   * stay far below 2^62, so the shift loses nothing). Looked up, never iterated.
   */
  private final LongLongMap queued = new LongLongMap(NOT_QUEUED);

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

  void isrStart(String device, long t) {
    stack.pushIsr(device, t);
  }

  void isrEnd(String device, long t) {
    pop(device, OpenSlices.ISR, t);
  }

  /**
   * A routine starts: its KDPC left the normal list (DISPATCH) or the threaded one (PASSIVE).
   *
   * @param dpc the KDPC's id, {@code name} its name
   */
  void dpcStart(int dpc, String name, long t, int irqlSymbol, long arg1, long arg2) {
    boolean threaded = irqlSymbol == PASSIVE_SYMBOL;
    long q = queued.remove(dpc);
    if (threaded) {
      threadedDepth = Math.max(0, threadedDepth - 1);
    } else {
      normalDepth = Math.max(0, normalDepth - 1);
    }
    boolean seen = q != NOT_QUEUED;
    stack.pushDpc(name, threaded, t, irqlSymbol, arg1, arg2, seen, seen ? t - (q >> 1) : 0);
  }

  /** A routine returns: it closes the top slice, a normal or a threaded routine's. */
  void dpcEnd(String name, long t) {
    pop(name, stack.isEmpty() ? OpenSlices.DPC : stack.kind(), t);
  }

  /**
   * A DpcInsert of KDPC id {@code dpc}, with its {@code flags} and {@code depth} ({@link
   * TraceKind#DPC_INSERT}).
   */
  void insert(int dpc, long t, int flags, int depth) {
    if ((flags & TraceKind.INSERT_OK) == 0) {
      return; // already queued, nothing changed
    }
    boolean threaded = (flags & TraceKind.INSERT_THREADED) != 0;
    queued.put(dpc, (t << 1) | (threaded ? 1 : 0));
    if (threaded) {
      threadedUsed = true;
      threadedDepth = depth;
    } else {
      normalDepth = depth;
    }
  }

  /** A DpcRemove of KDPC id {@code dpc} that took effect ({@code ok}). */
  void remove(int dpc) {
    long q = queued.remove(dpc);
    if (q == NOT_QUEUED) {
      return;
    }
    if ((q & 1) != 0) {
      threadedDepth = Math.max(0, threadedDepth - 1);
    } else {
      normalDepth = Math.max(0, normalDepth - 1);
    }
  }

  void idle(boolean on, boolean halted) {
    idle = on;
    this.halted = halted;
  }

  /** A script set the thread's IRQL ({@code levelSymbol}: a {@link TraceSymbols} IRQL). */
  void irql(int levelSymbol) {
    threadIrql = Irql.valueOf(TraceSymbols.name(levelSymbol));
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
      args.setLength(0);
      stack.args(args);
      args.append(",\"unfinished\":true");
      write(stack.name(), OpenSlices.cat(stack.kind()), stack.startNs(), end, args);
      stack.pop();
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
    if (!stack.isEmpty()) {
      return stack.irql();
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

  /** Closes the top slice, which must be {@code name}'s of {@code kind}: anything else is a bug. */
  private void pop(String name, int kind, long t) {
    if (stack.isEmpty() || !stack.name().equals(name) || stack.kind() != kind) {
      throw new IllegalStateException(
          "CPU "
              + cpu
              + " at "
              + t
              + " ns: "
              + OpenSlices.cat(kind)
              + " '"
              + name
              + "' ends but "
              + stack.describeTop()
              + " is open");
    }
    args.setLength(0);
    stack.args(args);
    write(stack.name(), OpenSlices.cat(kind), stack.startNs(), t, args);
    stack.pop();
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

  private void write(String name, String cat, long startNs, long endNs, CharSequence fields) {
    buf.setLength(0);
    ChromeJson.complete(buf, name, cat, startNs, endNs - startNs, cpu, fields);
    out.accept(buf);
  }
}
