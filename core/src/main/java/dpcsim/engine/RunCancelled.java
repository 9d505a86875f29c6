package dpcsim.engine;

/**
 * A run stopped on request ({@link CancelToken}) before its end: nothing of it is complete, and the
 * command says so in one line.
 */
public final class RunCancelled extends RuntimeException {
  private final long reachedNs;

  /**
   * @param reachedNs the simulated time of the last event the run's trace saw, or -1 if the run had
   *     not started
   */
  public RunCancelled(long reachedNs) {
    super("cancelled", null, false, false);
    this.reachedNs = reachedNs;
  }

  /**
   * @return the simulated time of the last event the trace saw, or -1 if the run had not started
   */
  public long reachedNs() {
    return reachedNs;
  }
}
