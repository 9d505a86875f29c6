package dpcsim.stats;

import java.util.Arrays;

/**
 * The activities open on one processor, innermost last: each an index (a KDPC's or a device's) and
 * the time it started. A stack because a normal DPC preempts a threaded one and ISRs preempt
 * routines; kept as parallel arrays so that opening one allocates nothing.
 */
final class OpenFrames {
  private int[] index = new int[4];
  private long[] since = new long[4];
  private int depth;

  void push(int i, long t) {
    if (depth == index.length) {
      index = Arrays.copyOf(index, depth * 2);
      since = Arrays.copyOf(since, depth * 2);
    }
    index[depth] = i;
    since[depth] = t;
    depth++;
  }

  boolean isEmpty() {
    return depth == 0;
  }

  int depth() {
    return depth;
  }

  /**
   * @return the innermost open activity's index; only when not empty
   */
  int top() {
    return index[depth - 1];
  }

  /**
   * @return the innermost open activity's start time; only when not empty
   */
  long topSince() {
    return since[depth - 1];
  }

  /** Closes the innermost open activity; only when not empty. */
  void pop() {
    depth--;
  }

  /** The {@code i}-th open activity from the outermost (0), for closing what is open at the end. */
  int indexAt(int i) {
    return index[i];
  }

  long sinceAt(int i) {
    return since[i];
  }
}
