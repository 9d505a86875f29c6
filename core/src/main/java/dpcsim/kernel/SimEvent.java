package dpcsim.kernel;

/**
 * One pending event of a processor. Events are ordered by the key {@code (time, lane, major,
 * originCpu, seq)}: script actions (lane 0) come first at an instant, in file order ({@code major}
 * = script index); everything else (lane 1, {@code major} = the processor) follows, by originating
 * processor and its running count. The key never depends on arrival order, so both engines process
 * the same events in the same order.
 */
final class SimEvent {
  enum Kind {
    BOOT,
    SCRIPT,
    TICK,
    DEVICE,
    MILESTONE,
    LOAD_TOGGLE,
    RUN_THREAD_END,
    HALT_TIMER,
    IPI_ARRIVE,
    REMOTE_INSERT,
    REMOTE_REMOVE,
    FLUSH_REQUEST
  }

  // Not final: a processor reuses the events it has processed (see Timeline#recycle), so the hot
  // path allocates no event per scheduled milestone or device arrival.
  long time;
  int lane;
  int major;
  int originCpu;
  long seq;
  Kind kind;

  /** Payload: what the kind needs (an activity, a script action, a message, ...). */
  Object ref;

  /** Payload: a small integer (generation, device index, sender). */
  long value;

  SimEvent(
      long time, int lane, int major, int originCpu, long seq, Kind kind, Object ref, long value) {
    set(time, lane, major, originCpu, seq, kind, ref, value);
  }

  /** Gives this event a new key and payload: @return this */
  SimEvent set(
      long time, int lane, int major, int originCpu, long seq, Kind kind, Object ref, long value) {
    this.time = time;
    this.lane = lane;
    this.major = major;
    this.originCpu = originCpu;
    this.seq = seq;
    this.kind = kind;
    this.ref = ref;
    this.value = value;
    return this;
  }

  /** Orders by the event key (see the class comment). */
  static int compare(SimEvent a, SimEvent b) {
    int c = Long.compare(a.time, b.time);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.lane, b.lane);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.major, b.major);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.originCpu, b.originCpu);
    if (c != 0) {
      return c;
    }
    return Long.compare(a.seq, b.seq);
  }
}
