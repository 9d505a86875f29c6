package dpcsim.perfetto;

import dpcsim.report.LongLongMap;
import java.util.Arrays;

/**
 * First-in, first-out queues of times, one per long key, in shared arrays: the times are nodes of
 * linked lists in a pool with a free list, and each key maps to its list's head and tail. Queues
 * come and go with the IPIs in flight without an object each; the pool only grows to the most times
 * waiting at once, and only keys with a waiting time are held.
 */
final class TimeQueues {
  /** What {@link #poll} returns for an empty queue: no simulated time is this. */
  static final long EMPTY = Long.MIN_VALUE;

  /** Key to {@code head << 32 | tail}, the node indices of a non-empty queue. */
  private final LongLongMap ends = new LongLongMap(-1);

  private long[] times = new long[16];
  private int[] next = new int[16];
  private int freeList = -1;
  private int fresh;

  /** Appends {@code t} to the queue of {@code key}. */
  void add(long key, long t) {
    int n = node();
    times[n] = t;
    next[n] = -1;
    long e = ends.get(key);
    if (e < 0) {
      ends.put(key, pack(n, n));
    } else {
      next[tail(e)] = n;
      ends.put(key, pack(head(e), n));
    }
  }

  /**
   * @return the oldest time in the queue of {@code key}, taken out of it, or {@link #EMPTY}
   */
  long poll(long key) {
    long e = ends.get(key);
    if (e < 0) {
      return EMPTY;
    }
    int h = head(e);
    long t = times[h];
    if (h == tail(e)) {
      ends.remove(key);
    } else {
      ends.put(key, pack(next[h], tail(e)));
    }
    next[h] = freeList;
    freeList = h;
    return t;
  }

  private int node() {
    if (freeList >= 0) {
      int n = freeList;
      freeList = next[n];
      return n;
    }
    if (fresh == times.length) {
      times = Arrays.copyOf(times, fresh * 2);
      next = Arrays.copyOf(next, fresh * 2);
    }
    return fresh++;
  }

  private static long pack(int head, int tail) {
    return ((long) head << 32) | tail;
  }

  private static int head(long ends) {
    return (int) (ends >>> 32);
  }

  private static int tail(long ends) {
    return (int) ends;
  }
}
