package dpcsim.report;

import dpcsim.engine.RunResult;
import dpcsim.stats.Percentiles;

/**
 * The machine-wide figures of one run, as {@code dpcsim compare} shows them per profile: the
 * processors' counters summed (their largest queue depth), time shares over all processors'
 * simulated time, and latency percentiles over every DPC of the machine.
 *
 * @param simulatedNs the simulated time reached (shorter if the watchdog stopped the run)
 * @param dpcTimeNs DPC routine time summed over the processors; shares divide by {@code simulatedNs
 *     x processors}, as the {@code all} row of {@code dpcsim run} does
 * @param traceSha256 the full hash (the table shows a prefix)
 */
public record ProfileFigures(
    String profile,
    int processors,
    long simulatedNs,
    boolean stoppedByWatchdog,
    long dpcInserted,
    long dpcCoalesced,
    long dpcExecuted,
    long dpcInterrupts,
    long ipisSent,
    int maxQueueDepth,
    long dpcTimeNs,
    long isrTimeNs,
    long idleTimeNs,
    long latencyP50,
    long latencyP99,
    long latencyMax,
    long latencyMean,
    long watchdog,
    long events,
    String traceSha256) {

  /**
   * @return the figures of {@code r}, a run under {@code r.scenario().profile()}
   */
  public static ProfileFigures of(RunResult r) {
    CpuTotals t = CpuTotals.of(r.cpus());
    Percentiles latency = r.stats().machineLatency();
    return new ProfileFigures(
        r.scenario().profile(),
        r.cpus().size(),
        r.simulatedNs(),
        r.stoppedByWatchdog(),
        t.dpcInserted(),
        t.coalesced(),
        t.dpcExecuted(),
        t.dpcInterrupts(),
        t.ipisSent(),
        t.maxQueueDepth(),
        t.dpcTimeNs(),
        t.isrTimeNs(),
        t.idleTimeNs(),
        latency.p50(),
        latency.p99(),
        latency.max(),
        latency.mean(),
        t.watchdog(),
        r.events(),
        r.traceSha256());
  }

  /**
   * @return all processors' simulated time: the whole the time shares divide by
   */
  public long cpuTimeNs() {
    return simulatedNs * processors;
  }
}
