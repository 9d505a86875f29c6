package dpcsim.kernel;

/**
 * The DPC-related part of one processor's KPRCB. Plain fields, named as in the kernel,
 * so rule code reads like the kernel source it models.
 */
public final class Kprcb {
  final int number;

  /** DpcData[0] normal, DpcData[1] threaded. */
  final DpcQueue normal;

  final DpcQueue threaded;

  /** ULONG fields (R-10a): held as 0..0xFFFFFFFF, stepped with {@link Ulong}'s wrap. */
  long maximumDpcQueueDepth;

  long minimumDpcRate;
  long dpcRequestRate;
  long dpcLastCount;
  long adjustDpcThreshold;

  boolean dpcRoutineActive;
  boolean dpcInterruptRequested;
  boolean dpcThreadActive;
  boolean dpcThreadRequested;
  boolean threadDpcEnable;
  boolean quantumEnd;

  /** Clock ticks that landed in a DPC, in an ISR, elsewhere. */
  long dpcTime;

  long interruptTime;
  long threadTime;

  /** R-29 single-DPC and cumulative counters and limits (ticks). */
  long dpcTimeCount;

  long dpcTimeLimit;
  long dpcWatchdogCount;
  long dpcWatchdogPeriod;

  /** Tick index of the last rate update, for R-28's ticksElapsed. */
  long lastRateTick;

  /** each processor copies the first three globals at start; the rate starts at 0. */
  Kprcb(int number, GlobalTunables globals, boolean threadDpcEnable) {
    this.number = number;
    this.normal = new DpcQueue(number, DpcQueue.Kind.NORMAL);
    this.threaded = new DpcQueue(number, DpcQueue.Kind.THREADED);
    this.maximumDpcQueueDepth = globals.maximumDpcQueueDepth();
    this.minimumDpcRate = globals.minimumDpcRate();
    this.adjustDpcThreshold = globals.adjustDpcThreshold();
    this.dpcRequestRate = 0;
    this.threadDpcEnable = threadDpcEnable;
  }

  public int number() {
    return number;
  }

  public DpcQueue normal() {
    return normal;
  }

  public DpcQueue threaded() {
    return threaded;
  }

  public long maximumDpcQueueDepth() {
    return maximumDpcQueueDepth;
  }

  public long minimumDpcRate() {
    return minimumDpcRate;
  }

  public long dpcRequestRate() {
    return dpcRequestRate;
  }

  public long dpcLastCount() {
    return dpcLastCount;
  }

  public long adjustDpcThreshold() {
    return adjustDpcThreshold;
  }

  public boolean dpcRoutineActive() {
    return dpcRoutineActive;
  }

  public boolean dpcInterruptRequested() {
    return dpcInterruptRequested;
  }

  public boolean dpcThreadActive() {
    return dpcThreadActive;
  }

  public boolean dpcThreadRequested() {
    return dpcThreadRequested;
  }

  public boolean threadDpcEnable() {
    return threadDpcEnable;
  }

  public boolean quantumEnd() {
    return quantumEnd;
  }

  public long dpcTime() {
    return dpcTime;
  }

  public long interruptTime() {
    return interruptTime;
  }

  public long threadTime() {
    return threadTime;
  }

  public long dpcTimeCount() {
    return dpcTimeCount;
  }

  public long dpcTimeLimit() {
    return dpcTimeLimit;
  }

  public long dpcWatchdogCount() {
    return dpcWatchdogCount;
  }

  public long dpcWatchdogPeriod() {
    return dpcWatchdogPeriod;
  }
}
