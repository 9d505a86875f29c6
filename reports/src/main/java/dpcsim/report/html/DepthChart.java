package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

import dpcsim.report.Units;

/**
 * The queue-depth chart: one lane per row of processors, one column per time bucket. Up to {@link
 * #BAR_ROWS} rows each lane is a bar chart: a light bar up to the largest depth in the bucket and a
 * dark bar up to the mean depth. Above that it is a heat map coloured by the largest depth. Each
 * non-empty bucket is a {@code rect} with {@code data-cpu}, {@code data-bucket}, {@code
 * data-from-ns}, {@code data-depth} (largest) and {@code data-mean-depth}; each lane carries {@code
 * data-max-depth}.
 */
final class DepthChart {
  static final int BAR_ROWS = 16;
  private static final int LABEL_W = 70;
  private static final int PLOT_W = 800;
  private static final int RIGHT_W = 60;
  private static final int TOP = 8;

  private DepthChart() {}

  static String svg(ReportData d) {
    CpuRows rows = d.rows();
    int n = rows.count();
    boolean bars = n <= BAR_ROWS;
    int rowH = bars ? 34 : Math.max(Labels.MIN_ROW, Math.min(16, 640 / n));
    int gap = bars ? 6 : 1;
    int max = 0;
    for (int r = 0; r < n; r++) {
      max = Math.max(max, d.maxDepth(r));
    }
    int plotH = n * (rowH + gap) - gap;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"depth-chart\"")
        .append(" width=\"")
        .append(LABEL_W + PLOT_W + RIGHT_W)
        .append("\" height=\"")
        .append(TOP + plotH + 40)
        .append("\" data-max-depth=\"")
        .append(max)
        .append("\" data-bucket-ns=\"")
        .append(d.bucketNs())
        .append("\" data-buckets=\"")
        .append(d.buckets())
        .append("\">\n");
    for (int r = 0; r < n; r++) {
      lane(s, d, r, TOP + r * (rowH + gap), rowH, bars, max, Labels.textClass(n));
    }
    notSimulated(s, d, plotH);
    TimeAxis.append(s, LABEL_W, PLOT_W, TOP + plotH, d.durationNs());
    s.append("</svg>\n");
    return s.toString();
  }

  private static void lane(
      StringBuilder s, ReportData d, int r, int y, int rowH, boolean bars, int max, String text) {
    CpuRows rows = d.rows();
    String label = rows.label(r);
    String who = rows.single() ? "cpu " : "cpus ";
    int rowMax = d.maxDepth(r);
    double mid = y + rowH / 2.0 + 4;
    s.append("<g class=\"depth-row\" data-cpu=\"")
        .append(label)
        .append("\" data-max-depth=\"")
        .append(rowMax)
        .append("\">");
    // Every lane is named (Labels).
    s.append("<text x=\"")
        .append(LABEL_W - 6)
        .append("\" y=\"")
        .append(xy(mid))
        .append("\" text-anchor=\"end\"")
        .append(text)
        .append('>')
        .append(Labels.lane(rows, r))
        .append("</text>");
    s.append("<rect class=\"lane\" x=\"")
        .append(LABEL_W)
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"")
        .append(PLOT_W)
        .append("\" height=\"")
        .append(rowH)
        .append("\" fill=\"")
        .append(Palette.EMPTY)
        .append("\"><title>")
        .append(who)
        .append(label)
        .append(": largest queue depth ")
        .append(rowMax)
        .append("</title></rect>\n");
    double perNs = PLOT_W / (double) d.durationNs();
    for (int b = 0; b < d.buckets(); b++) {
      int depth = d.depth(r, b);
      if (depth == 0) {
        continue;
      }
      long from = b * d.bucketNs();
      long to = Math.min(d.durationNs(), from + d.bucketNs());
      double x = LABEL_W + from * perNs;
      double w = (to - from) * perNs;
      double mean = d.meanDepth(r, b);
      String meanText = Html.fixed(mean, 2);
      // Both tooltips of a bucket (its largest and its mean depth) start with where and when.
      String span = who + label + ", " + Units.duration(from) + " to " + Units.duration(to);
      double h = bars ? Math.max(2, (rowH - 2) * depth / (double) max) : rowH;
      String fill = Palette.depth(depth, max);
      s.append("<rect data-cpu=\"")
          .append(label)
          .append("\" data-bucket=\"")
          .append(b)
          .append("\" data-from-ns=\"")
          .append(from)
          .append("\" data-depth=\"")
          .append(depth)
          .append("\" data-mean-depth=\"")
          .append(meanText)
          .append('"')
          .append(Html.box(x, y + rowH - h, w, h))
          .append(" fill=\"")
          .append(fill)
          .append(bars ? "\" fill-opacity=\"0.45" : "")
          .append("\"><title>")
          .append(span)
          .append(": depth up to ")
          .append(depth)
          .append(", mean ")
          .append(meanText)
          .append("</title></rect>");
      if (bars && mean > 0) {
        double mh = (rowH - 2) * mean / max;
        s.append("<rect class=\"mean\" data-cpu=\"")
            .append(label)
            .append("\" data-bucket=\"")
            .append(b)
            .append("\" data-mean-depth=\"")
            .append(meanText)
            .append('"')
            .append(Html.box(x, y + rowH - mh, w, mh))
            .append(" fill=\"")
            .append(fill)
            .append("\"><title>")
            .append(span)
            .append(": mean depth ")
            .append(meanText)
            .append("</title></rect>");
      }
      s.append('\n');
    }
    s.append("<text x=\"")
        .append(LABEL_W + PLOT_W + 6)
        .append("\" y=\"")
        .append(xy(mid))
        .append('"')
        .append(text)
        .append(">max ")
        .append(rowMax)
        .append("</text>");
    s.append("</g>\n");
  }

  /** Greys out the buckets after a watchdog stop: nothing was simulated there. */
  private static void notSimulated(StringBuilder s, ReportData d, int plotH) {
    if (d.simulatedNs() >= d.durationNs()) {
      return;
    }
    double x = LABEL_W + PLOT_W * (d.simulatedNs() / (double) d.durationNs());
    s.append("<rect class=\"not-simulated\" x=\"")
        .append(xy(x))
        .append("\" y=\"")
        .append(TOP)
        .append("\" width=\"")
        .append(xy(LABEL_W + PLOT_W - x))
        .append("\" height=\"")
        .append(plotH)
        .append(
            "\" fill=\"#adb5bd\" fill-opacity=\"0.5\"><title>not simulated: the run stopped at ")
        .append(Units.duration(d.simulatedNs()))
        .append(" (DPC watchdog)</title></rect>\n");
  }
}
