package dpcsim.report;

import dpcsim.engine.RunResult;
import dpcsim.stats.CpuStats;
import dpcsim.stats.DeviceStats;
import dpcsim.stats.DpcStats;
import dpcsim.stats.ModuleStats;
import dpcsim.trace.Json;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The {@code --json} run statistics, keys in the order trace-format.md lists them; additions come
 * after the listed keys: per processor {@code durationNs}, {@code isrCount} and {@code node}, and
 * at the top level {@code dpcs}, {@code devices} and {@code modules} (DPC and ISR time by module
 * and function, WPA's grouping) after {@code cpus}.
 */
public final class StatsJson {
  private StatsJson() {}

  /**
   * @return the statistics as one JSON object (no trailing newline)
   */
  public static String render(RunResult r) {
    StringBuilder out = new StringBuilder(256 + 350 * r.cpus().size() + 300 * r.dpcs().size());
    out.append("{\"scenario\":");
    Json.quote(out, r.scenario().name());
    Json.str(out, "profile", r.scenario().profile());
    Json.str(out, "engine", r.engine());
    Json.num(out, "nodes", r.nodes());
    Json.num(out, "processors", r.scenario().processors());
    Json.num(out, "simulatedNs", r.simulatedNs());
    Json.num(out, "events", r.events());
    Json.str(out, "traceSha256", r.traceSha256());
    Json.num(out, "seed", r.scenario().seed());
    Json.bool(out, "stoppedByWatchdog", r.stoppedByWatchdog());
    out.append(",\"cpus\":");
    array(out, r.cpus(), (o, c) -> cpu(o, c, r.nodeOf(c.cpu())));
    out.append(",\"dpcs\":");
    array(out, r.dpcs(), StatsJson::dpc);
    out.append(",\"devices\":");
    array(out, r.devices(), StatsJson::device);
    out.append(",\"modules\":");
    array(out, r.stats().modules(), StatsJson::module);
    out.append('}');
    return out.toString();
  }

  /** Appends {@code [item,item,...]}, each item written by {@code item}. */
  private static <T> void array(
      StringBuilder out, List<T> items, BiConsumer<StringBuilder, T> item) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      item.accept(out, items.get(i));
    }
    out.append(']');
  }

  private static void cpu(StringBuilder out, CpuStats c, String node) {
    out.append("{\"cpu\":").append(c.cpu());
    Json.num(out, "dpcInserted", c.dpcInserted());
    Json.num(out, "dpcExecuted", c.dpcExecuted());
    Json.num(out, "dpcInterrupts", c.dpcInterrupts());
    Json.num(out, "ipisSent", c.ipisSent());
    Json.num(out, "ipisReceived", c.ipisReceived());
    Json.num(out, "maxQueueDepth", c.maxQueueDepth());
    Json.num(out, "dpcTimeNs", c.dpcTimeNs());
    Json.num(out, "isrTimeNs", c.isrTimeNs());
    Json.num(out, "idleTimeNs", c.idleTimeNs());
    boolean ran = c.dpcExecuted() > 0;
    percentiles(
        out, "latencyNs", ran, c.latencyP50(), c.latencyP99(), c.latencyMax(), c.latencyMean());
    Json.num(out, "watchdog", c.watchdog());
    // After the keys trace-format.md lists:
    percentiles(
        out,
        "durationNs",
        ran,
        c.durationP50(),
        c.durationP99(),
        c.durationMax(),
        c.durationMean());
    Json.num(out, "isrCount", c.isrCount());
    Json.str(out, "node", node);
    Json.num(out, "coalesced", c.coalesced());
    out.append('}');
  }

  private static void dpc(StringBuilder out, DpcStats d) {
    out.append("{\"dpc\":");
    Json.quote(out, d.dpc());
    Json.num(out, "dpcInserted", d.dpcInserted());
    Json.num(out, "dpcExecuted", d.dpcExecuted());
    Json.num(out, "dpcInterrupts", d.dpcInterrupts());
    Json.num(out, "ipisSent", d.ipisSent());
    Json.num(out, "maxQueueDepth", d.maxQueueDepth());
    Json.num(out, "dpcTimeNs", d.dpcTimeNs());
    boolean ran = d.dpcExecuted() > 0;
    percentiles(
        out, "latencyNs", ran, d.latencyP50(), d.latencyP99(), d.latencyMax(), d.latencyMean());
    percentiles(
        out,
        "durationNs",
        ran,
        d.durationP50(),
        d.durationP99(),
        d.durationMax(),
        d.durationMean());
    Json.num(out, "watchdog", d.watchdog());
    Json.num(out, "coalesced", d.coalesced());
    out.append('}');
  }

  private static void device(StringBuilder out, DeviceStats v) {
    out.append("{\"device\":");
    Json.quote(out, v.device());
    Json.num(out, "isrCount", v.isrCount());
    Json.num(out, "isrTimeNs", v.isrTimeNs());
    percentiles(
        out,
        "durationNs",
        v.isrCount() > 0,
        v.durationP50(),
        v.durationP99(),
        v.durationMax(),
        v.durationMean());
    out.append('}');
  }

  private static void module(StringBuilder out, ModuleStats m) {
    out.append("{\"type\":");
    Json.quote(out, m.type());
    Json.str(out, "module", m.module());
    Json.str(out, "function", m.function());
    Json.num(out, "members", m.members());
    Json.num(out, "count", m.count());
    Json.num(out, "timeNs", m.timeNs());
    percentiles(
        out,
        "durationNs",
        m.count() > 0,
        m.durationP50(),
        m.durationP99(),
        m.durationMax(),
        m.durationMean());
    out.append('}');
  }

  /**
   * Appends {@code ,"key":{"p50":..,"p99":..,"max":..,"mean":..}}, or {@code ,"key":null} when
   * nothing was measured ({@code ran} false: no routine ran, no ISR ran), as the table prints "-".
   */
  private static void percentiles(
      StringBuilder out, String key, boolean ran, long p50, long p99, long max, long mean) {
    if (!ran) {
      out.append(",\"").append(key).append("\":null");
      return;
    }
    out.append(",\"").append(key).append("\":{\"p50\":").append(p50);
    out.append(",\"p99\":").append(p99).append(",\"max\":").append(max);
    out.append(",\"mean\":").append(mean).append('}');
  }
}
