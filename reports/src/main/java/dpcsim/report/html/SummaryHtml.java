package dpcsim.report.html;

import dpcsim.engine.RunResult;
import dpcsim.report.SummaryTable;
import dpcsim.report.Units;
import dpcsim.stats.CpuStats;
import dpcsim.stats.DeviceStats;
import dpcsim.stats.DpcStats;
import dpcsim.stats.ModuleStats;

/**
 * The three summary tables of {@code dpcsim run} as HTML tables, with SummaryTable's columns and
 * units, from {@code RunResult.cpus()}, {@code dpcs()} and {@code devices()}. Rows carry {@code
 * data-cpu}, {@code data-dpc} or {@code data-device}; each cell carries {@code data-key} (the
 * {@code --json} key, {@code latencyNs.p50} for a nested one, {@code share} for a share of all
 * processors' time) and the raw figure: {@code data-ns} for times, {@code data-of-ns} for the whole
 * a share divides by. A cell shown as {@code -} (nothing ran) has no {@code data-ns}.
 */
final class SummaryHtml {
  // The same columns as the text tables of dpcsim run.
  private static final String[] CPU_HEADERS = SummaryTable.cpuHeaders();
  private static final String[] DPC_HEADERS = SummaryTable.dpcHeaders();
  private static final String[] DEVICE_HEADERS = SummaryTable.deviceHeaders();

  private SummaryHtml() {}

  /**
   * @return the per-processor table, with an {@code all} row (sums, and only the maxima of the
   *     percentiles, which do not combine) when there is more than one processor
   */
  static String cpus(RunResult r) {
    long sim = r.simulatedNs();
    StringBuilder s = head("summary-table", CPU_HEADERS, false);
    long[] sum = new long[10];
    int depth = 0;
    long latMax = 0;
    long durMax = 0;
    for (CpuStats c : r.cpus()) {
      boolean ran = c.dpcExecuted() > 0;
      s.append("<tr data-cpu=\"").append(c.cpu()).append("\">");
      count(s, "cpu", c.cpu());
      count(s, "dpcInserted", c.dpcInserted());
      count(s, "coalesced", c.coalesced());
      count(s, "dpcExecuted", c.dpcExecuted());
      count(s, "dpcInterrupts", c.dpcInterrupts());
      count(s, "ipisSent", c.ipisSent());
      count(s, "ipisReceived", c.ipisReceived());
      count(s, "maxQueueDepth", c.maxQueueDepth());
      share(s, "dpcTimeNs", c.dpcTimeNs(), sim);
      share(s, "isrTimeNs", c.isrTimeNs(), sim);
      share(s, "idleTimeNs", c.idleTimeNs(), sim);
      percentiles(s, "latencyNs", ran, c.latencyP50(), c.latencyP99(), c.latencyMax());
      percentiles(s, "durationNs", ran, c.durationP50(), c.durationP99(), c.durationMax());
      count(s, "watchdog", c.watchdog());
      s.append("</tr>\n");
      long[] add = {
        c.dpcInserted(),
        c.dpcExecuted(),
        c.dpcInterrupts(),
        c.ipisSent(),
        c.ipisReceived(),
        c.dpcTimeNs(),
        c.isrTimeNs(),
        c.idleTimeNs(),
        c.watchdog(),
        c.coalesced()
      };
      for (int i = 0; i < add.length; i++) {
        sum[i] += add[i];
      }
      depth = Math.max(depth, c.maxQueueDepth());
      latMax = Math.max(latMax, c.latencyMax());
      durMax = Math.max(durMax, c.durationMax());
    }
    s.append("</tbody>\n");
    if (r.cpus().size() > 1) {
      long all = sim * r.cpus().size();
      boolean ran = sum[1] > 0;
      s.append("<tfoot><tr class=\"all\">");
      text(s, "cpu", "all");
      count(s, "dpcInserted", sum[0]);
      count(s, "coalesced", sum[9]);
      String[] keys = {"dpcExecuted", "dpcInterrupts", "ipisSent", "ipisReceived"};
      for (int i = 0; i < keys.length; i++) {
        count(s, keys[i], sum[i + 1]);
      }
      count(s, "maxQueueDepth", depth);
      share(s, "dpcTimeNs", sum[5], all);
      share(s, "isrTimeNs", sum[6], all);
      share(s, "idleTimeNs", sum[7], all);
      text(s, "latencyNs.p50", "");
      text(s, "latencyNs.p99", "");
      time(s, "latencyNs.max", ran, latMax);
      text(s, "durationNs.p50", "");
      text(s, "durationNs.p99", "");
      time(s, "durationNs.max", ran, durMax);
      count(s, "watchdog", sum[8]);
      s.append("</tr></tfoot>\n");
    }
    return s.append("</table>\n").toString();
  }

  /**
   * @return the per-KDPC table; time is the routine's own (without ISRs), its share is of all
   *     processors' time
   */
  static String dpcs(RunResult r) {
    long all = r.simulatedNs() * r.cpus().size();
    StringBuilder s = head("dpc-table", DPC_HEADERS, true);
    for (DpcStats d : r.dpcs()) {
      boolean ran = d.dpcExecuted() > 0;
      s.append("<tr data-dpc=\"").append(Html.esc(d.dpc())).append("\">");
      name(s, "dpc", d.dpc());
      count(s, "dpcInserted", d.dpcInserted());
      count(s, "coalesced", d.coalesced());
      count(s, "dpcExecuted", d.dpcExecuted());
      count(s, "dpcInterrupts", d.dpcInterrupts());
      count(s, "ipisSent", d.ipisSent());
      count(s, "maxQueueDepth", d.maxQueueDepth());
      time(s, "dpcTimeNs", true, d.dpcTimeNs());
      share(s, "share", d.dpcTimeNs(), all);
      percentiles(s, "latencyNs", ran, d.latencyP50(), d.latencyP99(), d.latencyMax());
      percentiles(s, "durationNs", ran, d.durationP50(), d.durationP99(), d.durationMax());
      count(s, "watchdog", d.watchdog());
      s.append("</tr>\n");
    }
    return s.append("</tbody>\n</table>\n").toString();
  }

  /**
   * @return the per-device table: ISR count, time and its share of all processors' time, duration
   */
  static String devices(RunResult r) {
    long all = r.simulatedNs() * r.cpus().size();
    StringBuilder s = head("device-table", DEVICE_HEADERS, true);
    for (DeviceStats v : r.devices()) {
      boolean ran = v.isrCount() > 0;
      s.append("<tr data-device=\"").append(Html.esc(v.device())).append("\">");
      name(s, "device", v.device());
      count(s, "isrCount", v.isrCount());
      time(s, "isrTimeNs", true, v.isrTimeNs());
      share(s, "share", v.isrTimeNs(), all);
      percentiles(s, "durationNs", ran, v.durationP50(), v.durationP99(), v.durationMax());
      s.append("</tr>\n");
    }
    return s.append("</tbody>\n</table>\n").toString();
  }

  /**
   * @return the by-module table: one row per (type, module, function), as {@code run} prints it
   */
  static String modules(RunResult r) {
    long all = r.simulatedNs() * r.cpus().size();
    StringBuilder s = head("module-table", SummaryTable.moduleHeaders(), true);
    for (ModuleStats m : r.stats().modules()) {
      s.append("<tr data-module=\"")
          .append(Html.esc(m.module()))
          .append("\" data-function=\"")
          .append(Html.esc(m.function()))
          .append("\" data-type=\"")
          .append(m.type())
          .append("\">");
      name(s, "type", m.type());
      name(s, "module", m.module());
      name(s, "function", m.function());
      count(s, "count", m.count());
      time(s, "timeNs", true, m.timeNs());
      share(s, "share", m.timeNs(), all);
      percentiles(
          s, "durationNs", m.count() > 0, m.durationP50(), m.durationP99(), m.durationMax());
      s.append("</tr>\n");
    }
    return s.append("</tbody>\n</table>\n").toString();
  }

  private static StringBuilder head(String id, String[] headers, boolean namesFirst) {
    StringBuilder s = new StringBuilder("<table class=\"summary\" id=\"").append(id);
    s.append("\">\n<thead><tr>");
    for (int i = 0; i < headers.length; i++) {
      s.append(i == 0 && namesFirst ? "<th class=\"name\">" : "<th>")
          .append(headers[i])
          .append("</th>");
    }
    return s.append("</tr></thead>\n<tbody>\n");
  }

  private static void count(StringBuilder s, String key, long n) {
    text(s, key, Long.toString(n));
  }

  private static void name(StringBuilder s, String key, String name) {
    s.append("<td class=\"name\" data-key=\"")
        .append(key)
        .append("\">")
        .append(Html.esc(name))
        .append("</td>");
  }

  private static void text(StringBuilder s, String key, String text) {
    s.append("<td data-key=\"").append(key).append("\">").append(Html.esc(text)).append("</td>");
  }

  /** A duration, or {@code -} when nothing ran. */
  private static void time(StringBuilder s, String key, boolean ran, long ns) {
    if (!ran) {
      text(s, key, "-");
      return;
    }
    s.append("<td data-key=\"")
        .append(key)
        .append("\" data-ns=\"")
        .append(ns)
        .append("\">")
        .append(Units.duration(ns))
        .append("</td>");
  }

  /** {@code ns} as a percentage of {@code wholeNs}, as SummaryTable prints it. */
  private static void share(StringBuilder s, String key, long ns, long wholeNs) {
    s.append("<td data-key=\"")
        .append(key)
        .append("\" data-ns=\"")
        .append(ns)
        .append("\" data-of-ns=\"")
        .append(wholeNs)
        .append("\">")
        .append(Units.percent(ns, wholeNs))
        .append("</td>");
  }

  private static void percentiles(
      StringBuilder s, String key, boolean ran, long p50, long p99, long max) {
    time(s, key + ".p50", ran, p50);
    time(s, key + ".p99", ran, p99);
    time(s, key + ".max", ran, max);
  }
}
