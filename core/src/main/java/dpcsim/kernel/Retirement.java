package dpcsim.kernel;

/**
 * Taking the DISPATCH software interrupt and retiring the normal queue, as functions
 * of one processor's KPRCB. R-20 (a routine's own insertions run in the same pass, without a new
 * interrupt) has no code of its own: it follows from {@link DpcInterrupt#forNormalInsert} testing
 * DpcRoutineActive and from the pass going on while the queue has entries ({@link #nextRoutine}).
 *
 * <p>Kernel: WRK {@code ke/amd64/ctxswap.asm} KiDispatchInterrupt and {@code ke/dpcsup.c}
 * KiRetireDpcList; ReactOS {@code ke/i386/thrdini.c} KiDispatchInterrupt and {@code ke/dpc.c}
 * KiRetireDpcList.
 */
final class Retirement {
  private Retirement() {}

  /**
   * the pending DISPATCH software interrupt is taken (the IRQL fell below DISPATCH_LEVEL). It
   * clears DpcInterruptRequested where the profile's kernel does ({@code reactos}: only the end of
   * the pass does), then retires the normal queue if it holds anything.
   *
   * @return true if a retire pass begins ({@link #beginPass}); false if the queue is empty and the
   *     interrupt goes straight on to QuantumEnd ({@link DpcThread#quantumEnd})
   */
  static boolean takeDispatchInterrupt(Kprcb prcb, Profile profile) {
    if (profile.requestClear() == Profile.RequestClear.DISPATCH_INTERRUPT_AND_PASS_END) {
      prcb.dpcInterruptRequested = false;
    }
    if (prcb.normal.depth() == 0) {
      return false;
    }
    beginPass(prcb);
    return true;
  }

  /** KiRetireDpcList begins: DpcRoutineActive is set. */
  static void beginPass(Kprcb prcb) {
    prcb.dpcRoutineActive = true;
  }

  /**
   * the pass takes the head of the normal queue, clearing its DpcData before the call (so the
   * routine may queue it again) and taking one from the depth; the routine is then called at
   * DISPATCH_LEVEL. Precondition: a pass runs and no routine of it is executing.
   *
   * @return the KDPC whose routine is called, or null: the queue is empty and the pass ends ({@link
   *     #endPass})
   */
  static Kdpc nextRoutine(Kprcb prcb) {
    if (prcb.normal.depth() == 0) {
      return null;
    }
    return prcb.normal.removeHead();
  }

  /**
   * the queue is empty: DpcRoutineActive and DpcInterruptRequested are cleared. QuantumEnd
   * follows, and a later insertion requests a new interrupt.
   */
  static void endPass(Kprcb prcb) {
    prcb.dpcRoutineActive = false;
    prcb.dpcInterruptRequested = false;
  }
}
