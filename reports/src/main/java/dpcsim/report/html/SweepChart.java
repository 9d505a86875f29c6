package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

import dpcsim.report.CompareRows;
import dpcsim.report.ProfileFigures;
import dpcsim.report.SweepReport;
import dpcsim.report.Units;
import java.util.List;

/**
 * One figure of a sweep as a line chart: the swept values along x ({@link SweepAxis}), the figure
 * up from 0, each point marked and labelled with the figure as the table writes it (labels that
 * would overlap are left to the tooltip). A time is drawn as its share of all processors' time, as
 * in the table. A point without the figure (a latency where no DPC ran, {@code -} in the table) is
 * a gap in the line. Each point is a {@code circle} with {@code data-figure}, {@code data-point}
 * (its index in the sweep), {@code data-x} (the value) and {@code data-value} (the figure as {@code
 * --json} writes it), and a {@code <title>}.
 */
final class SweepChart {
  private static final int LEFT = 64;
  private static final int PLOT_W = 680;
  private static final int RIGHT = 40;
  private static final int TOP = 24;
  private static final int PLOT_H = 140;

  /** How a figure is drawn and its ticks written. */
  private enum Kind {
    COUNT,
    SHARE,
    LATENCY
  }

  private SweepChart() {}

  /**
   * @return whether {@code row} is a number a chart can draw (not the trace's hash)
   */
  static boolean drawable(CompareRows.Row row) {
    return !row.key().equals("traceSha256") && !row.key().equals("stoppedByWatchdog");
  }

  /**
   * @param name the figure's {@code --show} name, e.g. {@code lat-p99}
   * @param colour the line's colour
   */
  static String svg(
      String name,
      CompareRows.Row row,
      String over,
      SweepAxis axis,
      List<SweepReport.Point> points,
      String colour) {
    Kind kind =
        row.key().endsWith("TimeNs")
            ? Kind.SHARE
            : row.key().startsWith("latencyNs") ? Kind.LATENCY : Kind.COUNT;
    int n = points.size();
    double[] y = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      ProfileFigures f = points.get(i).figures();
      double v = Double.parseDouble(row.value().apply(f));
      // The table's "-" (no DPC ran, so no latency) is no point at all, not a 0.
      y[i] =
          row.text().apply(f).equals("-")
              ? Double.NaN
              : kind == Kind.SHARE ? 100 * v / Math.max(1, f.cpuTimeNs()) : v;
      if (!Double.isNaN(y[i])) {
        max = Math.max(max, y[i]);
      }
    }
    double step = step(max, kind);
    double top = Math.max(step, Math.ceil(max / step) * step);
    int base = TOP + PLOT_H;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart sweep\" id=\"sweep-")
        .append(name)
        .append("-chart\" width=\"")
        .append(LEFT + PLOT_W + RIGHT)
        .append("\" height=\"")
        .append(base + 46)
        .append("\" data-figure=\"")
        .append(name)
        .append("\" data-key=\"")
        .append(row.key())
        .append("\" data-axis=\"")
        .append(axis.numeric() ? "numeric" : "categorical")
        .append("\">\n");
    for (double t = 0; t <= top + step / 2; t += step) {
      double ty = base - PLOT_H * t / top;
      s.append("<line x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(xy(ty))
          .append("\" x2=\"")
          .append(LEFT + PLOT_W)
          .append("\" y2=\"")
          .append(xy(ty))
          .append(t == 0 ? "\" stroke=\"#868e96\"/>" : "\" stroke=\"#e9ecef\"/>")
          .append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(xy(ty + 4))
          .append("\" text-anchor=\"end\" data-tick=\"")
          .append(xy(t))
          .append("\">")
          .append(tick(t, kind))
          .append("</text>");
    }
    s.append('\n');
    xAxis(s, over, axis, base);
    line(s, axis, y, top, base, colour);
    points(s, name, row, over, axis, points, y, top, base, colour);
    s.append("</svg>\n");
    return s.toString();
  }

  private static double xOf(SweepAxis axis, int i) {
    return LEFT + PLOT_W * axis.at(i);
  }

  private static double yOf(double v, double top, int base) {
    return base - PLOT_H * v / top;
  }

  /** The values under their points, then the swept field's path as the axis title. */
  private static void xAxis(StringBuilder s, String over, SweepAxis axis, int base) {
    s.append("<g class=\"axis\">");
    for (SweepAxis.Tick t : axis.ticks(PLOT_W)) {
      double x = LEFT + PLOT_W * t.at();
      s.append("<line x1=\"")
          .append(xy(x))
          .append("\" y1=\"")
          .append(base)
          .append("\" x2=\"")
          .append(xy(x))
          .append("\" y2=\"")
          .append(base + 5)
          .append("\" stroke=\"#868e96\"/><text x=\"")
          .append(xy(x))
          .append("\" y=\"")
          .append(base + 18)
          .append("\" text-anchor=\"middle\">")
          .append(Html.esc(t.label()))
          .append("</text>");
    }
    s.append("<text x=\"")
        .append(LEFT + PLOT_W / 2)
        .append("\" y=\"")
        .append(base + 36)
        .append("\" text-anchor=\"middle\" class=\"axis-title\">")
        .append(Html.esc(over))
        .append(axis.numeric() ? "" : " (one slot per value, in the order given)")
        .append("</text></g>\n");
  }

  /** The line through the points from left to right, broken where a point has no figure. */
  private static void line(
      StringBuilder s, SweepAxis axis, double[] y, double top, int base, String colour) {
    StringBuilder run = new StringBuilder();
    int inRun = 0;
    for (int i : axis.order()) {
      if (Double.isNaN(y[i])) {
        inRun = flush(s, run, inRun, colour);
        continue;
      }
      run.append(xy(xOf(axis, i))).append(',').append(xy(yOf(y[i], top, base))).append(' ');
      inRun++;
    }
    flush(s, run, inRun, colour);
  }

  private static int flush(StringBuilder s, StringBuilder run, int inRun, String colour) {
    if (inRun >= 2) {
      s.append("<polyline fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2\" points=\"")
          .append(run.toString().strip())
          .append("\"/>\n");
    }
    run.setLength(0);
    return 0;
  }

  /** A dot per point with its tooltip, and its figure above it where the label has room. */
  private static void points(
      StringBuilder s,
      String name,
      CompareRows.Row row,
      String over,
      SweepAxis axis,
      List<SweepReport.Point> points,
      double[] y,
      double top,
      int base,
      String colour) {
    double lastRight = -Double.MAX_VALUE;
    for (int i : axis.order()) {
      ProfileFigures f = points.get(i).figures();
      String text = Html.esc(row.text().apply(f));
      String value = Html.esc(points.get(i).value());
      double x = xOf(axis, i);
      if (Double.isNaN(y[i])) {
        continue;
      }
      double py = yOf(y[i], top, base);
      s.append("<circle class=\"point\" data-figure=\"")
          .append(name)
          .append("\" data-point=\"")
          .append(i)
          .append("\" data-x=\"")
          .append(value)
          .append("\" data-value=\"")
          .append(Html.esc(row.value().apply(f)))
          .append("\" cx=\"")
          .append(xy(x))
          .append("\" cy=\"")
          .append(xy(py))
          .append("\" r=\"3.5\" fill=\"")
          .append(colour)
          .append("\"><title>")
          .append(Html.esc(over))
          .append('=')
          .append(value)
          .append(": ")
          .append(name)
          .append(' ')
          .append(text)
          .append("</title></circle>");
      double half = row.text().apply(f).length() * 3.25 + 3;
      if (x - half >= lastRight) {
        s.append("<text class=\"point-label\" data-point=\"")
            .append(i)
            .append("\" x=\"")
            .append(xy(x))
            .append("\" y=\"")
            .append(xy(py - 8))
            .append("\" text-anchor=\"middle\">")
            .append(text)
            .append("</text>");
        lastRight = x + half;
      }
      s.append('\n');
    }
  }

  /**
   * A round step for about four gridlines up to {@code max}: 1, 2, 2.5 or 5 times a power of 10.
   */
  private static double step(double max, Kind kind) {
    if (max <= 0) {
      return kind == Kind.LATENCY ? 250 : kind == Kind.SHARE ? 0.25 : 1;
    }
    double raw = max / 4;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double step =
        raw <= p
            ? p
            : raw <= 2 * p ? 2 * p : raw <= 2.5 * p ? 2.5 * p : raw <= 5 * p ? 5 * p : 10 * p;
    // Counts and nanoseconds are whole: no gridline at 2.5 DPCs.
    return kind == Kind.SHARE ? step : Math.max(1, Math.ceil(step));
  }

  private static String tick(double v, Kind kind) {
    return switch (kind) {
      case LATENCY -> LatencyScale.label(Math.round(v));
      case SHARE -> trim(Html.fixed(v, 2)) + "%";
      case COUNT -> v >= 10_000 ? Units.count(Math.round(v)) : Long.toString(Math.round(v));
    };
  }

  /** {@code 2.50} as {@code 2.5}, {@code 10.00} as {@code 10}. */
  private static String trim(String fixed) {
    String t = fixed.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
