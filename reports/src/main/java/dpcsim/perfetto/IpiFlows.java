package dpcsim.perfetto;

/**
 * Pairs each {@code IpiSend} with the {@code IpiReceive} it causes. IPIs between one sender and one
 * target are serviced in the order they were sent (one fixed latency; IPIs masked at HIGH are
 * replayed in arrival order), so a FIFO per (sender, target) pairs them. The IPI latency is
 * positive, so the send comes first in the trace; a receipt seen first waits too rather than being
 * lost. Only IPIs in flight are held, and the queues are looked up, never iterated, so their order
 * cannot reach the output. Nothing is allocated per IPI: a completed flow is read off this object
 * ({@link #otherNs}) instead of returned as one.
 */
final class IpiFlows {
  private final TimeQueues sends = new TimeQueues();
  private final TimeQueues receives = new TimeQueues();
  private long nextId = 1;
  private long otherNs;

  /**
   * An IPI left {@code from} for {@code to} at {@code t}.
   *
   * @return the id of the flow it completes, if its receipt was already seen (received at {@link
   *     #otherNs}); otherwise 0 (it waits)
   */
  long send(int from, int to, long t) {
    return match(receives, sends, key(from, to), t);
  }

  /**
   * The IPI from {@code from} was serviced on {@code to} at {@code t}.
   *
   * @return the id of the flow it completes, if its sending was already seen (sent at {@link
   *     #otherNs}); otherwise 0 (it waits)
   */
  long receive(int from, int to, long t) {
    return match(sends, receives, key(from, to), t);
  }

  /**
   * @return the time of the other end of the flow the last {@link #send} or {@link #receive}
   *     completed
   */
  long otherNs() {
    return otherNs;
  }

  /**
   * Takes the oldest waiting other end between the pair from {@code others}; if none waits, {@code
   * t} joins {@code mine} to wait.
   */
  private long match(TimeQueues others, TimeQueues mine, long key, long t) {
    long other = others.poll(key);
    if (other == TimeQueues.EMPTY) {
      mine.add(key, t);
      return 0;
    }
    otherNs = other;
    return nextId++;
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }
}
