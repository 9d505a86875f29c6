package dpcsim.kernel;

/**
 * The DPC thread: with ThreadDpcEnable set, each processor has a thread of priority 31 bound
 * to it that runs the threaded queue at PASSIVE_LEVEL. It is requested by a threaded insertion
 * or a flush, readied by QuantumEnd (R-18, or the idle loop, R-30), and preempted by
 * ISRs and by normal DPCs. With ThreadDpcEnable clear, threaded KDPCs go to the normal queue
 * ({@link Insertion#queueFor}) and this class is never reached.
 *
 * <p>Kernel: WRK {@code ke/dpcsup.c} KiExecuteDpc (the thread) and KiQuantumEnd (signals the event
 * it waits on); ReactOS has no DPC threads.
 */
final class DpcThread {
  private DpcThread() {}

  /**
   * requests the DPC thread unless it is active or already requested: sets
   * DpcThreadRequested and QuantumEnd.
   *
   * @return true if it was requested now; false if it was active or requested already
   */
  static boolean request(Kprcb prcb) {
    if (prcb.dpcThreadActive || prcb.dpcThreadRequested) {
      return false;
    }
    prcb.dpcThreadRequested = true;
    prcb.quantumEnd = true;
    return true;
  }

  /**
   * QuantumEnd is handled (after a DISPATCH interrupt, or in the idle loop): it is
   * cleared, and a requested DPC thread that is not active becomes active.
   *
   * @return true if the DPC thread starts running its queue (DpcThreadActive was set now)
   */
  static boolean quantumEnd(Kprcb prcb) {
    if (!prcb.quantumEnd) {
      return false;
    }
    prcb.quantumEnd = false;
    if (prcb.dpcThreadRequested && !prcb.dpcThreadActive) {
      prcb.dpcThreadActive = true;
      return true;
    }
    return false;
  }

  /**
   * the running DPC thread takes the head of the threaded queue, clearing its DpcData before
   * the call, and calls the routine at PASSIVE_LEVEL. When the queue is empty it clears
   * DpcThreadActive and DpcThreadRequested and waits again. Precondition: the thread runs and no
   * threaded routine is executing.
   *
   * @return the KDPC whose routine is called, or null: the thread waits again
   */
  static Kdpc nextRoutine(Kprcb prcb) {
    if (prcb.threaded.depth() > 0) {
      return prcb.threaded.removeHead();
    }
    prcb.dpcThreadActive = false;
    prcb.dpcThreadRequested = false;
    return null;
  }
}
