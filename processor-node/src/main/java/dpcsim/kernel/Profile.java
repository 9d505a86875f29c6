package dpcsim.kernel;

import dpcsim.kernel.layout.KdpcFamily;

/**
 * Every version-dependent reading of the DPC rules (spec section P), as one value. The kernel asks
 * the profile and never checks which version it runs: adding a profile means adding one value to
 * {@link Profiles}.
 *
 * @param name the name scenarios use ({@code ws03}, {@code win10}, ...)
 * @param source where the readings come from
 * @param kdpcLayout the KDPC layout family of the modelled kernel (R-7, for {@code dt _KDPC})
 * @param dpcObjectType KOBJECTS DpcObject
 * @param threadedDpcObjectType KOBJECTS ThreadedDpcObject
 * @param targetBiasX86 what KeSetTargetProcessorDpc adds to the processor number on x86
 * @param targetBiasX64 the same on x64
 * @param mediumHigh how MediumHighImportance is treated
 * @param remoteRule the remote half of R-14
 * @param tickRule the DpcRequestRate update
 * @param tickTestsInterruptRequested R-25 requires DpcInterruptRequested clear (not reactos)
 * @param depthFloorAboveOne R-25 decrements MaximumDpcQueueDepth only while it is {@code > 1}
 *     (false: while it is {@code != 1})
 * @param depthCeilingBelowMax R-26 increments only while below the global maximum (false: while it
 *     differs from it)
 * @param softwareInterruptClearsRequest R-18: taking the DISPATCH interrupt clears
 *     DpcInterruptRequested (reactos: only the end of the retire loop does)
 * @param threadedSupported the kernel has DPC threads; false: threaded DPCs run as normal
 * @param threadedDefault ThreadDpcEnable when the scenario does not say
 * @param watchdog the kernel has the DPC watchdog
 * @param dpcBehaviorScope what {@code setTunable} does to the processors' copies
 * @param defaults the R-10 globals
 */
public record Profile(
    String name,
    String source,
    KdpcFamily kdpcLayout,
    int dpcObjectType,
    int threadedDpcObjectType,
    int targetBiasX86,
    int targetBiasX64,
    MediumHigh mediumHigh,
    RemoteRule remoteRule,
    TickRule tickRule,
    boolean tickTestsInterruptRequested,
    boolean depthFloorAboveOne,
    boolean depthCeilingBelowMax,
    boolean softwareInterruptClearsRequest,
    boolean threadedSupported,
    boolean threadedDefault,
    boolean watchdog,
    DpcBehaviorScope dpcBehaviorScope,
    Defaults defaults) {

  /** R-29 default single-DPC limit: 0x500 ticks (20 s at 15.625 ms). */
  public static final long DEFAULT_DPC_TIME_LIMIT = 0x500;

  /** R-29 default cumulative limit: 0x1e00 ticks (120 s at 15.625 ms). */
  public static final long DEFAULT_DPC_WATCHDOG_PERIOD = 0x1e00;

  /**
   * The bias the simulator uses for targets. The model is x64 (Number is the biased value a {@code
   * dt} of a live KDPC shows); {@code layout --arch x86} shows the x86 bias.
   *
   * @return the x64 target bias
   */
  public int targetBias() {
    return targetBiasX64;
  }

  /**
   * whether the tick may shrink MaximumDpcQueueDepth by one. Under {@code != 1} a maximum of
   * 0 may be decremented, wrapping to 0xFFFFFFFF (R-10a); under {@code > 1} it stays at 0.
   *
   * @return true if {@code maximumDepth} may be decremented
   */
  public boolean mayLowerDepth(long maximumDepth) {
    return depthFloorAboveOne ? maximumDepth > 1 : maximumDepth != 1;
  }

  /**
   * whether the threshold expiry may grow MaximumDpcQueueDepth by one toward the global. Both
   * are ULONGs (R-10a), compared unsigned; {@code !=} lets a wrapped maximum step on to 0.
   *
   * @return true if {@code maximumDepth} may be incremented
   */
  public boolean mayRaiseDepth(long maximumDepth, long globalMaximum) {
    return depthCeilingBelowMax ? maximumDepth < globalMaximum : maximumDepth != globalMaximum;
  }
}
