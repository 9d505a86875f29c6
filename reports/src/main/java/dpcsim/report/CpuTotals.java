package dpcsim.report;

import dpcsim.stats.CpuStats;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The processors' counters and times summed, with the largest queue depth, latency and duration:
 * the {@code all} row of {@code dpcsim run} and the machine-wide figures of {@code dpcsim compare}.
 * Percentiles do not combine across processors, so only the maxima are kept.
 */
record CpuTotals(
    long dpcInserted,
    long coalesced,
    long dpcExecuted,
    long dpcInterrupts,
    long ipisSent,
    long ipisReceived,
    int maxQueueDepth,
    long dpcTimeNs,
    long isrTimeNs,
    long idleTimeNs,
    long latencyMax,
    long durationMax,
    long watchdog) {

  static CpuTotals of(List<CpuStats> cpus) {
    return new CpuTotals(
        sum(cpus, CpuStats::dpcInserted),
        sum(cpus, CpuStats::coalesced),
        sum(cpus, CpuStats::dpcExecuted),
        sum(cpus, CpuStats::dpcInterrupts),
        sum(cpus, CpuStats::ipisSent),
        sum(cpus, CpuStats::ipisReceived),
        (int) max(cpus, CpuStats::maxQueueDepth),
        sum(cpus, CpuStats::dpcTimeNs),
        sum(cpus, CpuStats::isrTimeNs),
        sum(cpus, CpuStats::idleTimeNs),
        max(cpus, CpuStats::latencyMax),
        max(cpus, CpuStats::durationMax),
        sum(cpus, CpuStats::watchdog));
  }

  private static long sum(List<CpuStats> cpus, ToLongFunction<CpuStats> figure) {
    return cpus.stream().mapToLong(figure).sum();
  }

  /** The largest, or 0 for no processors. */
  private static long max(List<CpuStats> cpus, ToLongFunction<CpuStats> figure) {
    return cpus.stream().mapToLong(figure).max().orElse(0);
  }
}
