package dpcsim.report;

import dpcsim.engine.RunResult;
import dpcsim.trace.Json;

/** The {@code --json} run statistics, keys in the order trace-format.md lists them. */
public final class StatsJson {
  private StatsJson() {}

  /**
   * @return the statistics as one JSON object (no trailing newline)
   */
  public static String render(RunResult r) {
    StringBuilder out = new StringBuilder(256 + 300 * r.cpus().size());
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
    out.append(",\"cpus\":[");
    boolean first = true;
    for (CpuStats c : r.cpus()) {
      if (!first) {
        out.append(',');
      }
      first = false;
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
      out.append(",\"latencyNs\":{\"p50\":")
          .append(c.latencyP50())
          .append(",\"p99\":")
          .append(c.latencyP99())
          .append(",\"max\":")
          .append(c.latencyMax())
          .append('}');
      Json.num(out, "watchdog", c.watchdog());
      Json.str(out, "node", r.nodeOf(c.cpu())); // after the keys trace-format.md lists
      out.append('}');
    }
    out.append("]}");
    return out.toString();
  }
}
