package dpcsim.report.html;

import dpcsim.engine.RunResult;
import dpcsim.report.CpuStats;
import dpcsim.report.Units;

/**
 * The per-processor summary table of {@code dpcsim run}, as an HTML table: the same columns, from
 * {@code RunResult.cpus()}. Each row has {@code data-cpu}; each cell has {@code data-key} (the
 * {@code --json} key) and, for times, {@code data-ns}.
 */
final class SummaryHtml {
  private static final String[] HEADERS = {
    "cpu",
    "inserted",
    "executed",
    "dpc-int",
    "ipi-tx",
    "ipi-rx",
    "max-depth",
    "dpc",
    "isr",
    "idle",
    "lat-p50",
    "lat-p99",
    "lat-max",
    "watchdog"
  };

  private SummaryHtml() {}

  static String table(RunResult r) {
    long sim = r.simulatedNs();
    StringBuilder s =
        new StringBuilder("<table class=\"summary\" id=\"summary-table\">\n<thead><tr>");
    for (String h : HEADERS) {
      s.append("<th>").append(h).append("</th>");
    }
    s.append("</tr></thead>\n<tbody>\n");
    for (CpuStats c : r.cpus()) {
      boolean ran = c.dpcExecuted() > 0;
      s.append("<tr data-cpu=\"").append(c.cpu()).append("\">");
      cell(s, "cpu", Long.toString(c.cpu()), -1);
      cell(s, "dpcInserted", Long.toString(c.dpcInserted()), -1);
      cell(s, "dpcExecuted", Long.toString(c.dpcExecuted()), -1);
      cell(s, "dpcInterrupts", Long.toString(c.dpcInterrupts()), -1);
      cell(s, "ipisSent", Long.toString(c.ipisSent()), -1);
      cell(s, "ipisReceived", Long.toString(c.ipisReceived()), -1);
      cell(s, "maxQueueDepth", Long.toString(c.maxQueueDepth()), -1);
      cell(s, "dpcTimeNs", Units.percent(c.dpcTimeNs(), sim), c.dpcTimeNs());
      cell(s, "isrTimeNs", Units.percent(c.isrTimeNs(), sim), c.isrTimeNs());
      cell(s, "idleTimeNs", Units.percent(c.idleTimeNs(), sim), c.idleTimeNs());
      cell(s, "p50", ran ? Units.duration(c.latencyP50()) : "-", ran ? c.latencyP50() : -1);
      cell(s, "p99", ran ? Units.duration(c.latencyP99()) : "-", ran ? c.latencyP99() : -1);
      cell(s, "max", ran ? Units.duration(c.latencyMax()) : "-", ran ? c.latencyMax() : -1);
      cell(s, "watchdog", Long.toString(c.watchdog()), -1);
      s.append("</tr>\n");
    }
    s.append("</tbody>\n</table>\n");
    return s.toString();
  }

  private static void cell(StringBuilder s, String key, String text, long ns) {
    s.append("<td data-key=\"").append(key).append('"');
    if (ns >= 0) {
      s.append(" data-ns=\"").append(ns).append('"');
    }
    s.append('>').append(Html.esc(text)).append("</td>");
  }
}
