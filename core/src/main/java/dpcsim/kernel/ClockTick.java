package dpcsim.kernel;

/**
 * The clock tick's DPC bookkeeping (KeUpdateRunTime, R-24..R-28) as a pure function of one
 * processor's KPRCB, the globals and the profile. The watchdog's count of the same tick is {@link
 * DpcWatchdog}'s.
 *
 * <p>Every count here is a ULONG (R-10a), so each 0 tunable has the kernel's effect rather than a
 * special case: with IdealDpcRate 0, {@code rate < 0} never holds and the maximum is never lowered;
 * with AdjustDpcThreshold 0 the countdown wraps to 0xFFFFFFFF and only returns to 0 after 2^32
 * ticks; with MaximumDpcQueueDepth 0 under {@code != 1} the decrement wraps to 0xFFFFFFFF.
 */
final class ClockTick {
  private ClockTick() {}

  /**
   * charges the tick to where it landed: InterruptTime in an ISR, DpcTime in a retire pass
   * (the idle loop's included), the thread's time elsewhere. Bookkeeping only.
   */
  static void account(Kprcb prcb, boolean inIsr, boolean inRetirePass) {
    if (inIsr) {
      prcb.interruptTime++;
    } else if (inRetirePass) {
      prcb.dpcTime++;
    } else {
      prcb.threadTime++;
    }
  }

  /**
   * Applies one tick: the request-rate update (R-24, or R-28's decay), then either the queue-depth
   * shrink with a DISPATCH request or the threshold countdown that lets the maximum depth
   * grow back. Counts and depths are the NORMAL list's only.
   *
   * @param tickIndex the tick's number (k for the tick at k x period), for R-28's ticksElapsed
   * @return true if the tick requests a DISPATCH software interrupt; this never sets
   *     DpcInterruptRequested
   */
  static boolean apply(Kprcb prcb, GlobalTunables globals, Profile profile, long tickIndex) {
    DpcQueue normal = prcb.normal;
    long newInserts = Ulong.of(normal.count() - prcb.dpcLastCount);
    Profile.Tick reading = profile.tick();
    prcb.dpcRequestRate =
        reading.rate().nextRate(prcb.dpcRequestRate, newInserts, tickIndex - prcb.lastRateTick);
    prcb.lastRateTick = tickIndex;
    prcb.dpcLastCount = normal.count();

    boolean requestTest =
        reading.requestTest() == Profile.RequestTest.IGNORES_REQUESTED
            || !prcb.dpcInterruptRequested;
    if (normal.depth() != 0 && !prcb.dpcRoutineActive && requestTest) {
      prcb.adjustDpcThreshold = globals.adjustDpcThreshold();
      if (prcb.dpcRequestRate < globals.idealDpcRate()
          && mayLowerDepth(reading.floor(), prcb.maximumDpcQueueDepth)) {
        prcb.maximumDpcQueueDepth = Ulong.decrement(prcb.maximumDpcQueueDepth);
      }
      return true;
    }
    // R-26 as the kernel writes it: decrement, then test for exactly 0 (a ULONG never goes below).
    prcb.adjustDpcThreshold = Ulong.decrement(prcb.adjustDpcThreshold);
    if (prcb.adjustDpcThreshold == 0) {
      prcb.adjustDpcThreshold = globals.adjustDpcThreshold();
      if (mayRaiseDepth(
          reading.ceiling(), prcb.maximumDpcQueueDepth, globals.maximumDpcQueueDepth())) {
        prcb.maximumDpcQueueDepth = Ulong.increment(prcb.maximumDpcQueueDepth);
      }
    }
    return false;
  }

  /**
   * whether the tick may shrink MaximumDpcQueueDepth by one. Under {@code != 1} a maximum of
   * 0 may be decremented, wrapping to 0xFFFFFFFF (R-10a); under {@code > 1} it stays at 0.
   *
   * @return true if {@code maximumDepth} may be decremented
   */
  static boolean mayLowerDepth(Profile.DepthFloor floor, long maximumDepth) {
    return switch (floor) {
      case NOT_ONE -> maximumDepth != 1;
      case ABOVE_ONE -> maximumDepth > 1;
    };
  }

  /**
   * whether the threshold expiry may grow MaximumDpcQueueDepth by one toward the global. Both
   * are ULONGs (R-10a), compared unsigned; {@code !=} lets a wrapped maximum step on to 0.
   *
   * @return true if {@code maximumDepth} may be incremented
   */
  static boolean mayRaiseDepth(
      Profile.DepthCeiling ceiling, long maximumDepth, long globalMaximum) {
    return switch (ceiling) {
      case NOT_GLOBAL -> maximumDepth != globalMaximum;
      case BELOW_GLOBAL -> maximumDepth < globalMaximum;
    };
  }
}
