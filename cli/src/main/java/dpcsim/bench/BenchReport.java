package dpcsim.bench;

import dpcsim.report.TextTable;
import dpcsim.scenario.ScenarioText;
import dpcsim.trace.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@code dpcsim bench} as one JSON object or a text table. Each engine's ratio to the
 * sequential engine compares median trace events per second; without the sequential engine there is
 * no ratio (null).
 *
 * @param workload the workload's name ({@code storm-8}), or the scenario's name
 * @param simulatedNs the simulated time one run reached
 * @param traceSha256 the trace hash every engine produced, or null with {@code --no-hash}
 * @param events trace events of one run
 * @param dpcExecuted DPC routine executions of one run
 */
public record BenchReport(
    String workload,
    int processors,
    long seed,
    long simulatedNs,
    int runs,
    int warmup,
    String traceSha256,
    long events,
    long dpcExecuted,
    List<EngineFigures> engines) {

  public BenchReport {
    engines = List.copyOf(engines);
  }

  /**
   * @return the median events per second of the sequential engine, or NaN if it was not measured
   */
  private double sequentialMedian() {
    for (EngineFigures f : engines) {
      if (f.engine().equals("sequential")) {
        return EngineFigures.median(f.eventsPerSecond());
      }
    }
    return Double.NaN;
  }

  /**
   * @return {@code f}'s median events per second over the sequential engine's, or NaN
   */
  public double ratioToSequential(EngineFigures f) {
    return EngineFigures.median(f.eventsPerSecond()) / sequentialMedian();
  }

  /**
   * @return the report as one line of JSON, keys in a fixed order
   */
  public String json() {
    StringBuilder sb = new StringBuilder("{\"workload\":");
    Json.quote(sb, workload);
    Json.num(sb, "processors", processors);
    Json.num(sb, "seed", seed);
    Json.num(sb, "simulatedNs", simulatedNs);
    Json.num(sb, "runs", runs);
    Json.num(sb, "warmup", warmup);
    sb.append(",\"traceSha256\":");
    if (traceSha256 == null) {
      sb.append("null");
    } else {
      Json.quote(sb, traceSha256);
    }
    sb.append(",\"engines\":[");
    for (int i = 0; i < engines.size(); i++) {
      EngineFigures f = engines.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"engine\":");
      Json.quote(sb, f.engine());
      stats(sb, "eventsPerSecond", f.eventsPerSecond(), "%.0f");
      stats(sb, "dpcPerSecond", f.dpcPerSecond(), "%.0f");
      stats(sb, "wallSeconds", f.wallSeconds(), "%.4f");
      Json.num(sb, "peakHeapBytes", f.peakHeapBytes());
      decimal(sb, "allocatedBytesPerDpc", f.allocatedBytesPerDpc(), "%.1f");
      decimal(sb, "traceAllocatedBytesPerDpc", f.traceAllocatedBytesPerDpc(), "%.1f");
      decimal(sb, "messagesPerEvent", f.messagesPerEvent(), "%.4f");
      decimal(sb, "eventsPerWindow", f.eventsPerWindow(), "%.1f");
      decimal(sb, "ratioToSequential", ratioToSequential(f), "%.3f");
      Json.num(sb, "windows", f.counters().synchronisations());
      Json.num(sb, "sharedSteps", f.counters().sharedSteps());
      Json.num(sb, "crossCpuMessages", f.counters().crossCpuMessages());
      Json.num(sb, "actorMessages", f.counters().actorMessages());
      sb.append('}');
    }
    sb.append(']');
    Json.num(sb, "events", events);
    Json.num(sb, "dpcExecuted", dpcExecuted);
    return sb.append('}').toString();
  }

  /**
   * @return the report as text: a heading and one aligned row per engine
   */
  public List<String> text() {
    List<String> out = new ArrayList<>();
    out.add(ScenarioText.escape(workload));
    out.add(
        String.format(
            Locale.ROOT,
            "%d processors, seed %d, %.3f ms simulated, %d runs after %d warm-up: %d trace events,"
                + " %d DPC executions each",
            processors,
            seed,
            simulatedNs / 1e6,
            runs,
            warmup,
            events,
            dpcExecuted));
    out.add(
        traceSha256 == null
            ? "hash off: traces not compared"
            : "traceSha256 " + traceSha256 + " (all engines)");
    TextTable table =
        new TextTable(
            true,
            "engine",
            "events/s",
            "min",
            "max",
            "DPCs/s",
            "wall s",
            "peak heap MB",
            "alloc B/DPC",
            "trace B/DPC",
            "msgs/event",
            "events/window",
            "x sequential");
    for (EngineFigures f : engines) {
      double[] e = EngineFigures.sorted(f.eventsPerSecond());
      table.add(
          f.engine(),
          fmt("%,.0f", EngineFigures.median(e)),
          fmt("%,.0f", e[0]),
          fmt("%,.0f", e[e.length - 1]),
          fmt("%,.0f", EngineFigures.median(f.dpcPerSecond())),
          fmt("%.3f", EngineFigures.median(f.wallSeconds())),
          fmt("%.1f", f.peakHeapBytes() / 1e6),
          orDash("%,.1f", f.allocatedBytesPerDpc()),
          orDash("%,.1f", f.traceAllocatedBytesPerDpc()),
          fmt("%.4f", f.messagesPerEvent()),
          orDash("%.1f", f.eventsPerWindow()),
          orDash("%.2f", ratioToSequential(f)));
    }
    table.render(out);
    return out;
  }

  private static String fmt(String format, double v) {
    return String.format(Locale.ROOT, format, v);
  }

  /** A number, or "-" when it does not exist (NaN). */
  private static String orDash(String format, double v) {
    return Double.isNaN(v) ? "-" : fmt(format, v);
  }

  private static void stats(StringBuilder sb, String key, double[] v, String format) {
    double[] s = EngineFigures.sorted(v);
    sb.append(",\"").append(key).append("\":{\"median\":").append(fmt(format, median(s)));
    sb.append(",\"min\":").append(fmt(format, s[0]));
    sb.append(",\"max\":").append(fmt(format, s[s.length - 1])).append('}');
  }

  private static double median(double[] sorted) {
    return EngineFigures.median(sorted);
  }

  /** A number, or null when it does not exist (NaN). */
  private static void decimal(StringBuilder sb, String key, double v, String format) {
    sb.append(",\"").append(key).append("\":").append(Double.isNaN(v) ? "null" : fmt(format, v));
  }
}
