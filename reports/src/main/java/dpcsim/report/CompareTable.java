package dpcsim.report;

import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import java.util.ArrayList;
import java.util.List;

/**
 * The side-by-side table {@code dpcsim compare} prints: one column per profile, one row per
 * machine-wide figure. A profile whose run faulted shows {@code fault} in its column and the fault
 * below the table.
 */
public final class CompareTable {
  /** Characters of the trace hash shown; enough to tell runs apart, short enough for columns. */
  public static final int HASH_PREFIX = 12;

  private CompareTable() {}

  /**
   * @param scenario the scenario as loaded (its own profile, with the command line's seed and
   *     duration)
   * @param engine the engine that ran every profile
   * @param outcomes one per profile, in column order
   * @return the table as lines (no trailing newline)
   */
  public static List<String> render(
      Scenario scenario, String engine, List<ProfileOutcome> outcomes) {
    List<String> out = new ArrayList<>();
    out.add(ScenarioText.escape(scenario.name()));
    out.add(
        scenario.processors()
            + (scenario.processors() == 1 ? " processor" : " processors")
            + " | seed "
            + scenario.seed()
            + " | duration "
            + Units.duration(scenario.durationNs())
            + " | engine "
            + engine
            + " | the file's profile: "
            + scenario.profile());
    out.add("");
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[outcomes.size() + 1];
    header[0] = "";
    for (int i = 0; i < outcomes.size(); i++) {
      header[i + 1] = outcomes.get(i).column();
    }
    rows.add(header);
    for (CompareRows.Row row : CompareRows.ALL) {
      String[] cells = new String[outcomes.size() + 1];
      cells[0] = row.label();
      for (int i = 0; i < outcomes.size(); i++) {
        if (outcomes.get(i) instanceof ProfileOutcome.Ran r) {
          cells[i + 1] = row.text().apply(r.figures());
        } else {
          cells[i + 1] = row == CompareRows.ALL.get(0) ? "fault" : "-";
        }
      }
      rows.add(cells);
    }
    out.addAll(align(rows));
    out.add("");
    out.add(CompareRows.LEGEND);
    List<String> profiles = outcomes.stream().map(ProfileOutcome::profile).distinct().toList();
    out.addAll(ScenarioOverrides.describe(scenario, profiles));
    for (ProfileOutcome o : outcomes) {
      if (o instanceof ProfileOutcome.Faulted f) {
        out.add(ScenarioText.escape(f.column()) + ": fault: " + ScenarioText.escape(f.message()));
      }
    }
    return out;
  }

  /** The first column left-aligned (labels), the others right-aligned (figures). */
  private static List<String> align(List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      line.append(row[0]).append(" ".repeat(width[0] - row[0].length()));
      for (int i = 1; i < row.length; i++) {
        line.append("  ").append(" ".repeat(width[i] - row[i].length())).append(row[i]);
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
