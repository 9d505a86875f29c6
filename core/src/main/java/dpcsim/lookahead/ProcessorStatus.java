package dpcsim.lookahead;

import dpcsim.kernel.EventKey;

/**
 * Where a processor stands after a window: what the coordinator needs to plan the next one.
 *
 * @param nextEventTime the time of its next pending event, or {@link Long#MAX_VALUE}
 * @param earliestOutput the earliest time it may send a message (without new arrivals), or {@link
 *     Long#MAX_VALUE}
 * @param blocked the key of its next event if that event touches a shared KDPC and waits for its
 *     turn in global order, else null
 * @param stopTime the time of a watchdog violation that stops the run, or -1
 * @param sendOffset the earliest offset of a send in work that starts at or after a message's
 *     arrival there (the planner takes the larger of it and the static bound; 0: none known)
 */
public record ProcessorStatus(
    int cpu,
    long nextEventTime,
    long earliestOutput,
    EventKey blocked,
    long stopTime,
    long sendOffset) {

  /** A status with no dynamic send offset. */
  public ProcessorStatus(
      int cpu, long nextEventTime, long earliestOutput, EventKey blocked, long stopTime) {
    this(cpu, nextEventTime, earliestOutput, blocked, stopTime, 0);
  }
}
