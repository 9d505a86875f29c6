package dpcsim.report;

import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import dpcsim.trace.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dpcsim sweep}: one row per value of the swept field, as a table of the chosen figures or
 * as JSON ({@code {"scenario","over","points":[{"value",...every figure}]}}).
 */
public final class SweepReport {
  private SweepReport() {}

  /**
   * One point of the sweep.
   *
   * @param value the field's value, as given
   * @param figures the run's machine-wide figures
   */
  public record Point(String value, ProfileFigures figures) {}

  /**
   * @param over the swept field's path
   * @param show the figures' names ({@link SweepFigures#BY_NAME}), one column each
   * @return the table as lines
   */
  public static List<String> table(
      Scenario scenario, String over, List<String> show, List<Point> points) {
    List<String> out = new ArrayList<>();
    out.add(ScenarioText.escape(scenario.name()));
    out.add(
        scenario.processors()
            + (scenario.processors() == 1 ? " processor" : " processors")
            + " | profile "
            + scenario.profile()
            + " | seed "
            + scenario.seed()
            + " | duration "
            + Units.duration(scenario.durationNs())
            + " | "
            + points.size()
            + " points");
    out.add("");
    String[] header = new String[show.size() + 1];
    header[0] = ScenarioText.escape(over);
    for (int i = 0; i < show.size(); i++) {
      header[i + 1] = show.get(i);
    }
    TextTable t = new TextTable(true, header);
    for (Point p : points) {
      String[] cells = new String[show.size() + 1];
      cells[0] = ScenarioText.escape(p.value());
      for (int i = 0; i < show.size(); i++) {
        cells[i + 1] = SweepFigures.BY_NAME.get(show.get(i)).text().apply(p.figures());
      }
      t.add(cells);
    }
    t.render(out);
    out.add("");
    out.add(CompareRows.LEGEND);
    return out;
  }

  /**
   * @return one JSON object (no trailing newline); a value that is a plain number is a JSON number,
   *     any other a string
   */
  public static String json(Scenario scenario, String over, List<Point> points) {
    StringBuilder out = new StringBuilder(256 + 400 * points.size());
    out.append("{\"scenario\":");
    Json.quote(out, scenario.name());
    Json.num(out, "seed", scenario.seed());
    Json.num(out, "processors", scenario.processors());
    Json.str(out, "over", over);
    out.append(",\"points\":[");
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      out.append(i > 0 ? "," : "").append("{\"value\":");
      if (p.value().matches("-?(0|[1-9][0-9]{0,17})(\\.[0-9]+)?")) {
        out.append(p.value());
      } else {
        Json.quote(out, p.value());
      }
      CompareJson.figures(out, p.figures());
      out.append('}');
    }
    out.append("]}");
    return out.toString();
  }
}
