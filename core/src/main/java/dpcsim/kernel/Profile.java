package dpcsim.kernel;

import dpcsim.kernel.layout.KdpcFamily;

/**
 * Every version-dependent reading of the DPC rules, as one value built from named parts: each
 * component is a distinct type whose constants say what they mean, so a row of {@link Profiles}
 * reads like a line of the profile table in {@code docs/kernel-rules.md}. The kernel asks the
 * profile and never checks which version it runs: adding a profile means adding one value to {@link
 * Profiles}. The rule classes interpret the readings ({@link DpcInterrupt}, {@link Retirement},
 * {@link ClockTick}, ...).
 *
 * @param name the name scenarios use ({@code ws03}, {@code win10}, ...)
 * @param source where the readings come from
 * @param identity what the kernel's KDPCs look like: layout family, Type codes, target bias (R-3,
 *
 * @param mediumHigh how MediumHighImportance is treated
 * @param remoteRule the remote half of the interrupt decision
 * @param requestClear what clears DpcInterruptRequested
 * @param tick the clock tick's readings (R-24..R-28)
 * @param dpcThreads whether the kernel has DPC threads and their default
 * @param dpcWatchdog whether the kernel has the DPC watchdog
 * @param dpcBehaviorScope what {@code setTunable} does to the processors' copies
 * @param defaults the R-10 globals
 */
public record Profile(
    String name,
    String source,
    Identity identity,
    MediumHigh mediumHigh,
    RemoteRule remoteRule,
    RequestClear requestClear,
    Tick tick,
    DpcThreads dpcThreads,
    Watchdog dpcWatchdog,
    DpcBehaviorScope dpcBehaviorScope,
    Defaults defaults) {

  /** R-29 default single-DPC limit: 0x500 ticks (20 s at 15.625 ms). */
  public static final long DEFAULT_DPC_TIME_LIMIT = 0x500;

  /** R-29 default cumulative limit: 0x1e00 ticks (120 s at 15.625 ms). */
  public static final long DEFAULT_DPC_WATCHDOG_PERIOD = 0x1e00;

  /**
   * What a KDPC of the modelled kernel looks like.
   *
   * @param layout the KDPC layout family, for {@code dt _KDPC}
   * @param types the KOBJECTS Type codes
   * @param bias what KeSetTargetProcessorDpc adds to the processor number
   */
  public record Identity(KdpcFamily layout, TypeCodes types, TargetBias bias) {}

  /**
   * KOBJECTS DpcObject and ThreadedDpcObject.
   *
   * @param dpcObject the Type of a KDPC set up by KeInitializeDpc
   * @param threadedDpcObject the Type of one set up by KeInitializeThreadedDpc
   */
  public record TypeCodes(int dpcObject, int threadedDpcObject) {
    /** The NT 5.2 and 6.x headers: 0x13 and 0x18. */
    public static final TypeCodes NT5_NT6 = new TypeCodes(0x13, 0x18);

    /** The modern x64 kernels examined: 0x13 and 0x1A. */
    public static final TypeCodes MODERN_X64 = new TypeCodes(0x13, 0x1A);
  }

  /**
   * MAXIMUM_PROCESSORS of the build, which KeSetTargetProcessorDpc adds to the processor number
   * (R-6).
   *
   * @param x86 the bias on x86
   * @param x64 the bias on x64
   */
  public record TargetBias(int x86, int x64) {
    /** NT 5.2: 32 on x86, 64 on x64. */
    public static final TargetBias NT52 = new TargetBias(32, 64);

    /** The modern x64 kernel modelled by {@code win10}: 0x20 on x86, 0x500 on x64. */
    public static final TargetBias MODERN = new TargetBias(0x20, 0x500);
  }

  /** What clears DpcInterruptRequested after an insertion set it. */
  public enum RequestClear {
    /**
     * Taking the DISPATCH interrupt clears it first (KiDispatchInterrupt), and so does the end of
     * the retire pass.
     */
    DISPATCH_INTERRUPT_AND_PASS_END,
    /** Only the end of the retire pass clears it (ReactOS KiRetireDpcList). */
    PASS_END_ONLY
  }

  /**
   * The clock tick's readings (R-24..R-28), applied by {@link ClockTick}.
   *
   * @param rate the DpcRequestRate update
   * @param requestTest whether R-25 requires DpcInterruptRequested clear
   * @param floor while what maximum R-25 may take one from MaximumDpcQueueDepth
   * @param ceiling while what maximum R-26 may add one to it
   */
  public record Tick(
      TickRule rate, RequestTest requestTest, DepthFloor floor, DepthCeiling ceiling) {}

  /** Whether R-25 looks at DpcInterruptRequested. */
  public enum RequestTest {
    /** Work left waiting requests an interrupt only if none is requested yet (WRK). */
    REQUIRES_NONE_REQUESTED,
    /** It requests one whatever DpcInterruptRequested says (ReactOS). */
    IGNORES_REQUESTED
  }

  /** While what MaximumDpcQueueDepth R-25 may lower it by one. */
  public enum DepthFloor {
    /** {@code != 1} (WRK): a maximum of 0 is decremented too, wrapping to 0xFFFFFFFF (R-10a). */
    NOT_ONE,
    /** {@code > 1} (Windows 10, ReactOS): it stays at 0. */
    ABOVE_ONE
  }

  /** While what MaximumDpcQueueDepth R-26 may raise it by one towards the global maximum. */
  public enum DepthCeiling {
    /** {@code !=} the global (WRK, ReactOS): a maximum above the global climbs on, and wraps. */
    NOT_GLOBAL,
    /** {@code <} the global (Windows 10). */
    BELOW_GLOBAL
  }

  /** The kernel's DPC threads and ThreadDpcEnable when the scenario does not say. */
  public enum DpcThreads {
    /** No DPC threads: threaded KDPCs run as normal ones (ReactOS). */
    NONE,
    /** DPC threads, ThreadDpcEnable clear by default. */
    OFF_BY_DEFAULT,
    /** DPC threads, ThreadDpcEnable set by default. */
    ON_BY_DEFAULT
  }

  /** Whether the kernel has the DPC watchdog. */
  public enum Watchdog {
    /** No watchdog. */
    NONE,
    /** The single-DPC and cumulative limits of bug check 0x133 DPC_WATCHDOG_VIOLATION. */
    BUG_CHECK_0X133
  }

  /**
   * @return the KDPC layout family of the modelled kernel
   */
  public KdpcFamily kdpcLayout() {
    return identity.layout();
  }

  /**
   * @return KOBJECTS DpcObject
   */
  public int dpcObjectType() {
    return identity.types().dpcObject();
  }

  /**
   * @return KOBJECTS ThreadedDpcObject
   */
  public int threadedDpcObjectType() {
    return identity.types().threadedDpcObject();
  }

  /**
   * @return the target bias on x86
   */
  public int targetBiasX86() {
    return identity.bias().x86();
  }

  /**
   * @return the target bias on x64
   */
  public int targetBiasX64() {
    return identity.bias().x64();
  }

  /**
   * The bias the simulator uses for targets. The model is x64 (Number is the biased value a {@code
   * dt} of a live KDPC shows); {@code layout --arch x86} shows the x86 bias.
   *
   * @return the x64 target bias
   */
  public int targetBias() {
    return targetBiasX64();
  }

  /**
   * @return true if the kernel has DPC threads; false: threaded DPCs run as normal ones
   */
  public boolean threadedSupported() {
    return dpcThreads != DpcThreads.NONE;
  }

  /**
   * @return ThreadDpcEnable when the scenario does not say
   */
  public boolean threadedDefault() {
    return dpcThreads == DpcThreads.ON_BY_DEFAULT;
  }

  /**
   * @return true if the kernel has the DPC watchdog
   */
  public boolean watchdog() {
    return dpcWatchdog == Watchdog.BUG_CHECK_0X133;
  }
}
