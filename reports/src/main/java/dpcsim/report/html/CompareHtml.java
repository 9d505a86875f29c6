package dpcsim.report.html;

import dpcsim.report.CompareRows;
import dpcsim.report.ProfileFigures;
import dpcsim.report.ProfileOutcome;
import dpcsim.report.ScenarioOverrides;
import dpcsim.report.Units;
import dpcsim.scenario.Scenario;
import java.util.List;

/**
 * {@code dpcsim compare --html FILE}: the comparison as one self-contained page (the frame of
 * {@link Page}: inline CSS and SVG, no script, nothing fetched). It holds the table {@code compare}
 * prints ({@link CompareRows}: one row per figure, one column per profile; each cell has {@code
 * data-profile} and {@code data-value}, the figure as {@code --json} writes it, and each row {@code
 * data-key}, its JSON key) and a bar chart per figure worth comparing by eye, one bar per profile
 * ({@code data-figure}, {@code data-profile}, {@code data-value}, a {@code <title>}). A profile
 * whose run faulted shows {@code fault} and its message. The page holds no wall-clock time.
 */
public final class CompareHtml {
  /**
   * A chart: its title, and the figures drawn, one panel each.
   *
   * @param keys the {@link CompareRows} keys of its figures
   */
  private record Chart(String id, String title, String caption, List<String> keys) {}

  private static final List<Chart> CHARTS =
      List.of(
          new Chart(
              "interrupts",
              "DPC interrupts and IPIs",
              "DPC interrupts requested (locally or by IPI, at the tick, by a flush) and IPIs sent,"
                  + " summed over the processors: where profiles differ most (R-14).",
              List.of("dpcInterrupts", "ipisSent")),
          new Chart(
              "latency",
              "DPC latency",
              "Insert-to-start latency over every DPC of the machine (nearest-rank percentiles).",
              List.of("latencyNs.p50", "latencyNs.p99", "latencyNs.max")),
          new Chart(
              "load",
              "DPC time and queue depth",
              "DPC time as a share of all processors' time; the deepest any DPC queue got.",
              List.of("dpcTimeNs", "maxQueueDepth")));

  private static final int LEFT = 8;
  private static final int BAR_W = 60;
  private static final int GAP = 14;
  private static final int TOP = 20;
  private static final int PLOT_H = 130;

  private CompareHtml() {}

  /**
   * @param scenario the scenario as loaded (its own profile, with the command line's seed and
   *     duration)
   * @param engine the engine that ran every profile
   * @param outcomes one per profile, in column order
   * @return the page
   */
  public static String render(Scenario scenario, String engine, List<ProfileOutcome> outcomes) {
    String name = Html.esc(scenario.name());
    StringBuilder s = Page.start("dpcsim compare: " + name, name);
    Page.fact(s, "processors", Integer.toString(scenario.processors()));
    Page.fact(s, "seed", Long.toString(scenario.seed()));
    Page.fact(s, "duration", Units.duration(scenario.durationNs()));
    Page.fact(s, "engine", engine);
    Page.fact(s, "the file's profile", scenario.profile());
    Page.fact(
        s, "columns", String.join(", ", outcomes.stream().map(ProfileOutcome::column).toList()));
    Page.endHeader(s);
    s.append("<section id=\"compare\">\n<h2>Side by side</h2>\n");
    s.append("<div class=\"figure\">");
    table(s, outcomes);
    s.append("</div>\n");
    s.append("<p class=\"caption\">").append(Html.esc(CompareRows.LEGEND)).append(".</p>\n");
    overrides(s, scenario, outcomes);
    for (ProfileOutcome o : outcomes) {
      if (o instanceof ProfileOutcome.Faulted f) {
        s.append("<p class=\"fault\" data-profile=\"")
            .append(Html.esc(f.column()))
            .append("\">")
            .append(Html.esc(f.column() + ": fault: " + f.message()))
            .append("</p>\n");
      }
    }
    s.append("</section>\n");
    for (Chart c : CHARTS) {
      s.append("<section id=\"")
          .append(c.id())
          .append("\">\n<h2>")
          .append(c.title())
          .append("</h2>\n<div class=\"panels\">\n");
      for (String key : c.keys()) {
        CompareRows.Row row = CompareRows.byKey(key);
        s.append("<div class=\"panel\"><h3>")
            .append(Html.esc(row.label()))
            .append("</h3><div class=\"figure\">")
            .append(panel(row, outcomes))
            .append("</div></div>\n");
      }
      s.append("</div>\n<p class=\"caption\">")
          .append(Html.esc(c.caption()))
          .append(" Each panel has its own scale; hover a bar for its figure.</p>\n</section>\n");
    }
    return Page.end(
        s, "dpcsim compare as HTML. It needs no network: charts are inline SVG, no script.");
  }

  private static void table(StringBuilder s, List<ProfileOutcome> outcomes) {
    s.append("<table class=\"summary\" id=\"compare-table\">\n<thead><tr><th class=\"name\"></th>");
    for (int i = 0; i < outcomes.size(); i++) {
      ProfileOutcome o = outcomes.get(i);
      // Underlined in the profile's colour, as its bars below.
      s.append("<th data-profile=\"")
          .append(Html.esc(o.column()))
          .append("\" style=\"border-bottom:3px solid ")
          .append(Palette.series(i))
          .append('"')
          .append(o instanceof ProfileOutcome.Faulted ? " class=\"fault\"" : "")
          .append('>')
          .append(Html.esc(o.column()))
          .append("</th>");
    }
    s.append("</tr></thead>\n<tbody>\n");
    for (CompareRows.Row row : CompareRows.ALL) {
      s.append("<tr data-key=\"")
          .append(row.key())
          .append("\"><th class=\"name\">")
          .append(Html.esc(row.label()))
          .append("</th>");
      for (ProfileOutcome o : outcomes) {
        s.append("<td data-profile=\"").append(Html.esc(o.column())).append('"');
        if (o instanceof ProfileOutcome.Ran r) {
          String value = row.value().apply(r.figures());
          s.append(" data-value=\"").append(Html.esc(value)).append('"');
          if (row.key().equals("traceSha256")) { // the table shows a prefix: the tooltip, all
            s.append(" title=\"").append(Html.esc(value)).append('"');
          }
          s.append('>').append(Html.esc(row.text().apply(r.figures())));
        } else {
          // Like the text table: the first row says fault, the others have no figure.
          String message = Html.esc(((ProfileOutcome.Faulted) o).message());
          s.append(" class=\"fault\" data-fault=\"")
              .append(message)
              .append("\" title=\"")
              .append(message)
              .append("\">")
              .append(row == CompareRows.ALL.get(0) ? "fault" : "-");
        }
        s.append("</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</tbody>\n</table>\n");
  }

  private static void overrides(StringBuilder s, Scenario scenario, List<ProfileOutcome> outcomes) {
    List<String> lines =
        ScenarioOverrides.describe(
            scenario, outcomes.stream().map(ProfileOutcome::profile).distinct().toList());
    s.append("<p class=\"caption\" id=\"overrides\">").append(Html.esc(lines.get(0)));
    if (lines.size() > 1) {
      s.append("</p>\n<ul class=\"caption\">");
      for (String line : lines.subList(1, lines.size())) {
        s.append("<li>").append(Html.esc(line.strip())).append("</li>");
      }
      s.append("</ul>\n");
    } else {
      s.append("</p>\n");
    }
  }

  /**
   * One figure's bars, one per profile in column order, on a scale from 0 to the largest. A time is
   * drawn as its share of all processors' time (a run the watchdog stopped is shorter).
   */
  private static String panel(CompareRows.Row row, List<ProfileOutcome> outcomes) {
    boolean share = row.key().endsWith("TimeNs");
    int n = outcomes.size();
    double[] size = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      if (outcomes.get(i) instanceof ProfileOutcome.Ran r) {
        ProfileFigures f = r.figures();
        long v = Long.parseLong(row.value().apply(f));
        size[i] = share ? v / (double) Math.max(1, f.cpuTimeNs()) : v;
        max = Math.max(max, size[i]);
      }
    }
    int width = LEFT * 2 + n * (BAR_W + GAP) - GAP;
    int base = TOP + PLOT_H;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart compare\" id=\"")
        .append(row.key().replace('.', '-'))
        .append("-chart\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(base + 22)
        .append("\" data-figure=\"")
        .append(row.key())
        .append("\">\n");
    for (int i = 0; i < n; i++) {
      ProfileOutcome o = outcomes.get(i);
      String profile = Html.esc(o.column());
      int x = LEFT + i * (BAR_W + GAP);
      int mid = x + BAR_W / 2;
      double h = 0;
      if (o instanceof ProfileOutcome.Ran r) {
        ProfileFigures f = r.figures();
        String text = Html.esc(row.text().apply(f));
        h = max <= 0 ? 0 : PLOT_H * size[i] / max;
        // A figure above zero stays visible however small beside the largest.
        h = size[i] > 0 ? Math.max(1, h) : 0;
        s.append("<rect class=\"bar\" data-figure=\"")
            .append(row.key())
            .append("\" data-profile=\"")
            .append(profile)
            .append("\" data-value=\"")
            .append(Html.esc(row.value().apply(f)))
            .append('"');
        if (share) {
          s.append(" data-of-ns=\"").append(f.cpuTimeNs()).append('"');
        }
        s.append(Html.box(x, base - h, BAR_W, h))
            .append(" fill=\"")
            .append(Palette.series(i))
            .append("\"><title>")
            .append(profile)
            .append(": ")
            .append(Html.esc(row.label()))
            .append(' ')
            .append(text)
            .append("</title></rect><text x=\"")
            .append(mid)
            .append("\" y=\"")
            .append(Html.xy(base - h - 4))
            .append("\" text-anchor=\"middle\">")
            .append(text)
            .append("</text>");
      } else {
        s.append("<text class=\"fault\" data-profile=\"")
            .append(profile)
            .append("\" x=\"")
            .append(mid)
            .append("\" y=\"")
            .append(base - 4)
            .append("\" text-anchor=\"middle\" fill=\"#c92a2a\">fault<title>")
            .append(Html.esc(((ProfileOutcome.Faulted) o).message()))
            .append("</title></text>");
      }
      s.append("<text x=\"")
          .append(mid)
          .append("\" y=\"")
          .append(base + 15)
          .append("\" text-anchor=\"middle\">")
          .append(profile)
          .append("</text>\n");
    }
    s.append("<line x1=\"0\" y1=\"")
        .append(base)
        .append("\" x2=\"")
        .append(width)
        .append("\" y2=\"")
        .append(base)
        .append("\" stroke=\"#868e96\"/>\n</svg>\n");
    return s.toString();
  }
}
