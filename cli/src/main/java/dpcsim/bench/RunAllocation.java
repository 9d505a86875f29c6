package dpcsim.bench;

import dpcsim.measure.AllocationTally;
import dpcsim.measure.LiveThreadsAllocation;
import dpcsim.measure.ThreadAllocation;
import dpcsim.trace.TracePipe;
import java.util.Set;

/**
 * What one run measured by {@code dpcsim bench} allocated, in two shares: the engine's and the
 * trace consumer's (the {@link TracePipe} thread that formats, hashes and counts the trace). The
 * engine's share is the calling thread's allocation for an engine that runs there (sequential), or
 * else the sum over every live thread of this JVM but the trace consumers of its allocation since
 * {@link #start} ({@link LiveThreadsAllocation}: threads that start during the run count from zero,
 * threads that end during it are lost). The consumer's share is what the pipes whose thread ended
 * during the run tallied ({@link TracePipe#consumerAllocation}), so one run at a time. Reads happen
 * at {@link #start} and {@link #stop} only, outside the timed part of a run.
 */
public final class RunAllocation {
  /**
   * One run's bytes; {@link ThreadAllocation#UNSUPPORTED} where there is no figure.
   *
   * @param engineBytes the engine's threads' allocation
   * @param traceBytes the trace consumer threads' allocation; none if no consumer thread ended
   */
  public record Bytes(long engineBytes, long traceBytes) {
    /**
     * @return the engine's bytes per DPC executed, or NaN without a figure or a DPC
     */
    public double enginePerDpc(long dpcExecuted) {
      return perDpc(engineBytes, dpcExecuted);
    }

    /**
     * @return the trace consumer's bytes per DPC executed, or NaN without a figure or a DPC
     */
    public double tracePerDpc(long dpcExecuted) {
      return perDpc(traceBytes, dpcExecuted);
    }

    private static double perDpc(long bytes, long dpcExecuted) {
      return bytes < 0 || dpcExecuted <= 0 ? Double.NaN : (double) bytes / dpcExecuted;
    }
  }

  private final long callerBefore;
  private final LiveThreadsAllocation live; // null: the calling thread is the engine's
  private final AllocationTally.Total traceBefore;

  private RunAllocation(long callerBefore, LiveThreadsAllocation live) {
    this.callerBefore = callerBefore;
    this.live = live;
    this.traceBefore = TracePipe.consumerAllocation();
  }

  /**
   * Starts measuring a run about to begin.
   *
   * @param callingThreadOnly the engine runs on the calling thread: count that thread alone (and
   *     call {@link #stop} on it)
   */
  public static RunAllocation start(boolean callingThreadOnly) {
    return callingThreadOnly
        ? new RunAllocation(ThreadAllocation.currentThread(), null)
        : new RunAllocation(
            ThreadAllocation.UNSUPPORTED,
            LiveThreadsAllocation.snapshot(Set.of(TracePipe.THREAD_NAME)));
  }

  /**
   * @return what the run that just ended allocated
   */
  public Bytes stop() {
    long engine;
    if (live != null) {
      engine = live.bytesSince();
    } else {
      long now = ThreadAllocation.currentThread();
      engine = now < 0 || callerBefore < 0 ? ThreadAllocation.UNSUPPORTED : now - callerBefore;
    }
    AllocationTally.Total trace = TracePipe.consumerAllocation().minus(traceBefore);
    return new Bytes(engine, trace.threads() > 0 ? trace.bytes() : ThreadAllocation.UNSUPPORTED);
  }
}
