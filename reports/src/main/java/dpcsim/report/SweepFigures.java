package dpcsim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures {@code dpcsim sweep --show} can print, named as the columns of {@code dpcsim run}'s
 * table ({@code lat-p99}, {@code dpc}, {@code ipi-tx}, ...): each one a row of {@code compare}'s
 * machine-wide figures.
 */
public final class SweepFigures {
  private SweepFigures() {}

  /** The names, in the order {@code --help} and errors list them, and the rows they show. */
  public static final Map<String, CompareRows.Row> BY_NAME = names();

  /** What {@code sweep} shows without {@code --show}. */
  public static final List<String> DEFAULT = List.of("lat-p99", "dpc", "ipi-tx");

  private static Map<String, CompareRows.Row> names() {
    Map<String, CompareRows.Row> m = new LinkedHashMap<>();
    m.put("lat-p50", CompareRows.byKey("latencyNs.p50"));
    m.put("lat-p99", CompareRows.byKey("latencyNs.p99"));
    m.put("lat-max", CompareRows.byKey("latencyNs.max"));
    m.put("dpc", CompareRows.byKey("dpcTimeNs"));
    m.put("isr", CompareRows.byKey("isrTimeNs"));
    m.put("idle", CompareRows.byKey("idleTimeNs"));
    m.put("inserted", CompareRows.byKey("dpcInserted"));
    m.put("coalesced", CompareRows.byKey("dpcCoalesced"));
    m.put("executed", CompareRows.byKey("dpcExecuted"));
    m.put("dpc-int", CompareRows.byKey("dpcInterrupts"));
    m.put("ipi-tx", CompareRows.byKey("ipisSent"));
    m.put("max-depth", CompareRows.byKey("maxQueueDepth"));
    m.put("watchdog", CompareRows.byKey("watchdog"));
    m.put("events", CompareRows.byKey("events"));
    m.put("hash", CompareRows.byKey("traceSha256"));
    return java.util.Collections.unmodifiableMap(m);
  }
}
