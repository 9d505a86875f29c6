package dpcsim.breakpoint;

/**
 * Where a run stopped for the prompt.
 *
 * @param reachedNs every event before this time has been applied (after {@code p} on the sequential
 *     engine: the time of the one event just processed)
 * @param hit the breakpoint that stopped the run, or null
 * @param event the hitting event, one line, or null
 * @param cpu the hitting event's processor (the prompt switches to it), or -1
 * @param ended true if the run has no event left
 */
public record Stop(long reachedNs, Breakpoint hit, String event, int cpu, boolean ended) {
  /**
   * @return a stop at a time, not at a breakpoint
   */
  public static Stop at(long reachedNs, boolean ended) {
    return new Stop(reachedNs, null, null, -1, ended);
  }
}
