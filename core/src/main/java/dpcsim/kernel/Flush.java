package dpcsim.kernel;

/**
 * KeFlushQueuedDpcs on one processor: every processor whose queues hold anything gets a DPC
 * interrupt, which runs even the Low KDPCs waiting for their tick. The calling processor checks its
 * own queues at once; every other one is asked {@code latency.remoteInsert} later and checks its
 * queues then.
 *
 * <p>Kernel: WRK {@code ke/dpcobj.c} KeFlushQueuedDpcs (it moves the calling thread to each
 * processor and requests a local DISPATCH interrupt there); ReactOS {@code ke/dpc.c}
 * KeFlushQueuedDpcs (the single-processor case only).
 */
final class Flush {
  private Flush() {}

  /**
   * R-23 on {@code prcb}'s processor for a flush called on {@code by}: nothing if both queues are
   * empty; otherwise, if the threaded queue holds KDPCs, the DPC thread is requested ({@link
   * DpcThread#request}), and a DPC interrupt is requested, by software interrupt on the calling
   * processor and by IPI on any other. DpcInterruptRequested is not set.
   *
   * @return how the processor is interrupted (traced {@code via: flush})
   */
  static DpcInterrupt.Request request(Kprcb prcb, int by) {
    boolean normalWork = prcb.normal.depth() > 0;
    boolean threadedWork = prcb.threaded.depth() > 0;
    if (!normalWork && !threadedWork) {
      return DpcInterrupt.Request.NONE;
    }
    if (threadedWork) {
      DpcThread.request(prcb);
    }
    return by == prcb.number ? DpcInterrupt.Request.SOFTWARE_INTERRUPT : DpcInterrupt.Request.IPI;
  }
}
