package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

import dpcsim.report.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DPC latency over time: the p99 of insert-to-start latency per row of processors and time slice
 * (the queue-depth chart's slices and lanes, so the two line up). Up to {@link #LINE_ROWS} rows
 * each lane is a small line chart on one log scale shared by all lanes (ticks at the right); above
 * that each lane is a strip of a heat map coloured by the scale's classes, with a legend, so 64
 * rows stay readable. A slice where no DPC of the row started is a gap, never a 0. Each slice with
 * a figure is a {@code circle} (lines) or {@code rect} (heat map) with {@code data-cpu}, {@code
 * data-bucket}, {@code data-from-ns}, {@code data-p99-ns}, {@code data-max-ns} and {@code
 * data-count} (DPCs started) and a {@code <title>}; each lane is a {@code g} with {@code data-cpu}
 * and {@code data-max-p99-ns} (-1 when no DPC started there).
 */
final class LatencyChart {
  /** Lanes drawn as line charts up to this many rows, as the depth chart's bars. */
  static final int LINE_ROWS = DepthChart.BAR_ROWS;

  private static final int LABEL_W = 70;
  private static final int PLOT_W = 800;
  private static final int RIGHT_W = 60;
  private static final int TOP = 8;
  private static final int PAD = 3;
  private static final String LINE = "#1c7ed6";

  private LatencyChart() {}

  static String svg(ReportData d) {
    CpuRows rows = d.rows();
    int n = rows.count();
    SliceLatency l = d.latencyOverTime();
    LatencyScale scale = LatencyScale.of(l);
    boolean lines = n <= LINE_ROWS;
    // A few lanes get more height: their scale then has room to name each tick.
    int rowH = lines ? (n <= 4 ? 64 : 44) : Math.max(Labels.MIN_ROW, Math.min(16, 640 / n));
    int gap = lines ? 8 : 1;
    int plotH = n * (rowH + gap) - gap;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"latency-chart\"")
        .append(" width=\"")
        .append(LABEL_W + PLOT_W + RIGHT_W)
        .append("\" height=\"")
        .append(TOP + plotH + (lines ? 40 : 64))
        .append("\" data-mode=\"")
        .append(lines ? "lines" : "heat")
        .append("\" data-scale-ns=\"")
        .append(scale.edges().stream().map(String::valueOf).collect(Collectors.joining(",")))
        .append("\" data-bucket-ns=\"")
        .append(d.bucketNs())
        .append("\" data-buckets=\"")
        .append(d.buckets())
        .append("\">\n");
    for (int r = 0; r < n; r++) {
      int y = TOP + r * (rowH + gap);
      lane(s, d, r, y, rowH, Labels.textClass(n));
      if (lines) {
        grid(s, scale, y, rowH);
        line(s, d, scale, r, y, rowH);
      } else {
        heat(s, d, scale, r, y, rowH);
      }
      s.append("</g>\n");
    }
    TimeAxis.notSimulated(s, LABEL_W, PLOT_W, TOP, plotH, d);
    TimeAxis.append(s, LABEL_W, PLOT_W, TOP + plotH, d.durationNs());
    if (!lines) {
      List<Legend.Item> items = new ArrayList<>();
      items.add(new Legend.Item(Palette.EMPTY, "no DPC started"));
      for (int c = 0; c < scale.classes(); c++) {
        items.add(new Legend.Item(Palette.latency(c, scale.classes()), scale.classLabel(c)));
      }
      Legend.append(s, LABEL_W, TOP + plotH + 58, "p99 latency", items);
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** Opens the lane's group (closed by the caller): its name and its background. */
  private static void lane(StringBuilder s, ReportData d, int r, int y, int rowH, String text) {
    CpuRows rows = d.rows();
    String label = rows.label(r);
    long rowP99 = d.latencyOverTime().rowP99(r);
    s.append("<g class=\"latency-row\" data-cpu=\"")
        .append(label)
        .append("\" data-max-p99-ns=\"")
        .append(rowP99)
        .append("\">");
    // Every lane is named (Labels).
    Labels.laneHead(s, rows, r, LABEL_W, PLOT_W, y, rowH, text);
    s.append(
            rowP99 == SliceLatency.NONE
                ? ": no DPC started"
                : ": p99 latency up to " + Units.duration(rowP99) + " in a slice")
        .append("</title></rect>\n");
    if (rowP99 == SliceLatency.NONE && rowH >= 20) {
      // Said in the lane too: an empty lane is no DPC, not a latency off the scale.
      s.append("<text x=\"")
          .append(LABEL_W + PLOT_W / 2)
          .append("\" y=\"")
          .append(xy(y + rowH / 2.0 + 4))
          .append("\" text-anchor=\"middle\" fill=\"#868e96\">no DPC started</text>\n");
    }
  }

  /**
   * The scale's edges as faint lines across a line lane, named in the right margin where there is
   * room (at least 11 px from the last name, from the bottom up).
   */
  private static void grid(StringBuilder s, LatencyScale scale, int y, int rowH) {
    double lastNamed = Double.MAX_VALUE;
    for (long edge : scale.edges()) {
      double ly = yOf(scale, edge, y, rowH);
      s.append("<line class=\"grid\" x1=\"")
          .append(LABEL_W)
          .append("\" y1=\"")
          .append(xy(ly))
          .append("\" x2=\"")
          .append(LABEL_W + PLOT_W)
          .append("\" y2=\"")
          .append(xy(ly))
          .append("\" stroke=\"#ced4da\" stroke-width=\"0.5\"/>");
      if (lastNamed - ly >= 11) {
        s.append("<text class=\"small\" x=\"")
            .append(LABEL_W + PLOT_W + 4)
            .append("\" y=\"")
            .append(xy(ly + 3.5))
            .append("\" fill=\"#868e96\" data-tick-ns=\"")
            .append(edge)
            .append("\">")
            .append(LatencyScale.label(edge))
            .append("</text>");
        lastNamed = ly;
      }
    }
    s.append('\n');
  }

  private static double yOf(LatencyScale scale, long ns, int y, int rowH) {
    return y + PAD + (1 - scale.fraction(ns)) * (rowH - 2 * PAD);
  }

  /** A line lane: a polyline through each run of slices with a figure, and a dot per slice. */
  private static void line(
      StringBuilder s, ReportData d, LatencyScale scale, int r, int y, int rowH) {
    SliceLatency l = d.latencyOverTime();
    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    int run = 0;
    for (int b = 0; b <= d.buckets(); b++) {
      long p99 = b < d.buckets() ? l.p99(r, b) : SliceLatency.NONE;
      if (p99 == SliceLatency.NONE) {
        // A slice without a DPC start ends the line: the gap shows there was no figure.
        if (run >= 2) {
          s.append("<polyline fill=\"none\" stroke=\"")
              .append(LINE)
              .append("\" stroke-width=\"1.5\" points=\"")
              .append(points.toString().strip())
              .append("\"/>");
        }
        points.setLength(0);
        run = 0;
        continue;
      }
      double x = xOf(d, b);
      double py = yOf(scale, p99, y, rowH);
      points.append(xy(x)).append(',').append(xy(py)).append(' ');
      run++;
      dots.append("<circle class=\"point\"")
          .append(figure(d, r, b))
          .append(" cx=\"")
          .append(xy(x))
          .append("\" cy=\"")
          .append(xy(py))
          .append("\" r=\"2\" fill=\"")
          .append(LINE)
          .append("\"><title>")
          .append(tooltip(d, r, b))
          .append("</title></circle>");
    }
    s.append('\n').append(dots).append('\n');
  }

  /** A heat-map lane: a cell per slice with a figure, coloured by its class of the scale. */
  private static void heat(
      StringBuilder s, ReportData d, LatencyScale scale, int r, int y, int rowH) {
    SliceLatency l = d.latencyOverTime();
    double perNs = PLOT_W / (double) d.durationNs();
    for (int b = 0; b < d.buckets(); b++) {
      long p99 = l.p99(r, b);
      if (p99 == SliceLatency.NONE) {
        continue;
      }
      long from = b * d.bucketNs();
      long to = Math.min(d.durationNs(), from + d.bucketNs());
      s.append("<rect")
          .append(figure(d, r, b))
          .append(Html.box(LABEL_W + from * perNs, y, (to - from) * perNs, rowH))
          .append(" fill=\"")
          .append(Palette.latency(scale.classOf(p99), scale.classes()))
          .append("\"><title>")
          .append(tooltip(d, r, b))
          .append("</title></rect>");
    }
    s.append('\n');
  }

  /** The middle of slice {@code b} on the x axis. */
  private static double xOf(ReportData d, int b) {
    long from = b * d.bucketNs();
    long to = Math.min(d.durationNs(), from + d.bucketNs());
    return LABEL_W + PLOT_W * ((from + to) / 2.0) / d.durationNs();
  }

  /** A slice's figures as {@code data-*} attributes, each with a leading space. */
  private static String figure(ReportData d, int r, int b) {
    SliceLatency l = d.latencyOverTime();
    return " data-cpu=\""
        + d.rows().label(r)
        + "\" data-bucket=\""
        + b
        + "\" data-from-ns=\""
        + b * d.bucketNs()
        + "\" data-p99-ns=\""
        + l.p99(r, b)
        + "\" data-max-ns=\""
        + l.max(r, b)
        + "\" data-count=\""
        + l.count(r, b)
        + '"';
  }

  /** A slice's tooltip: where and when, then its p99, longest latency and DPCs started. */
  private static String tooltip(ReportData d, int r, int b) {
    SliceLatency l = d.latencyOverTime();
    long from = b * d.bucketNs();
    long to = Math.min(d.durationNs(), from + d.bucketNs());
    long count = l.count(r, b);
    return (d.rows().single() ? "cpu " : "cpus ")
        + d.rows().label(r)
        + ", "
        + Units.duration(from)
        + " to "
        + Units.duration(to)
        + ": p99 latency "
        + Units.duration(l.p99(r, b))
        + ", longest "
        + Units.duration(l.max(r, b))
        + ", "
        + count
        + (count == 1 ? " DPC started" : " DPCs started");
  }
}
