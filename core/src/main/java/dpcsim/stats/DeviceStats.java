package dpcsim.stats;

/**
 * The statistics of one device's ISR over all processors (the {@code --json} {@code devices}
 * entries, the per-device table), derived from the trace's {@code IsrStart}/{@code IsrEnd}.
 *
 * @param device the device's name in the scenario
 * @param isrCount ISRs started
 * @param isrTimeNs time inside its ISR (an ISR preempted by another one does not count meanwhile)
 * @param durationP50 ISR duration (IsrStart to IsrEnd), nearest-rank 50th percentile (ns)
 * @param durationMean the mean ISR duration, rounded down (ns)
 */
public record DeviceStats(
    String device,
    long isrCount,
    long isrTimeNs,
    long durationP50,
    long durationP99,
    long durationMax,
    long durationMean) {}
