package dpcsim.report.html;

import dpcsim.report.CompareRows;
import dpcsim.report.ProfileFigures;
import dpcsim.report.SweepFigures;
import dpcsim.report.SweepReport;
import dpcsim.report.Units;
import dpcsim.scenario.Scenario;
import java.util.List;

/**
 * {@code dpcsim sweep --html FILE}: the sweep as one self-contained page (the frame of {@link
 * Page}: inline CSS and SVG, no script, nothing fetched). A line chart per {@code --show} figure
 * over the swept values ({@link SweepChart}), then the table {@code sweep} prints: a row per value
 * ({@code data-point}, {@code data-x}), a cell per figure with {@code data-figure} and {@code
 * data-value}, the figure as {@code --json} writes it. The page holds no wall-clock time: the same
 * sweep gives the same bytes.
 */
public final class SweepHtml {
  private SweepHtml() {}

  /**
   * @param scenario the first point's scenario (its name, processors, profile, seed, duration)
   * @param over the swept field's path
   * @param show the figures' names ({@link SweepFigures#BY_NAME}), a chart and a column each
   * @return the page
   */
  public static String render(
      Scenario scenario, String over, List<String> show, List<SweepReport.Point> points) {
    String name = Html.esc(scenario.name());
    StringBuilder s = Page.start("dpcsim sweep: " + name, name);
    Page.fact(s, "processors", Integer.toString(scenario.processors()));
    Page.fact(s, "profile", scenario.profile());
    Page.fact(s, "seed", Long.toString(scenario.seed()));
    Page.fact(s, "duration", Units.duration(scenario.durationNs()));
    Page.fact(s, "engine", "sequential");
    Page.fact(s, "swept", over);
    Page.fact(s, "points", Integer.toString(points.size()));
    Page.endHeader(s);
    SweepAxis axis = SweepAxis.of(points.stream().map(SweepReport.Point::value).toList());
    String field = Html.esc(over);
    s.append("<section id=\"charts\">\n<h2>")
        .append(field)
        .append(" swept over ")
        .append(points.size())
        .append(points.size() == 1 ? " value" : " values")
        .append("</h2>\n");
    s.append("<p class=\"caption\">")
        .append(
            Html.esc(
                "One run per value of "
                    + over
                    + ", each the same as dpcsim run with --set "
                    + over
                    + "=VALUE. "
                    + (axis.numeric()
                        ? "The values are numbers, placed to scale along x."
                        : "The values are not all numbers (with one unit): one slot each, in the"
                            + " order given.")
                    + " Each chart starts at 0 and has its own scale; a dot is a run, labelled"
                    + " with its figure where there is room (hover a dot for it). A latency where"
                    + " no DPC ran is a gap. "
                    + CompareRows.LEGEND
                    + "."))
        .append("</p>\n");
    int drawn = 0;
    for (String figure : show) {
      CompareRows.Row row = SweepFigures.BY_NAME.get(figure);
      s.append("<h3 data-figure=\"")
          .append(figure)
          .append("\">")
          .append(figure)
          .append(" <span class=\"total\">(")
          .append(Html.esc(row.label()))
          .append(")</span></h3>\n");
      if (!SweepChart.drawable(row)) {
        s.append("<p class=\"caption\">Not a number: see the table.</p>\n");
        continue;
      }
      s.append("<div class=\"figure\">")
          .append(SweepChart.svg(figure, row, over, axis, points, Palette.series(drawn++)))
          .append("</div>\n");
    }
    s.append("</section>\n");
    table(s, over, show, points);
    return Page.end(
        s, "dpcsim sweep as HTML. It needs no network: charts are inline SVG, no script.");
  }

  private static void table(
      StringBuilder s, String over, List<String> show, List<SweepReport.Point> points) {
    s.append("<section id=\"sweep\">\n<h2>The table</h2>\n<div class=\"figure\">");
    s.append("<table class=\"summary\" id=\"sweep-table\">\n<thead><tr><th class=\"name\">")
        .append(Html.esc(over))
        .append("</th>");
    for (String figure : show) {
      s.append("<th data-figure=\"").append(figure).append("\">").append(figure).append("</th>");
    }
    s.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < points.size(); i++) {
      SweepReport.Point p = points.get(i);
      String value = Html.esc(p.value());
      s.append("<tr data-point=\"")
          .append(i)
          .append("\" data-x=\"")
          .append(value)
          .append("\"><td class=\"name\">")
          .append(value)
          .append("</td>");
      ProfileFigures f = p.figures();
      for (String figure : show) {
        CompareRows.Row row = SweepFigures.BY_NAME.get(figure);
        s.append("<td data-figure=\"")
            .append(figure)
            .append("\" data-value=\"")
            .append(Html.esc(row.value().apply(f)))
            .append("\">")
            .append(Html.esc(row.text().apply(f)))
            .append("</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</tbody>\n</table>\n</div>\n<p class=\"caption\">")
        .append(Html.esc(CompareRows.LEGEND))
        .append(". The same figures as dpcsim sweep prints; each cell's --json figure is in its")
        .append(" data-value.</p>\n</section>\n");
  }
}
