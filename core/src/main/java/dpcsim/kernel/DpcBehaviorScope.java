package dpcsim.kernel;

/**
 * What a run-time change of the R-10 globals ({@code setTunable}, the kernel's
 * NtSetSystemInformation(SystemDpcBehaviorInformation)) does to the processors' own copies.
 */
public enum DpcBehaviorScope {
  /**
   * WRK 1.2 {@code ex/sysinfo.c} stores the new values in the Ki globals only: a processor keeps
   * the MaximumDpcQueueDepth and MinimumDpcRate it copied at start, and its maximum moves only one
   * step per adjustment through. ReactOS does not implement the call at all (it returns
   * STATUS_NOT_IMPLEMENTED); dpcsim applies it this way for {@code reactos} too.
   */
  GLOBALS_ONLY {
    @Override
    void apply(Kprcb prcb, GlobalTunables globals) {}
  },
  /**
   * Modern Windows (decompiled, lower confidence, R-10): after storing the globals the call also
   * rewrites every processor's MaximumDpcQueueDepth and MinimumDpcRate from them.
   */
  GLOBALS_AND_PROCESSORS {
    @Override
    void apply(Kprcb prcb, GlobalTunables globals) {
      prcb.maximumDpcQueueDepth = globals.maximumDpcQueueDepth();
      prcb.minimumDpcRate = globals.minimumDpcRate();
    }
  };

  /**
   * Applies a change of the globals, already stored in {@code globals}, to one processor's KPRCB.
   * Every processor applies it at the action's instant, before its other events there.
   */
  abstract void apply(Kprcb prcb, GlobalTunables globals);
}
