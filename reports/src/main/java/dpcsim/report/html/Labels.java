package dpcsim.report.html;

/**
 * Lane names. Every lane is named, a hot processor among 64 included: rows are at least {@link
 * #MIN_ROW} px high, and above 16 rows the names are set small so they never overlap.
 */
final class Labels {
  private Labels() {}

  /** The smallest lane height, in px: a small name (10 px type) fits in it. */
  static final int MIN_ROW = 12;

  /**
   * @return the class of a lane name's text for a chart of {@code rows} rows: {@code small} above
   *     16 rows, none otherwise
   */
  static String textClass(int rows) {
    return rows <= 16 ? "" : " class=\"small\"";
  }

  /**
   * @return the name at the left of lane {@code row}: {@code cpu 3}, or a bare range such as {@code
   *     1024-1055} (with a prefix it would not fit the label column)
   */
  static String lane(CpuRows rows, int row) {
    return rows.single() ? "cpu " + rows.label(row) : rows.label(row);
  }

  /**
   * Appends lane {@code r}'s name, right-aligned at the left of the plot, and the lane's empty
   * background, left open at its {@code <title>}: the caller writes the tooltip after {@code cpu 3}
   * or {@code cpus 0-31} and closes it with {@code </title></rect>}.
   *
   * @param textClass the name's class attribute ({@link #textClass})
   */
  static void laneHead(
      StringBuilder s,
      CpuRows rows,
      int r,
      int labelW,
      int plotW,
      int y,
      int rowH,
      String textClass) {
    s.append("<text x=\"")
        .append(labelW - 6)
        .append("\" y=\"")
        .append(Html.xy(y + rowH / 2.0 + 4))
        .append("\" text-anchor=\"end\"")
        .append(textClass)
        .append('>')
        .append(lane(rows, r))
        .append("</text>");
    s.append("<rect class=\"lane\" x=\"")
        .append(labelW)
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"")
        .append(plotW)
        .append("\" height=\"")
        .append(rowH)
        .append("\" fill=\"")
        .append(Palette.EMPTY)
        .append("\"><title>")
        .append(rows.single() ? "cpu " : "cpus ")
        .append(rows.label(r));
  }
}
