package dpcsim.report.html;

import static dpcsim.report.html.Html.xy;

/**
 * The IPI matrix: senders down, receivers across, one cell per pair of rows (processors, or ranges
 * of processors above 64), coloured by count on a log scale. Each cell is a {@code rect} with
 * {@code data-from}, {@code data-to} and {@code data-count}; each sender row ends with its total
 * ({@code data-sent}).
 */
final class IpiMatrixChart {
  private static final int LABEL_W = 70;
  private static final int TOP = 40;

  private IpiMatrixChart() {}

  static String svg(ReportData d) {
    CpuRows rows = d.rows();
    int n = rows.count();
    int cell = Math.max(Labels.MIN_ROW, Math.min(44, 640 / n));
    boolean numbers = cell >= 28;
    long max = 0;
    for (int f = 0; f < n; f++) {
      for (int t = 0; t < n; t++) {
        max = Math.max(max, d.ipis(f, t));
      }
    }
    int side = n * cell;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"ipi-chart\" width=\"")
        .append(LABEL_W + side + 100)
        .append("\" height=\"")
        .append(TOP + side + 30)
        .append("\">\n");
    s.append("<text x=\"")
        .append(LABEL_W + side / 2)
        .append("\" y=\"12\" text-anchor=\"middle\" class=\"axis-title\">receiver (cpu)</text>");
    s.append("<text x=\"12\" y=\"")
        .append(TOP + side / 2)
        .append("\" text-anchor=\"middle\" class=\"axis-title\" transform=\"rotate(-90 12 ")
        .append(TOP + side / 2)
        .append(")\">sender (cpu)</text>\n");
    for (int i = 0; i < n; i++) {
      double mid = i * cell + cell / 2.0;
      // Every sender and receiver is named. Above 16 the receivers' names stand on end, so two
      // digits fit a 12 px column.
      String x = xy(LABEL_W + mid + (n > 16 ? 4 : 0));
      s.append("<text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(TOP - 6)
          .append(
              n > 16
                  ? "\" transform=\"rotate(-90 " + x + " " + (TOP - 6) + ")\" text-anchor=\"start\""
                  : "\" text-anchor=\"middle\"")
          .append(" class=\"small\">")
          // A range's first processor only: ranges side by side would run into each other.
          .append(rows.first(i))
          .append("</text><text x=\"")
          .append(LABEL_W - 6)
          .append("\" y=\"")
          .append(xy(TOP + mid + 4))
          .append("\" text-anchor=\"end\" class=\"small\">")
          .append(rows.label(i))
          .append("</text>\n");
    }
    String who = rows.single() ? "cpu " : "cpus ";
    for (int f = 0; f < n; f++) {
      long sent = 0;
      for (int t = 0; t < n; t++) {
        long count = d.ipis(f, t);
        sent += count;
        int x = LABEL_W + t * cell;
        int y = TOP + f * cell;
        s.append("<rect data-from=\"")
            .append(rows.label(f))
            .append("\" data-to=\"")
            .append(rows.label(t))
            .append("\" data-count=\"")
            .append(count)
            .append('"')
            .append(Html.box(x, y, cell - 1, cell - 1))
            .append(" fill=\"")
            .append(count == 0 ? Palette.EMPTY : Palette.ipis(count, max))
            .append("\"><title>")
            .append(who)
            .append(rows.label(f))
            .append(" to ")
            .append(who)
            .append(rows.label(t))
            .append(": ")
            .append(count)
            .append(count == 1 ? " IPI" : " IPIs")
            .append("</title></rect>");
        if (numbers && count > 0) {
          s.append("<text x=\"")
              .append(xy(x + (cell - 1) / 2.0))
              .append("\" y=\"")
              .append(xy(y + (cell - 1) / 2.0 + 4))
              .append("\" text-anchor=\"middle\" class=\"small\" fill=\"")
              .append(Palette.dark(count, max) ? "#fff" : Palette.INK)
              .append("\">")
              .append(count)
              .append("</text>");
        }
      }
      s.append("<text class=\"small\" data-sent=\"")
          .append(sent)
          .append("\" x=\"")
          .append(LABEL_W + side + 6)
          .append("\" y=\"")
          .append(xy(TOP + f * cell + cell / 2.0 + 4))
          .append("\">")
          .append(sent)
          .append(" sent</text>\n");
    }
    s.append("</svg>\n");
    return s.toString();
  }
}
