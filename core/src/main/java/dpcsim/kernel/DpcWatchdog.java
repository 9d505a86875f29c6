package dpcsim.kernel;

/**
 * The DPC watchdog: the single-DPC limit and the cumulative time at or above DISPATCH,
 * counted in clock ticks. A violation is what bug check 0x133 would report; after recording it the
 * counter that fired restarts, as when a debugger absorbs the break.
 */
final class DpcWatchdog {
  /** A recorded violation with the bug check parameters. */
  record Violation(long p1, long p2, long p3) {}

  private DpcWatchdog() {}

  /** the single-DPC count restarts at every routine call at DISPATCH_LEVEL. */
  static void routineCalled(Kprcb prcb) {
    prcb.dpcTimeCount = 0;
  }

  /**
   * Counts one tick.
   *
   * @param dpcRunning a DeferredRoutine (normal, at DISPATCH) was executing when the tick landed
   * @param atOrAboveDispatch the interrupted IRQL was DISPATCH_LEVEL or above (the idle loop itself
   *     does not count)
   * @return the violations this tick raises: none, one, or both
   */
  static Violation[] tick(Kprcb prcb, boolean dpcRunning, boolean atOrAboveDispatch) {
    Violation single = null;
    Violation cumulative = null;
    if (dpcRunning) {
      prcb.dpcTimeCount++;
      if (prcb.dpcTimeCount > prcb.dpcTimeLimit) {
        single = new Violation(0, prcb.dpcTimeCount, prcb.dpcTimeLimit);
        prcb.dpcTimeCount = 0;
      }
    }
    if (atOrAboveDispatch) {
      prcb.dpcWatchdogCount++;
      if (prcb.dpcWatchdogCount >= prcb.dpcWatchdogPeriod) {
        cumulative = new Violation(1, prcb.dpcWatchdogPeriod, 0);
        prcb.dpcWatchdogCount = 0;
      }
    } else {
      prcb.dpcWatchdogCount = 0;
    }
    if (single == null && cumulative == null) {
      return NONE;
    }
    if (single == null) {
      return new Violation[] {cumulative};
    }
    if (cumulative == null) {
      return new Violation[] {single};
    }
    return new Violation[] {single, cumulative};
  }

  private static final Violation[] NONE = new Violation[0];
}
