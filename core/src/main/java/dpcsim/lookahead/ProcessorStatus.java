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
 * @param crossOutput the earliest time it may send a message off its node (without new arrivals):
 *     {@code earliestOutput} when every message counts
 * @param crossSendOffset the earliest offset of a send off its node in work that starts at or after
 *     a message's arrival there, the static bound included ({@link Long#MAX_VALUE}: none)
 * @param waitingOffset the earliest offset of a send by work already waiting there (queued KDPCs,
 *     interrupts waiting for the IRQL), should a message's arrival let it start at once; 0 when not
 *     worked out, {@link Long#MAX_VALUE} when nothing that waits can send
 * @param crossWaitingOffset the same for sends off the node
 */
public record ProcessorStatus(
    int cpu,
    long nextEventTime,
    long earliestOutput,
    EventKey blocked,
    long stopTime,
    long sendOffset,
    long crossOutput,
    long crossSendOffset,
    long waitingOffset,
    long crossWaitingOffset) {

  /** A status with no dynamic send offset, where every message leaves the node. */
  public ProcessorStatus(
      int cpu, long nextEventTime, long earliestOutput, EventKey blocked, long stopTime) {
    this(cpu, nextEventTime, earliestOutput, blocked, stopTime, 0, earliestOutput, 0, 0, 0);
  }

  /**
   * @return this status with the next event at {@code time} at the latest (a message waiting for
   *     the processor on its node)
   */
  public ProcessorStatus withNextBy(long time) {
    return time >= nextEventTime
        ? this
        : new ProcessorStatus(
            cpu,
            time,
            earliestOutput,
            blocked,
            stopTime,
            sendOffset,
            crossOutput,
            crossSendOffset,
            waitingOffset,
            crossWaitingOffset);
  }
}
