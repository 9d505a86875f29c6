package dpcsim.kernel;

/**
 * What the idle loop does at an instant. An idle processor (its idle summary bit set,
 * not idle-halted) runs KiIdleLoop at DISPATCH_LEVEL and polls its normal queue; dpcsim models the
 * polling as immediate. The threaded queue is left to the DPC thread, which the loop readies when
 * QuantumEnd is set.
 *
 * <p>Kernel: WRK {@code ke/amd64/idle.asm} KiIdleLoop; ReactOS {@code ke/i386/thrdini.c}
 * KiIdleLoop. Both clear a pending DISPATCH software interrupt before they call KiRetireDpcList
 * (R-31).
 */
final class IdleLoop {
  /** What one poll of the idle loop finds to do. */
  enum Poll {
    /** The normal queue holds KDPCs: a retire pass has begun. */
    RETIRE,
    /** QuantumEnd is set: the loop handles it ({@link DpcThread#quantumEnd}). */
    QUANTUM_END,
    /** Nothing. */
    NOTHING
  }

  private IdleLoop() {}

  /**
   * One poll of the idle loop. Precondition: the processor is idle and not halted. Whatever it
   * finds, the caller drops a pending DISPATCH software interrupt: the loop absorbs it and retires
   * the queue itself.
   *
   * @return {@link Poll#RETIRE} (DpcRoutineActive is then set, {@link Retirement#beginPass}),
   *     {@link Poll#QUANTUM_END} or {@link Poll#NOTHING}
   */
  static Poll poll(Kprcb prcb) {
    if (prcb.normal.depth() > 0) {
      Retirement.beginPass(prcb);
      return Poll.RETIRE;
    }
    return prcb.quantumEnd ? Poll.QUANTUM_END : Poll.NOTHING;
  }
}
