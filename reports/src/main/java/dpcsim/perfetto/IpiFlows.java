package dpcsim.perfetto;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairs each {@code IpiSend} with the {@code IpiReceive} it causes. IPIs between one sender and one
 * target are serviced in the order they were sent (one fixed latency; IPIs masked at HIGH are
 * replayed in arrival order), so a FIFO per (sender, target) pairs them. The IPI latency is
 * positive, so the send comes first in the trace; a receipt seen first waits too rather than being
 * lost. Only IPIs in flight are held, and the maps are looked up, never iterated, so their order
 * cannot reach the output.
 */
final class IpiFlows {
  /** A matched IPI: flow {@code id} from {@code sendNs} on {@code from} to {@code receiveNs}. */
  record Flow(long id, int from, long sendNs, int to, long receiveNs) {}

  private final Map<Long, ArrayDeque<Long>> sends = new HashMap<>();
  private final Map<Long, ArrayDeque<Long>> receives = new HashMap<>();
  private long nextId = 1;

  /**
   * An IPI left {@code from} for {@code to} at {@code t}.
   *
   * @return the flow, if its receipt was already seen; otherwise null (it waits)
   */
  Flow send(int from, int to, long t) {
    Long receivedAt = match(receives, sends, from, to, t);
    return receivedAt == null ? null : new Flow(nextId++, from, t, to, receivedAt);
  }

  /**
   * The IPI from {@code from} was serviced on {@code to} at {@code t}.
   *
   * @return the flow, if its sending was already seen; otherwise null (it waits)
   */
  Flow receive(int from, int to, long t) {
    Long sentAt = match(sends, receives, from, to, t);
    return sentAt == null ? null : new Flow(nextId++, from, sentAt, to, t);
  }

  /**
   * @return the time of the oldest waiting other end between {@code from} and {@code to}, taken
   *     from {@code others}; if none waits, null, and {@code t} joins {@code mine} to wait
   */
  private static Long match(
      Map<Long, ArrayDeque<Long>> others,
      Map<Long, ArrayDeque<Long>> mine,
      int from,
      int to,
      long t) {
    Long other = poll(others, from, to);
    if (other == null) {
      mine.computeIfAbsent(key(from, to), k -> new ArrayDeque<>()).add(t);
    }
    return other;
  }

  private static Long poll(Map<Long, ArrayDeque<Long>> waiting, int from, int to) {
    ArrayDeque<Long> q = waiting.get(key(from, to));
    if (q == null) {
      return null;
    }
    Long t = q.poll();
    if (q.isEmpty()) {
      waiting.remove(key(from, to));
    }
    return t;
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }
}
