package dpcsim.kernel;

import dpcsim.scenario.Tunable;

/**
 * The R-10 globals (KiMaximumDpcQueueDepth, KiMinimumDpcRate, KiAdjustDpcThreshold,
 * KiIdealDpcRate). Changing one changes only the global: processors copied the first three at start
 * and never re-read them, except through the tick's drift.
 */
public final class GlobalTunables {
  private int maximumDpcQueueDepth;
  private int minimumDpcRate;
  private int adjustDpcThreshold;
  private int idealDpcRate;

  /** Starts from the given values. */
  public GlobalTunables(
      int maximumDpcQueueDepth, int minimumDpcRate, int adjustDpcThreshold, int idealDpcRate) {
    this.maximumDpcQueueDepth = maximumDpcQueueDepth;
    this.minimumDpcRate = minimumDpcRate;
    this.adjustDpcThreshold = adjustDpcThreshold;
    this.idealDpcRate = idealDpcRate;
  }

  /**
   * @return a copy, for a processor that keeps its own replica
   */
  public GlobalTunables copy() {
    return new GlobalTunables(
        maximumDpcQueueDepth, minimumDpcRate, adjustDpcThreshold, idealDpcRate);
  }

  /** setTunable: changes the global only. */
  public void set(Tunable tunable, long value) {
    int v = (int) Math.min(Integer.MAX_VALUE, value);
    switch (tunable) {
      case MAXIMUM_DPC_QUEUE_DEPTH -> maximumDpcQueueDepth = v;
      case MINIMUM_DPC_RATE -> minimumDpcRate = v;
      case ADJUST_DPC_THRESHOLD -> adjustDpcThreshold = v;
      case IDEAL_DPC_RATE -> idealDpcRate = v;
    }
  }

  /**
   * @return the current value of {@code tunable}
   */
  public int get(Tunable tunable) {
    return switch (tunable) {
      case MAXIMUM_DPC_QUEUE_DEPTH -> maximumDpcQueueDepth;
      case MINIMUM_DPC_RATE -> minimumDpcRate;
      case ADJUST_DPC_THRESHOLD -> adjustDpcThreshold;
      case IDEAL_DPC_RATE -> idealDpcRate;
    };
  }

  public int maximumDpcQueueDepth() {
    return maximumDpcQueueDepth;
  }

  public int minimumDpcRate() {
    return minimumDpcRate;
  }

  public int adjustDpcThreshold() {
    return adjustDpcThreshold;
  }

  public int idealDpcRate() {
    return idealDpcRate;
  }
}
