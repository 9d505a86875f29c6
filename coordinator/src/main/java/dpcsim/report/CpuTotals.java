package dpcsim.report;

import java.util.List;

/**
 * The processors' counters and times summed, with the largest queue depth, latency and duration:
 * the {@code all} row of {@code dpcsim run} and the machine-wide figures of {@code dpcsim compare}.
 * Percentiles do not combine across processors, so only the maxima are kept.
 */
record CpuTotals(
    long dpcInserted,
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
    long inserted = 0;
    long executed = 0;
    long interrupts = 0;
    long ipisSent = 0;
    long ipisReceived = 0;
    int depth = 0;
    long dpc = 0;
    long isr = 0;
    long idle = 0;
    long latMax = 0;
    long durMax = 0;
    long watchdog = 0;
    for (CpuStats c : cpus) {
      inserted += c.dpcInserted();
      executed += c.dpcExecuted();
      interrupts += c.dpcInterrupts();
      ipisSent += c.ipisSent();
      ipisReceived += c.ipisReceived();
      depth = Math.max(depth, c.maxQueueDepth());
      dpc += c.dpcTimeNs();
      isr += c.isrTimeNs();
      idle += c.idleTimeNs();
      latMax = Math.max(latMax, c.latencyMax());
      durMax = Math.max(durMax, c.durationMax());
      watchdog += c.watchdog();
    }
    return new CpuTotals(
        inserted,
        executed,
        interrupts,
        ipisSent,
        ipisReceived,
        depth,
        dpc,
        isr,
        idle,
        latMax,
        durMax,
        watchdog);
  }
}
