package dpcsim.report;

import java.util.List;
import java.util.function.Function;

/**
 * The rows of a {@code dpcsim compare} table, shared by the text table and the HTML page: each
 * figure's label, its {@code --json} key, how the table writes it and its raw value as the JSON
 * holds it.
 */
public final class CompareRows {
  /** What the time shares and latencies mean, printed under the table. */
  public static final String LEGEND =
      "DPC time, ISR time, idle: share of all processors' time; latency: DPC insert to routine"
          + " start, all processors";

  /**
   * One row.
   *
   * @param label the row's name in the table, e.g. {@code DPC interrupts}
   * @param key the figure's {@code --json} key, a nested one written {@code latencyNs.p99}
   * @param text the cell as the table shows it, e.g. {@code 1.3%}
   * @param value the raw figure as {@code --json} writes it, e.g. {@code 13104550} (ns)
   */
  public record Row(
      String label,
      String key,
      Function<ProfileFigures, String> text,
      Function<ProfileFigures, String> value) {}

  /** Every row, in table order. */
  public static final List<Row> ALL =
      List.of(
          new Row(
              "simulated",
              "simulatedNs",
              f -> Units.duration(f.simulatedNs()),
              f -> Long.toString(f.simulatedNs())),
          count("DPCs inserted", "dpcInserted", ProfileFigures::dpcInserted),
          count("DPCs coalesced", "dpcCoalesced", ProfileFigures::dpcCoalesced),
          count("DPCs executed", "dpcExecuted", ProfileFigures::dpcExecuted),
          count("DPC interrupts", "dpcInterrupts", ProfileFigures::dpcInterrupts),
          count("IPIs sent", "ipisSent", ProfileFigures::ipisSent),
          count("max queue depth", "maxQueueDepth", f -> (long) f.maxQueueDepth()),
          share("DPC time", "dpcTimeNs", ProfileFigures::dpcTimeNs),
          share("ISR time", "isrTimeNs", ProfileFigures::isrTimeNs),
          share("idle", "idleTimeNs", ProfileFigures::idleTimeNs),
          latency("latency p50", "latencyNs.p50", ProfileFigures::latencyP50),
          latency("latency p99", "latencyNs.p99", ProfileFigures::latencyP99),
          latency("latency max", "latencyNs.max", ProfileFigures::latencyMax),
          count("watchdog violations", "watchdog", ProfileFigures::watchdog),
          new Row(
              "stopped by watchdog",
              "stoppedByWatchdog",
              f -> f.stoppedByWatchdog() ? "yes" : "no",
              f -> Boolean.toString(f.stoppedByWatchdog())),
          count("trace events", "events", ProfileFigures::events),
          new Row(
              "traceSha256",
              "traceSha256",
              f -> f.traceSha256().substring(0, CompareTable.HASH_PREFIX),
              ProfileFigures::traceSha256));

  private CompareRows() {}

  /**
   * @return the row whose {@code --json} key is {@code key}
   * @throws IllegalArgumentException if there is none
   */
  public static Row byKey(String key) {
    for (Row r : ALL) {
      if (r.key().equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no compare row " + key);
  }

  private static Row count(String label, String key, Function<ProfileFigures, Long> n) {
    return new Row(label, key, f -> Long.toString(n.apply(f)), f -> Long.toString(n.apply(f)));
  }

  /** A time shown as its share of all processors' time. */
  private static Row share(String label, String key, Function<ProfileFigures, Long> ns) {
    return new Row(
        label,
        key,
        f -> Units.percent(ns.apply(f), f.cpuTimeNs()),
        f -> Long.toString(ns.apply(f)));
  }

  /** A latency percentile, {@code -} when no DPC ran (the JSON then holds 0). */
  private static Row latency(String label, String key, Function<ProfileFigures, Long> ns) {
    return new Row(
        label,
        key,
        f -> f.dpcExecuted() == 0 ? "-" : Units.duration(ns.apply(f)),
        f -> Long.toString(ns.apply(f)));
  }
}
