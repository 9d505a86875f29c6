package dpcsim.report.html;

/** Lane names: how often to write one (at most 16 per chart, so they never overlap), and which. */
final class Labels {
  private Labels() {}

  /**
   * @return name every this-many-th of {@code rows} rows (1 up to 16 rows)
   */
  static int every(int rows) {
    return rows <= 16 ? 1 : (rows + 15) / 16;
  }

  /**
   * @return the name at the left of lane {@code row}: {@code cpu 3}, or a bare range such as {@code
   *     1024-1055} (with a prefix it would not fit the label column)
   */
  static String lane(CpuRows rows, int row) {
    return rows.single() ? "cpu " + rows.label(row) : rows.label(row);
  }
}
