package dpcsim.report;

/**
 * The statistics of one processor (trace-format.md's {@code cpus} entries), all derived from the
 * ordered trace so that every engine reports the same numbers.
 *
 * @param latencyP50 DPC insert-to-start latency, nearest-rank 50th percentile (ns)
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
    long watchdog) {}
