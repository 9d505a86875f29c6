package dpcsim.stats;

/**
 * DPC or ISR time grouped by the driver it belongs to, as WPA's "DPC/ISR Duration by Module,
 * Function" table and xperf's per-module sections group it: one entry per (type, module, function).
 * A KDPC or device without {@code module:} and {@code function:} is its own group, named after it.
 *
 * @param type {@code DPC} (routine calls, threaded ones included) or {@code ISR}
 * @param module the driver, e.g. {@code ndis.sys}
 * @param function the routine or ISR
 * @param members how many KDPCs or devices the group holds
 * @param count routine calls or ISRs started
 * @param timeNs the time attributed to them (as the per-KDPC and per-device {@code time})
 * @param durationP50 their durations (start to end, preemptions included), nearest-rank 50th
 *     percentile over all of the group's calls (ns)
 * @param durationMean the mean duration, rounded down (ns)
 */
public record ModuleStats(
    String type,
    String module,
    String function,
    int members,
    long count,
    long timeNs,
    long durationP50,
    long durationP99,
    long durationMax,
    long durationMean) {}
