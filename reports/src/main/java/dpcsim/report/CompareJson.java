package dpcsim.report;

import dpcsim.scenario.Scenario;
import dpcsim.trace.Json;
import java.util.List;

/**
 * {@code dpcsim compare --json}: {@code {"scenario","seed","processors","profiles":[...]}}, one
 * entry per profile with its machine-wide figures in a fixed key order, or {@code {"profile",
 * "fault"}} for a run that faulted. Nothing names the engine: both give the same figures.
 */
public final class CompareJson {
  private CompareJson() {}

  /**
   * @return one JSON object (no trailing newline)
   */
  public static String render(Scenario scenario, List<ProfileOutcome> outcomes) {
    StringBuilder out = new StringBuilder(256 + 400 * outcomes.size());
    out.append("{\"scenario\":");
    Json.quote(out, scenario.name());
    Json.num(out, "seed", scenario.seed());
    Json.num(out, "processors", scenario.processors());
    out.append(",\"profiles\":[");
    for (int i = 0; i < outcomes.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      ProfileOutcome o = outcomes.get(i);
      out.append('{');
      if (!o.column().equals(o.profile())) {
        // A variant's or file's column: its label, then the profile it ran under.
        out.append("\"column\":");
        Json.quote(out, o.column());
        out.append(',');
      }
      out.append("\"profile\":");
      Json.quote(out, o.profile());
      if (o instanceof ProfileOutcome.Faulted f) {
        Json.str(out, "fault", f.message());
      } else {
        figures(out, ((ProfileOutcome.Ran) o).figures());
      }
      out.append('}');
    }
    out.append("]}");
    return out.toString();
  }

  /** Appends {@code f}'s figures as {@code ,"key":value} pairs, in the fixed key order. */
  static void figures(StringBuilder out, ProfileFigures f) {
    Json.num(out, "simulatedNs", f.simulatedNs());
    Json.bool(out, "stoppedByWatchdog", f.stoppedByWatchdog());
    Json.num(out, "dpcInserted", f.dpcInserted());
    Json.num(out, "dpcCoalesced", f.dpcCoalesced());
    Json.num(out, "dpcExecuted", f.dpcExecuted());
    Json.num(out, "dpcInterrupts", f.dpcInterrupts());
    Json.num(out, "ipisSent", f.ipisSent());
    Json.num(out, "maxQueueDepth", f.maxQueueDepth());
    Json.num(out, "dpcTimeNs", f.dpcTimeNs());
    Json.num(out, "isrTimeNs", f.isrTimeNs());
    Json.num(out, "idleTimeNs", f.idleTimeNs());
    if (f.dpcExecuted() == 0) {
      out.append(",\"latencyNs\":null"); // no routine ran: nothing measured
    } else {
      out.append(",\"latencyNs\":{\"p50\":")
          .append(f.latencyP50())
          .append(",\"p99\":")
          .append(f.latencyP99())
          .append(",\"max\":")
          .append(f.latencyMax())
          .append(",\"mean\":")
          .append(f.latencyMean())
          .append('}');
    }
    Json.num(out, "watchdog", f.watchdog());
    Json.num(out, "events", f.events());
    Json.str(out, "traceSha256", f.traceSha256());
  }
}
