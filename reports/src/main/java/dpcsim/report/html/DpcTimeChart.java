package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

import dpcsim.report.Units;
import dpcsim.stats.DpcStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DPC time by KDPC, LatencyMon's "drivers with highest execution" view: one horizontal bar per
 * KDPC, its routine time ({@code DpcStats.dpcTimeNs}, without ISRs) as a share of all processors'
 * time, longest first (ties by name), at most {@link #TOP} bars and then one for all the others.
 * Bars are scaled to the longest. Each bar is a {@code rect} with {@code data-dpc} (or {@code
 * data-others}, how many KDPCs it sums), {@code data-rank}, {@code data-ns}, {@code data-of-ns} and
 * {@code data-executed}.
 */
final class DpcTimeChart {
  /** Bars drawn before the rest are summed into one. */
  static final int TOP = 20;

  private static final int NAME_CHARS = 32;

  /** The other charts' label column: short names line the bars up with theirs. */
  private static final int LABEL_W = 70;

  private static final int PLOT_W = 640;
  private static final int RIGHT_W = 130;
  private static final int ROW_H = 18;
  private static final int GAP = 4;
  private static final int TOP_Y = 6;

  /**
   * One bar.
   *
   * @param dpc the KDPC's name, or null for the bar of the others
   * @param others how many KDPCs the bar sums (1 for a KDPC's own bar)
   */
  record Bar(String dpc, int others, long ns, long executed) {
    String label() {
      return dpc != null ? dpc : others + (others == 1 ? " other" : " others");
    }
  }

  private DpcTimeChart() {}

  /**
   * @return the bars for {@code dpcs}: by time, longest first, then by name; past {@link #TOP}, one
   *     bar for the rest
   */
  static List<Bar> bars(List<DpcStats> dpcs) {
    List<DpcStats> sorted = new ArrayList<>(dpcs);
    sorted.sort(
        Comparator.comparingLong(DpcStats::dpcTimeNs).reversed().thenComparing(DpcStats::dpc));
    List<Bar> bars = new ArrayList<>();
    int shown = sorted.size() > TOP ? TOP : sorted.size();
    for (int i = 0; i < shown; i++) {
      DpcStats d = sorted.get(i);
      bars.add(new Bar(d.dpc(), 1, d.dpcTimeNs(), d.dpcExecuted()));
    }
    if (shown < sorted.size()) {
      long ns = 0;
      long executed = 0;
      for (DpcStats d : sorted.subList(shown, sorted.size())) {
        ns += d.dpcTimeNs();
        executed += d.dpcExecuted();
      }
      bars.add(new Bar(null, sorted.size() - shown, ns, executed));
    }
    return bars;
  }

  /**
   * @param allNs all processors' time (simulated time x processors), the whole of each share
   */
  static String svg(List<DpcStats> dpcs, long allNs) {
    List<Bar> bars = bars(dpcs);
    int longest = 4;
    for (Bar b : bars) {
      longest = Math.max(longest, Math.min(NAME_CHARS, b.label().length()));
    }
    // About 6.5 px per character at the chart's 11 px font.
    int labelW = Math.max(LABEL_W, 12 + (int) Math.ceil(longest * 6.5));
    long max = 1;
    for (Bar b : bars) {
      max = Math.max(max, b.ns());
    }
    int height = TOP_Y + bars.size() * (ROW_H + GAP) + 4;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"dpc-time-chart\"")
        .append(" width=\"")
        .append(labelW + PLOT_W + RIGHT_W)
        .append("\" height=\"")
        .append(height)
        .append("\" data-of-ns=\"")
        .append(allNs)
        .append("\">\n");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = TOP_Y + i * (ROW_H + GAP);
      double w = PLOT_W * b.ns() / (double) max;
      String pct = Html.pct(b.ns(), allNs);
      String label = Html.esc(b.label());
      s.append("<g class=\"dpc-row\"><text x=\"")
          .append(labelW - 6)
          .append("\" y=\"")
          .append(y + ROW_H / 2 + 4)
          .append("\" text-anchor=\"end\">")
          .append(Html.esc(shortName(b.label())))
          .append("</text><rect ")
          .append(
              b.dpc() != null ? "data-dpc=\"" + label + "\"" : "data-others=\"" + b.others() + "\"")
          .append(" data-rank=\"")
          .append(i + 1)
          .append("\" data-ns=\"")
          .append(b.ns())
          .append("\" data-of-ns=\"")
          .append(allNs)
          .append("\" data-executed=\"")
          .append(b.executed())
          .append('"')
          .append(Html.box(labelW, y, w, ROW_H))
          .append(" fill=\"")
          .append(b.dpc() != null ? Palette.DPC : Palette.OTHER)
          .append("\"><title>")
          .append(label)
          .append(": ")
          .append(Units.duration(b.ns()))
          .append(", ")
          .append(pct)
          .append("% of all processors' time, ")
          .append(b.executed())
          .append(b.executed() == 1 ? " call" : " calls")
          .append("</title></rect><text x=\"")
          .append(xy(labelW + w + 6))
          .append("\" y=\"")
          .append(y + ROW_H / 2 + 4)
          .append("\">")
          .append(Units.duration(b.ns()))
          .append(" (")
          .append(pct)
          .append("%)</text></g>\n");
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** A name cut to fit the label column (the bar's tooltip has it whole). */
  private static String shortName(String name) {
    return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…";
  }
}
