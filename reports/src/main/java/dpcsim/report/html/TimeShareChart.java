package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

import dpcsim.report.Units;
import dpcsim.stats.CpuStats;
import java.util.List;

/**
 * DPC time share: one stacked bar per row of processors splitting its simulated time into DPC, ISR,
 * other (threads and everything else) and idle, with the figures of {@code RunResult.cpus()}
 * (StatsCollector's). Each segment is a {@code rect} with {@code data-cpu}, {@code data-kind},
 * {@code data-ns} and {@code data-pct}; a row of several processors adds up their times.
 */
final class TimeShareChart {
  private static final int LABEL_W = 70;
  private static final int PLOT_W = 800;
  private static final int RIGHT_W = 90;
  private static final int TOP = 30;
  private static final String[] KINDS = {"dpc", "isr", "other", "idle"};
  private static final String[] NAMES = {"DPC", "ISR", "other", "idle"};
  private static final String[] FILLS = {Palette.DPC, Palette.ISR, Palette.OTHER, Palette.IDLE};

  private TimeShareChart() {}

  static String svg(CpuRows rows, List<CpuStats> cpus, long simulatedNs) {
    int n = rows.count();
    int rowH = n <= DepthChart.BAR_ROWS ? 22 : Math.max(Labels.MIN_ROW, Math.min(16, 640 / n));
    int gap = n <= DepthChart.BAR_ROWS ? 6 : 1;
    int plotH = n * (rowH + gap) - gap;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"time-share-chart\"")
        .append(" width=\"")
        .append(LABEL_W + PLOT_W + RIGHT_W)
        .append("\" height=\"")
        .append(TOP + plotH + 10)
        .append("\">\n");
    legend(s);
    String who = rows.single() ? "cpu " : "cpus ";
    for (int r = 0; r < n; r++) {
      long[] ns = new long[4];
      for (int cpu = rows.first(r); cpu < rows.end(r); cpu++) {
        CpuStats c = cpus.get(cpu);
        ns[0] += c.dpcTimeNs();
        ns[1] += c.isrTimeNs();
        ns[3] += c.idleTimeNs();
      }
      long whole = simulatedNs * (rows.end(r) - rows.first(r));
      ns[2] = Math.max(0, whole - ns[0] - ns[1] - ns[3]);
      String label = rows.label(r);
      int y = TOP + r * (rowH + gap);
      s.append("<g class=\"share-row\" data-cpu=\"").append(label).append("\">");
      s.append("<text x=\"")
          .append(LABEL_W - 6)
          .append("\" y=\"")
          .append(xy(y + rowH / 2.0 + 4))
          .append("\" text-anchor=\"end\"")
          .append(Labels.textClass(n))
          .append('>')
          .append(Labels.lane(rows, r))
          .append("</text>");
      double x = LABEL_W;
      for (int k = 0; k < 4; k++) {
        double w = whole <= 0 ? 0 : PLOT_W * ns[k] / (double) whole;
        s.append("<rect data-cpu=\"")
            .append(label)
            .append("\" data-kind=\"")
            .append(KINDS[k])
            .append("\" data-ns=\"")
            .append(ns[k])
            .append("\" data-pct=\"")
            .append(Html.pct(ns[k], whole))
            .append('"')
            .append(Html.box(x, y, w, rowH))
            .append(" fill=\"")
            .append(FILLS[k])
            .append("\"><title>")
            .append(who)
            .append(label)
            .append(": ")
            .append(NAMES[k])
            .append(' ')
            .append(Html.pct(ns[k], whole))
            .append("% (")
            .append(Units.duration(ns[k]))
            .append(")</title></rect>");
        x += w;
      }
      s.append("<text x=\"")
          .append(LABEL_W + PLOT_W + 6)
          .append("\" y=\"")
          .append(xy(y + rowH / 2.0 + 4))
          .append('"')
          .append(Labels.textClass(n))
          .append(">DPC ")
          .append(Html.pct(ns[0], whole))
          .append("%</text>");
      s.append("</g>\n");
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static void legend(StringBuilder s) {
    s.append("<g class=\"legend\">");
    int x = LABEL_W;
    for (int k = 0; k < 4; k++) {
      s.append("<rect x=\"")
          .append(x)
          .append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"")
          .append(FILLS[k])
          .append("\"/><text x=\"")
          .append(x + 16)
          .append("\" y=\"16\">")
          .append(NAMES[k])
          .append("</text>");
      x += 90;
    }
    s.append("</g>\n");
  }
}
