package dpcsim.kernel;

/**
 * Whether inserting a DPC into ANOTHER processor's normal queue interrupts that processor (the
 * remote half of R-14). The caller has already checked that the target has neither DpcRoutineActive
 * nor DpcInterruptRequested set.
 */
public enum RemoteRule {
  /**
   * WRK 1.2 {@code KeInsertQueueDpc} (and ReactOS ke/dpc.c, which words it "busy OR Sleeping"):
   * High, or the queue reached its maximum depth, AND the target is busy or idle-halted. An idle
   * processor that is not halted polls its queue itself, so it needs no IPI.
   */
  WRK {
    @Override
    public boolean requestInterrupt(
        boolean highForDecision, int newDepth, long maximumDepth, boolean idle, boolean halted) {
      return (highForDecision || newDepth >= maximumDepth) && (!idle || halted);
    }
  },
  /**
   * The DPC interrupt generation table of Inside Windows / Russinovich (seeds/000): High always;
   * Low and Medium when the queue reached its maximum depth or the target is idle.
   */
  TEXTBOOK {
    @Override
    public boolean requestInterrupt(
        boolean highForDecision, int newDepth, long maximumDepth, boolean idle, boolean halted) {
      return highForDecision || newDepth >= maximumDepth || idle;
    }
  };

  /**
   * @param highForDecision the DPC counts as High for the decision (High, or MediumHigh where the
   *     profile says so)
   * @param newDepth the target's normal queue depth after the insertion
   * @param maximumDepth the target's MaximumDpcQueueDepth, a ULONG 0..0xFFFFFFFF (R-10a: 0 makes
   *     every insertion meet the depth condition)
   * @param idle the target is in the idle summary
   * @param halted the target is idle-halted (IdleHalt/Sleeping)
   * @return true if the inserting side must request a DPC interrupt on the target (an IPI)
   */
  public abstract boolean requestInterrupt(
      boolean highForDecision, int newDepth, long maximumDepth, boolean idle, boolean halted);

  /**
   * Whether signalling a remote processor's DPC thread needs an IPI: only when the target is
   * busy or idle-halted, as in the WRK reading of R-14, whatever the profile.
   *
   * @return true if an IPI must be sent
   */
  public static boolean signalThreadNeedsIpi(boolean idle, boolean halted) {
    return !idle || halted;
  }
}
