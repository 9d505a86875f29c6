package dpcsim.kernel;

import dpcsim.scenario.Importance;

/**
 * KeInsertQueueDpc up to the moment the KDPC is linked, as a function of the target
 * processor's KPRCB and the KDPC. What the insertion then asks of the target (an interrupt, an IPI,
 * the DPC thread) is {@link DpcInterrupt}'s decision.
 *
 * <p>Kernel: WRK {@code ke/dpcobj.c} KeInsertQueueDpc (KiInsertQueueDpc in later kernels); ReactOS
 * {@code ke/dpc.c} KeInsertQueueDpc.
 */
final class Insertion {
  /** Where an insertion left the KDPC; the trace spells HEAD and TAIL as {@code pos}. */
  enum Placement {
    /** it was already queued; nothing changed and KeInsertQueueDpc returns FALSE. */
    REJECTED(null),
    /** linked at the head of its queue. */
    HEAD("head"),
    /** linked at the tail of its queue. */
    TAIL("tail");

    private final String traceName;

    Placement(String traceName) {
      this.traceName = traceName;
    }

    /**
     * @return the trace's spelling ({@code head} or {@code tail})
     */
    String traceName() {
      return traceName;
    }
  }

  private Insertion() {}

  /**
   * the queue a KDPC goes to: the threaded one for a threaded KDPC while ThreadDpcEnable is
   * set, the normal one otherwise (a threaded KDPC then runs as a normal one).
   *
   * @return one of {@code prcb}'s two queues
   */
  static DpcQueue queueFor(Kprcb prcb, Kdpc dpc) {
    return dpc.threaded() && prcb.threadDpcEnable ? prcb.threaded : prcb.normal;
  }

  /**
   * Inserts {@code dpc} into {@code prcb}'s queue for it. Precondition: the caller holds the
   * target's queue, as KeInsertQueueDpc holds its lock. If the KDPC is already queued anywhere
   * (DpcData set, R-2), nothing changes, not even the SystemArguments. Otherwise the
   * SystemArguments are stored, DpcData is set, and the KDPC is linked at the head if it is High,
   * at the tail if not (MediumHigh too, in every profile: ); the queue's depth and
   * DpcCount go up by one.
   *
   * @return where it went, or {@link Placement#REJECTED}; afterwards {@code dpc.dpcData()} is its
   *     queue
   */
  static Placement insert(Kprcb prcb, Kdpc dpc, long arg1, long arg2) {
    if (dpc.inserted()) {
      return Placement.REJECTED;
    }
    dpc.systemArgument1 = arg1;
    dpc.systemArgument2 = arg2;
    boolean atHead = dpc.importance == Importance.HIGH;
    queueFor(prcb, dpc).insert(dpc, atHead);
    return atHead ? Placement.HEAD : Placement.TAIL;
  }
}
