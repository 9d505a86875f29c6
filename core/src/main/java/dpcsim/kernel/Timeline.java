package dpcsim.kernel;

import dpcsim.scenario.ScriptAction;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceSink;
import java.util.Arrays;

/**
 * One processor's simulated time: the instant being processed ({@link #now}), the future event list
 * after it, and the trace written at it. Every part of a processor schedules and traces through
 * here, so the two running counts that make runs reproducible live in one place: the sequence
 * number that orders what this processor schedules and sends ({@link #nextSeq}), and the emission
 * number that orders its trace lines within an instant.
 *
 * <p>Events are kept in key order ({@link SimEvent}); processed events are recycled, so the hot
 * path allocates no event per scheduled milestone or device arrival.
 */
final class Timeline {
  /**
   * A busy processor keeps a handful of spare events; beyond this many they are left to the garbage
   * collector, so a burst of remote messages does not pin memory in a processor that then goes
   * idle.
   */
  private static final int MAX_SPARE_EVENTS = 64;

  private final int cpu;
  private final long duration;
  private final TraceSink sink;
  private final EventQueue fel = new EventQueue();
  private SimEvent[] spareEvents = new SimEvent[4];
  private int spareCount;
  private long now;
  private long seq;
  private long emitSeq;

  /**
   * @param duration the run's end: {@link #schedule} drops anything later
   */
  Timeline(int cpu, long duration, TraceSink sink) {
    this.cpu = cpu;
    this.duration = duration;
    this.sink = sink;
  }

  int cpu() {
    return cpu;
  }

  /**
   * @return the time of the event being processed (of the last one, between events)
   */
  long now() {
    return now;
  }

  /**
   * @return the key-smallest pending event, or null
   */
  SimEvent peek() {
    return fel.peek();
  }

  /**
   * Takes the key-smallest pending event, which must exist, and moves {@link #now} to its time.
   *
   * @return the event
   */
  SimEvent next() {
    SimEvent e = fel.poll();
    now = e.time;
    return e;
  }

  /**
   * @return the next number of this processor's running sequence (for an event or a message)
   */
  long nextSeq() {
    return seq++;
  }

  /**
   * Schedules an event of this processor at {@code time}, unless that is after the run's end (then
   * nothing happens, and the sequence does not advance).
   */
  void schedule(long time, SimEvent.Kind kind, Object ref, long value) {
    if (time <= duration) {
      add(time, kind, ref, value);
    }
  }

  /** Schedules an event of this processor at {@code time}, even after the run's end. */
  void add(long time, SimEvent.Kind kind, Object ref, long value) {
    fel.add(event(time, 1, cpu, cpu, seq++, kind, ref, value));
  }

  /** Schedules a script action: first at its instant, in file order. */
  void addScript(ScriptAction action) {
    fel.add(
        new SimEvent(action.atNs(), 0, action.index(), cpu, 0, SimEvent.Kind.SCRIPT, action, 0));
  }

  /** Schedules the arrival of a message from another processor, keyed by its sender. */
  void arrive(CrossCpu message, SimEvent.Kind kind) {
    fel.add(
        event(message.arriveNs(), 1, cpu, message.from(), message.originSeq(), kind, message, 0));
  }

  /** Takes back a processed event for reuse; nothing may refer to it any more. */
  void recycle(SimEvent e) {
    e.ref = null;
    if (spareCount == spareEvents.length) {
      if (spareCount >= MAX_SPARE_EVENTS) {
        return;
      }
      spareEvents = Arrays.copyOf(spareEvents, spareCount * 2);
    }
    spareEvents[spareCount++] = e;
  }

  /**
   * Writes a trace event of this processor at the current time (columns as {@link TraceKind} lists
   * them).
   */
  void trace(int kind, int a, int b, int c, long x, long y, long z) {
    sink.emit(kind, now, cpu, a, b, c, x, y, z, cpu, emitSeq++);
  }

  /** Writes a trace event this processor emits on behalf of {@code eventCpu} (an IPI's sender). */
  void traceFor(int eventCpu, int kind, int a, int b, int c) {
    sink.emit(kind, now, eventCpu, a, b, c, 0, 0, 0, cpu, emitSeq++);
  }

  private SimEvent event(
      long time,
      int lane,
      int major,
      int originCpu,
      long seq,
      SimEvent.Kind kind,
      Object ref,
      long value) {
    if (spareCount == 0) {
      return new SimEvent(time, lane, major, originCpu, seq, kind, ref, value);
    }
    SimEvent e = spareEvents[--spareCount];
    spareEvents[spareCount] = null;
    return e.set(time, lane, major, originCpu, seq, kind, ref, value);
  }

  /** Calls {@code action} with every pending event, in no particular order (read only). */
  void forEachPending(java.util.function.Consumer<SimEvent> action) {
    fel.forEach(action);
  }
}
