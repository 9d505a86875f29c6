package dpcsim.invariant;

/**
 * An invariant does not hold: a bug in the kernel rules or the engine, never a user mistake. The
 * message names the invariant, the processor, the simulated time and the event just processed.
 */
public final class InvariantViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String invariant;
  private final int cpu;
  private final long timeNs;

  InvariantViolation(
      String invariant, int cpu, long timeNs, int eventCpu, String event, String detail) {
    super(
        "invariant violated: "
            + invariant
            + " (cpu "
            + cpu
            + ", t="
            + timeNs
            + "ns, after event "
            + event
            + " on cpu "
            + eventCpu
            + "): "
            + detail);
    this.invariant = invariant;
    this.cpu = cpu;
    this.timeNs = timeNs;
  }

  /**
   * @return the violated invariant's name
   */
  public String invariant() {
    return invariant;
  }

  /**
   * @return the processor where it does not hold
   */
  public int cpu() {
    return cpu;
  }

  /**
   * @return the simulated time of the event after which it was found
   */
  public long timeNs() {
    return timeNs;
  }
}
