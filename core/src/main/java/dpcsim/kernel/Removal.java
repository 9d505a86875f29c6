package dpcsim.kernel;

/**
 * KeRemoveQueueDpc. The queue a KDPC is in may be another processor's: the call then takes
 * effect there, {@code latency.remoteInsert} later in dpcsim, and is decided again with that
 * queue's state at that instant.
 *
 * <p>Kernel: WRK {@code ke/dpcobj.c} KeRemoveQueueDpc; ReactOS {@code ke/dpc.c} KeRemoveQueueDpc.
 */
final class Removal {
  private Removal() {}

  /**
   * @return the processor whose queue holds {@code dpc}, where the removal takes effect, or -1 when
   *     its DpcData is clear: KeRemoveQueueDpc returns FALSE at once
   */
  static int queueOwner(Kdpc dpc) {
    DpcQueue queue = dpc.dpcData;
    return queue == null ? -1 : queue.owner();
  }

  /**
   * R-22 on {@code prcb}'s processor: if {@code dpc} is in one of its queues, unlink it, take one
   * from that queue's depth and clear DpcData; DpcCount does not change.
   *
   * @return KeRemoveQueueDpc's result: TRUE if it was queued here, FALSE if it is not (any more)
   */
  static boolean remove(Kprcb prcb, Kdpc dpc) {
    DpcQueue queue = dpc.dpcData;
    if (queue == null || queue.owner() != prcb.number) {
      return false;
    }
    queue.unlink(dpc);
    return true;
  }
}
