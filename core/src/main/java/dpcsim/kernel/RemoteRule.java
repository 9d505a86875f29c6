package dpcsim.kernel;

/**
 * A profile's reading of the remote half of R-14: when an insertion into ANOTHER processor's normal
 * queue interrupts it. {@link DpcInterrupt#forNormalInsert} applies it.
 */
public enum RemoteRule {
  /**
   * WRK 1.2 {@code ke/dpcobj.c} KeInsertQueueDpc (and ReactOS {@code ke/dpc.c}, which words it
   * "busy OR Sleeping"): High, or the queue reached its maximum depth, AND the target is busy or
   * idle-halted. An idle processor that is not halted polls its queue itself.
   */
  WRK,
  /**
   * The DPC interrupt generation table of <i>Inside Windows</i> / Russinovich: High always; Low and
   * Medium when the queue reached its maximum depth or the target is idle.
   */
  TEXTBOOK
}
