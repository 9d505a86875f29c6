package dpcsim.stats;

/**
 * The statistics of one processor (trace-format.md's {@code cpus} entries), all derived from the
 * ordered trace so that every engine reports the same numbers.
 *
 * @param latencyP50 DPC insert-to-start latency, nearest-rank 50th percentile (ns)
 * @param durationP50 routine duration (DpcStart to DpcEnd on this processor, wall span including
 *     any ISR, or normal DPC, that preempted the routine), nearest-rank 50th percentile (ns); a
 *     routine still running at the end counts with its time so far
 * @param isrCount ISRs started on this processor
 * @param coalesced insertions traced on this processor that returned FALSE: the KDPC was already
 *     queued, so the request merged into the pending call
 * @param latencyMean the mean latency, rounded down (ns; 0 when no routine started)
 * @param durationMean the mean routine duration, rounded down (ns)
 */
public record CpuStats(
    int cpu,
    long dpcInserted,
    long dpcExecuted,
    long dpcInterrupts,
    long ipisSent,
    long ipisReceived,
    int maxQueueDepth,
    long dpcTimeNs,
    long isrTimeNs,
    long idleTimeNs,
    long latencyP50,
    long latencyP99,
    long latencyMax,
    long watchdog,
    long durationP50,
    long durationP99,
    long durationMax,
    long isrCount,
    long coalesced,
    long latencyMean,
    long durationMean) {}
