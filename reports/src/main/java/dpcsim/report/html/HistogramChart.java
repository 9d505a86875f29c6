package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

/**
 * One duration histogram over the {@link LatencyBuckets} (log-scaled bar heights, the count written
 * on each bar), followed by LatencyMon's six counts in LatencyMon's own wording. Each bar is a
 * {@code rect} with {@code data-hist}, {@code data-bucket}, {@code data-lo-ns}, {@code data-hi-ns}
 * (absent for the last bucket) and {@code data-count}; each LatencyMon line is a {@code span} with
 * {@code data-hist}, {@code data-latencymon} and {@code data-count}.
 */
final class HistogramChart {
  private static final int LEFT = 10;
  private static final int BAR_W = 62;
  private static final int GAP = 6;
  private static final int TOP = 22;
  private static final int PLOT_H = 150;
  private static final String FINE_FILL = "#a5d8ff";
  private static final String LATENCYMON_FILL = "#339af0";

  private HistogramChart() {}

  /**
   * @param id the {@code data-hist} value, e.g. {@code dpc-execution}
   * @param what LatencyMon's line prefix, e.g. {@code DPC count (execution time}
   */
  static String svg(String id, Histogram h, String what) {
    int n = LatencyBuckets.COUNT;
    long max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, h.count(i));
    }
    int width = LEFT + n * (BAR_W + GAP);
    int base = TOP + PLOT_H;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart histogram\" id=\"")
        .append(id)
        .append("-chart\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(base + 64)
        .append("\" data-hist=\"")
        .append(id)
        .append("\" data-total=\"")
        .append(h.total())
        .append("\">\n");
    for (int i = 0; i < n; i++) {
      long count = h.count(i);
      double barH = count == 0 ? 0 : Math.max(2, PLOT_H * Math.log1p(count) / Math.log1p(max));
      int x = LEFT + i * (BAR_W + GAP);
      String label = Html.esc(LatencyBuckets.label(i));
      s.append("<rect class=\"bar\" data-hist=\"")
          .append(id)
          .append("\" data-bucket=\"")
          .append(i)
          .append("\" data-lo-ns=\"")
          .append(LatencyBuckets.lowerNs(i))
          .append('"');
      if (LatencyBuckets.upperNs(i) >= 0) {
        s.append(" data-hi-ns=\"").append(LatencyBuckets.upperNs(i)).append('"');
      }
      s.append(" data-count=\"")
          .append(count)
          .append('"')
          .append(Html.box(x, base - barH, BAR_W, barH))
          .append(" fill=\"")
          .append(i < LatencyBuckets.FINE ? FINE_FILL : LATENCYMON_FILL)
          .append("\"><title>")
          .append(label)
          .append(": ")
          .append(count)
          .append("</title></rect>");
      s.append("<text x=\"")
          .append(x + BAR_W / 2)
          .append("\" y=\"")
          .append(xy(base - barH - 4))
          .append("\" text-anchor=\"middle\">")
          .append(count)
          .append("</text>");
      s.append("<text x=\"")
          .append(x + BAR_W / 2)
          .append("\" y=\"")
          .append(base + 14)
          .append("\" text-anchor=\"middle\" class=\"small\">")
          .append(Html.esc(LatencyBuckets.shortLabel(i)))
          .append("</text>\n");
    }
    s.append("<line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(base)
        .append("\" x2=\"")
        .append(width)
        .append("\" y2=\"")
        .append(base)
        .append("\" stroke=\"#868e96\"/><text x=\"")
        .append(width)
        .append("\" y=\"")
        .append(base + 28)
        .append("\" text-anchor=\"end\" class=\"axis-title\">duration (µs)</text>\n");
    if (h.total() == 0) {
      s.append("<text x=\"")
          .append(width / 2)
          .append("\" y=\"")
          .append(TOP + PLOT_H / 2)
          .append("\" text-anchor=\"middle\" class=\"axis-title\">none in this run</text>\n");
    }
    bracket(s, h, base + 24);
    s.append("</svg>\n");
    s.append("<pre class=\"latencymon\" data-hist=\"").append(id).append("\">");
    long[] lm = h.latencyMon();
    for (int j = 0; j < lm.length; j++) {
      String head = what + " " + LatencyBuckets.latencyMonLabel(j) + "):";
      s.append("<span data-hist=\"")
          .append(id)
          .append("\" data-latencymon=\"")
          .append(j)
          .append("\" data-count=\"")
          .append(lm[j])
          .append("\">")
          .append(Html.esc(head))
          .append(" ".repeat(Math.max(1, 54 - head.length())))
          .append(lm[j])
          .append("</span>\n");
    }
    s.append("</pre>\n");
    return s.toString();
  }

  /** A bracket under the finer buckets naming the LatencyMon bucket they add up to. */
  private static void bracket(StringBuilder s, Histogram h, int y) {
    int x1 = LEFT;
    int x2 = LEFT + LatencyBuckets.FINE * (BAR_W + GAP) - GAP;
    s.append("<path d=\"M")
        .append(x1)
        .append(' ')
        .append(y - 4)
        .append(" V")
        .append(y)
        .append(" H")
        .append(x2)
        .append(" V")
        .append(y - 4)
        .append("\" fill=\"none\" stroke=\"#495057\"/><text x=\"")
        .append((x1 + x2) / 2)
        .append("\" y=\"")
        .append(y + 14)
        .append("\" text-anchor=\"middle\" class=\"small\">")
        .append(Html.esc("finer buckets (dpcsim's addition) = LatencyMon's <250 µs: "))
        .append(h.latencyMon()[0])
        .append("</text>\n");
  }
}
