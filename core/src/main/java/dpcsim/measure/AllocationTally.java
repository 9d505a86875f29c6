package dpcsim.measure;

/**
 * The bytes allocated by short-lived threads that add their own count just before they end: the JVM
 * forgets a thread's allocation when it dies, so a worker that lives for one run (the trace writer)
 * records itself here, and a benchmark reads the tally before and after a run. One add per thread,
 * never per event. Safe to use from any thread.
 */
public final class AllocationTally {
  /**
   * A tally's value.
   *
   * @param threads threads added
   * @param bytes their allocated bytes, summed
   */
  public record Total(long threads, long bytes) {
    /**
     * @return what was added between {@code earlier} and this total
     */
    public Total minus(Total earlier) {
      return new Total(threads - earlier.threads, bytes - earlier.bytes);
    }
  }

  private long threads;
  private long bytes;

  /**
   * Adds the calling thread's allocated bytes since it started; nothing if the JVM cannot count
   * (the thread count then does not grow either, so a reader can tell).
   */
  public void addCurrentThread() {
    long b = ThreadAllocation.currentThread();
    if (b >= 0) {
      add(b);
    }
  }

  private synchronized void add(long b) {
    threads++;
    bytes += b;
  }

  /**
   * @return the threads added so far and their bytes
   */
  public synchronized Total total() {
    return new Total(threads, bytes);
  }
}
