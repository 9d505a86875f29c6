package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

import dpcsim.report.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue-depth chart: one lane per row of processors, one column per time bucket. Up to {@link
 * #BAR_ROWS} rows each lane is a bar chart: a light bar up to the largest depth in the bucket and a
 * dark bar up to the mean depth. Above that it is a heat map coloured by the largest depth. Each
 * non-empty bucket is a {@code rect} with {@code data-cpu}, {@code data-bucket}, {@code
 * data-from-ns}, {@code data-depth} (largest) and {@code data-mean-depth}; each lane carries {@code
 * data-max-depth}. Depths 1 to {@link Palette#DEPTH_LEVEL_MAX} have a colour each, and bar lanes of
 * such a run have a dashed line at each level; the legend under the time axis names the colours.
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
        .append(TOP + plotH + 64)
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
    TimeAxis.notSimulated(s, LABEL_W, PLOT_W, TOP, plotH, d);
    TimeAxis.append(s, LABEL_W, PLOT_W, TOP + plotH, d.durationNs());
    Legend.append(s, LABEL_W, TOP + plotH + 58, "queue depth", legend(max));
    s.append("</svg>\n");
    return s.toString();
  }

  /**
   * @return the legend's swatches: the empty lane, then each level up to {@code max} when it has
   *     colours of its own ({@link Palette#DEPTH_LEVEL_MAX}), else five steps of the ramp
   */
  static List<Legend.Item> legend(int max) {
    List<Legend.Item> items = new ArrayList<>();
    items.add(new Legend.Item(Palette.EMPTY, "0 (empty)"));
    if (max <= Palette.DEPTH_LEVEL_MAX) {
      for (int level = 1; level <= max; level++) {
        items.add(new Legend.Item(Palette.depth(level, max), Integer.toString(level)));
      }
      return items;
    }
    int last = 0;
    for (int k = 0; k <= 4; k++) {
      int level = 1 + (int) Math.round((max - 1) * k / 4.0);
      if (level != last) {
        items.add(new Legend.Item(Palette.depth(level, max), Integer.toString(level)));
        last = level;
      }
    }
    return items;
  }

  private static void lane(
      StringBuilder s, ReportData d, int r, int y, int rowH, boolean bars, int max, String text) {
    CpuRows rows = d.rows();
    String label = rows.label(r);
    String who = rows.single() ? "cpu " : "cpus ";
    int rowMax = d.maxDepth(r);
    boolean levels = max <= Palette.DEPTH_LEVEL_MAX;
    double mid = y + rowH / 2.0 + 4;
    s.append("<g class=\"depth-row\" data-cpu=\"")
        .append(label)
        .append("\" data-max-depth=\"")
        .append(rowMax)
        .append("\">");
    // Every lane is named (Labels).
    Labels.laneHead(s, rows, r, LABEL_W, PLOT_W, y, rowH, text);
    s.append(": largest queue depth ").append(rowMax).append("</title></rect>\n");
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
      // A level's own colour is light (yellow for 1): its mean bar is that colour darkened.
      String meanFill = levels ? Palette.darker(fill) : fill;
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
          .append(bars ? "\" fill-opacity=\"" + (levels ? "0.6" : "0.45") : "")
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
            .append(meanFill)
            .append("\"><title>")
            .append(span)
            .append(": mean depth ")
            .append(meanText)
            .append("</title></rect>");
      }
      s.append('\n');
    }
    if (bars && levels) {
      levels(s, y, rowH, max);
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

  /**
   * Dashed lines across a bar lane at each depth from 1 to {@code max}: with few levels a bar's
   * height then reads as a whole number at a glance (issue 21).
   */
  private static void levels(StringBuilder s, int y, int rowH, int max) {
    for (int level = 1; level <= max; level++) {
      double ly = y + rowH - (rowH - 2) * level / (double) max;
      s.append("<line class=\"level\" data-level=\"")
          .append(level)
          .append("\" x1=\"")
          .append(LABEL_W)
          .append("\" y1=\"")
          .append(xy(ly))
          .append("\" x2=\"")
          .append(LABEL_W + PLOT_W)
          .append("\" y2=\"")
          .append(xy(ly))
          .append("\" stroke=\"#495057\" stroke-opacity=\"0.35\" stroke-dasharray=\"3 3\"/>");
    }
    s.append('\n');
  }
}
