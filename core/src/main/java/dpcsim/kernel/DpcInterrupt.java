package dpcsim.kernel;

import dpcsim.scenario.Importance;

/**
 * Whether an insertion interrupts the processor whose queue it went into, and how:
 * the decision KeInsertQueueDpc makes once the KDPC is linked, for both queues, whether the
 * inserting processor is the target or another one. Local and remote, normal and threaded, every
 * reading of the profiles is here; the caller only acts on the {@link Request}.
 *
 * <p>The decision is made with the target's state at the instant the insertion takes effect on it:
 * for a remote insertion, when the message arrives there. It is the only place where an insertion
 * sets DpcInterruptRequested; the IPI it asks for raises the DISPATCH software interrupt on
 * the target when serviced (R-17, {@link Processor}).
 *
 * <p>Kernel: WRK {@code ke/dpcobj.c} KeInsertQueueDpc (the tail of the function, both branches);
 * ReactOS {@code ke/dpc.c} KeInsertQueueDpc; the DPC interrupt generation table of <i>Windows
 * Internals</i> for the {@code textbook} reading.
 */
final class DpcInterrupt {
  /** What the inserting side does to the target. */
  enum Request {
    /** Nothing now: the target needs no interrupt, or notices on its own. */
    NONE,
    /** A DISPATCH_LEVEL software interrupt on the inserting processor, which is the target. */
    SOFTWARE_INTERRUPT,
    /** An IPI of kind DPC to the target, which requests the software interrupt there. */
    IPI
  }

  private DpcInterrupt() {}

  /**
   * for an insertion into {@code target}'s normal queue. Precondition: the KDPC is
   * linked, so the normal queue's depth counts it. Nothing is requested while a retire pass
   * runs on the target (DpcRoutineActive: the pass will reach the KDPC, R-20) or an interrupt is
   * already requested (DpcInterruptRequested). Otherwise:
   *
   * <ul>
   *   <li>on the inserting processor: unless the KDPC is Low, the depth is below
   *       MaximumDpcQueueDepth and DpcRequestRate is at least MinimumDpcRate (a Low KDPC on a short
   *       queue waits for the tick, R-25);
   *   <li>on another processor, per the profile's {@link RemoteRule}: {@code WRK}, if the KDPC
   *       counts as High or the queue is full (depth {@code >=} maximum), and the target is busy or
   *       idle-halted (an idle one polls its queue itself, R-30); {@code TEXTBOOK}, if it counts as
   *       High, the queue is full or the target is idle.
   * </ul>
   *
   * Postcondition: DpcInterruptRequested is set iff the result is not {@link Request#NONE}.
   *
   * @param by the inserting processor
   * @param idle the target is in the idle summary
   * @param halted the target is idle-halted (IdleHalt, Sleeping)
   * @return {@link Request#SOFTWARE_INTERRUPT} (local) or {@link Request#IPI} (remote) if the
   *     insertion requests a DPC interrupt
   */
  static Request forNormalInsert(
      Kprcb target, Importance importance, int by, boolean idle, boolean halted, Profile profile) {
    if (target.dpcRoutineActive || target.dpcInterruptRequested) {
      return Request.NONE;
    }
    int depth = target.normal.depth();
    boolean full = depth >= target.maximumDpcQueueDepth; // a ULONG: 0 makes every queue full
    boolean local = by == target.number;
    boolean wanted;
    if (local) {
      wanted =
          importance != Importance.LOW || full || target.dpcRequestRate < target.minimumDpcRate;
    } else {
      boolean high = countsAsHigh(profile.mediumHigh(), importance);
      wanted =
          switch (profile.remoteRule()) {
            case WRK -> (high || full) && busyOrHalted(idle, halted);
            case TEXTBOOK -> high || full || idle;
          };
    }
    if (!wanted) {
      return Request.NONE;
    }
    target.dpcInterruptRequested = true;
    return local ? Request.SOFTWARE_INTERRUPT : Request.IPI;
  }

  /**
   * R-15 for an insertion into {@code target}'s threaded queue: if the DPC thread is neither active
   * nor requested, request it (DpcThreadRequested and QuantumEnd, {@link DpcThread#request}) and
   * signal the target: a software interrupt when it is the inserting processor, an IPI when it is
   * another one that is busy or idle-halted, nothing when it is idle and not halted (its idle loop
   * notices QuantumEnd, R-30). This path never sets DpcInterruptRequested.
   *
   * @param by the inserting processor
   * @param idle the target is in the idle summary
   * @param halted the target is idle-halted
   * @return how the target is signalled
   */
  static Request forThreadedInsert(Kprcb target, int by, boolean idle, boolean halted) {
    if (!DpcThread.request(target)) {
      return Request.NONE;
    }
    if (by == target.number) {
      return Request.SOFTWARE_INTERRUPT;
    }
    return busyOrHalted(idle, halted) ? Request.IPI : Request.NONE;
  }

  /**
   * R-4 as R-14 reads it: High counts as High; MediumHigh does too where the profile says so
   * ({@link MediumHigh#HIGH_DECISION_TAIL}); Medium and Low never.
   *
   * @return true if a KDPC of {@code importance} counts as High for the remote decision
   */
  static boolean countsAsHigh(MediumHigh reading, Importance importance) {
    return importance == Importance.HIGH
        || (reading == MediumHigh.HIGH_DECISION_TAIL && importance == Importance.MEDIUM_HIGH);
  }

  /** An idle processor that is not halted polls its queues itself: it needs no IPI. */
  private static boolean busyOrHalted(boolean idle, boolean halted) {
    return !idle || halted;
  }
}
