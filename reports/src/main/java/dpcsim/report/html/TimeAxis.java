package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

import dpcsim.report.Units;

/** A simulated-time axis under a plot: five ticks from 0 to the duration. */
final class TimeAxis {
  private TimeAxis() {}

  static void append(StringBuilder s, int x0, int width, int y, long durationNs) {
    s.append("<g class=\"axis\"><line x1=\"")
        .append(x0)
        .append("\" y1=\"")
        .append(y + 4)
        .append("\" x2=\"")
        .append(x0 + width)
        .append("\" y2=\"")
        .append(y + 4)
        .append("\" stroke=\"#868e96\"/>");
    for (int i = 0; i <= 4; i++) {
      double x = x0 + width * i / 4.0;
      s.append("<line x1=\"")
          .append(xy(x))
          .append("\" y1=\"")
          .append(y + 4)
          .append("\" x2=\"")
          .append(xy(x))
          .append("\" y2=\"")
          .append(y + 9)
          .append("\" stroke=\"#868e96\"/><text x=\"")
          .append(xy(x))
          .append("\" y=\"")
          .append(y + 21)
          .append("\" text-anchor=\"")
          .append(i == 0 ? "start" : i == 4 ? "end" : "middle")
          .append("\">")
          .append(Units.duration(durationNs * i / 4))
          .append("</text>");
    }
    s.append("<text x=\"")
        .append(x0 + width / 2)
        .append("\" y=\"")
        .append(y + 35)
        .append("\" text-anchor=\"middle\" class=\"axis-title\">simulated time</text></g>\n");
  }

  /** Greys out the part of a plot after a watchdog stop: nothing was simulated there. */
  static void notSimulated(StringBuilder s, int x0, int width, int top, int plotH, ReportData d) {
    if (d.simulatedNs() >= d.durationNs()) {
      return;
    }
    double x = x0 + width * (d.simulatedNs() / (double) d.durationNs());
    s.append("<rect class=\"not-simulated\" x=\"")
        .append(xy(x))
        .append("\" y=\"")
        .append(top)
        .append("\" width=\"")
        .append(xy(x0 + width - x))
        .append("\" height=\"")
        .append(plotH)
        .append(
            "\" fill=\"#adb5bd\" fill-opacity=\"0.5\"><title>not simulated: the run stopped at ")
        .append(Units.duration(d.simulatedNs()))
        .append(" (DPC watchdog)</title></rect>\n");
  }
}
