package dpcsim.stats;

/**
 * The statistics of one KDPC over all processors (the {@code --json} {@code dpcs} entries, the
 * per-DPC table), derived from the ordered trace.
 *
 * @param dpc the KDPC's name in the scenario
 * @param dpcInserted insertions that queued it ({@code ok:true})
 * @param dpcExecuted routine calls
 * @param dpcInterrupts DPC interrupts its insertions requested ({@code via: local} or {@code ipi},
 *     R-14); tick and flush requests belong to no DPC
 * @param ipisSent IPIs its insertions sent (one per {@code via: ipi} request)
 * @param maxQueueDepth the largest queue depth right after one of its insertions
 * @param dpcTimeNs time inside its routine while no ISR, and no routine that preempted it, ran
 * @param latencyP50 insert-to-start latency, nearest-rank 50th percentile (ns)
 * @param durationP50 routine duration (DpcStart to DpcEnd, wall span including preemptions),
 *     nearest-rank 50th percentile (ns)
 * @param watchdog DPC watchdog violations raised while it was the innermost running routine
 * @param coalesced insertions that returned FALSE because it was already queued: they merged
 *     into the pending call, which runs once
 * @param latencyMean the mean insert-to-start latency, rounded down (ns)
 * @param durationMean the mean routine duration, rounded down (ns)
 */
public record DpcStats(
    String dpc,
    long dpcInserted,
    long dpcExecuted,
    long dpcInterrupts,
    long ipisSent,
    int maxQueueDepth,
    long dpcTimeNs,
    long latencyP50,
    long latencyP99,
    long latencyMax,
    long durationP50,
    long durationP99,
    long durationMax,
    long watchdog,
    long coalesced,
    long latencyMean,
    long durationMean) {}
