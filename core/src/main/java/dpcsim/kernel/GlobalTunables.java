package dpcsim.kernel;

import dpcsim.scenario.Tunable;

/**
 * The R-10 globals (KiMaximumDpcQueueDepth, KiMinimumDpcRate, KiAdjustDpcThreshold,
 * KiIdealDpcRate), each an unsigned 32-bit count (R-10a: 0 is legal and has a defined effect). What
 * a change does to the processors' copies is the profile's {@link DpcBehaviorScope}.
 */
public final class GlobalTunables {
  private long maximumDpcQueueDepth;
  private long minimumDpcRate;
  private long adjustDpcThreshold;
  private long idealDpcRate;

  /**
   * Starts from the given values.
   *
   * @throws IllegalArgumentException if a value is outside 0..0xFFFFFFFF
   */
  public GlobalTunables(
      long maximumDpcQueueDepth, long minimumDpcRate, long adjustDpcThreshold, long idealDpcRate) {
    this.maximumDpcQueueDepth = checked(maximumDpcQueueDepth);
    this.minimumDpcRate = checked(minimumDpcRate);
    this.adjustDpcThreshold = checked(adjustDpcThreshold);
    this.idealDpcRate = checked(idealDpcRate);
  }

  /**
   * @return a copy, for a processor that keeps its own replica
   */
  public GlobalTunables copy() {
    return new GlobalTunables(
        maximumDpcQueueDepth, minimumDpcRate, adjustDpcThreshold, idealDpcRate);
  }

  /**
   * setTunable: changes the global. The scenario loader has already refused values outside
   * the ULONG range (R-10a).
   *
   * @throws IllegalArgumentException if {@code value} is outside 0..0xFFFFFFFF
   */
  public void set(Tunable tunable, long value) {
    long v = checked(value);
    switch (tunable) {
      case MAXIMUM_DPC_QUEUE_DEPTH -> maximumDpcQueueDepth = v;
      case MINIMUM_DPC_RATE -> minimumDpcRate = v;
      case ADJUST_DPC_THRESHOLD -> adjustDpcThreshold = v;
      case IDEAL_DPC_RATE -> idealDpcRate = v;
    }
  }

  /**
   * @return the current value of {@code tunable}, 0..0xFFFFFFFF
   */
  public long get(Tunable tunable) {
    return switch (tunable) {
      case MAXIMUM_DPC_QUEUE_DEPTH -> maximumDpcQueueDepth;
      case MINIMUM_DPC_RATE -> minimumDpcRate;
      case ADJUST_DPC_THRESHOLD -> adjustDpcThreshold;
      case IDEAL_DPC_RATE -> idealDpcRate;
    };
  }

  public long maximumDpcQueueDepth() {
    return maximumDpcQueueDepth;
  }

  public long minimumDpcRate() {
    return minimumDpcRate;
  }

  public long adjustDpcThreshold() {
    return adjustDpcThreshold;
  }

  public long idealDpcRate() {
    return idealDpcRate;
  }

  private static long checked(long value) {
    if (value < 0 || value > Ulong.MAX) {
      throw new IllegalArgumentException(
          "a DPC tunable is an unsigned 32-bit count (0..4294967295), got " + value);
    }
    return value;
  }
}
