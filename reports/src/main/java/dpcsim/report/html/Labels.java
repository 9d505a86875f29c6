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
}
