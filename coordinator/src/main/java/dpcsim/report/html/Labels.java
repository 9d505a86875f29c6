package dpcsim.report.html;

/** How often to name a lane, so that names at most 16 per chart never overlap. */
final class Labels {
  private Labels() {}

  /**
   * @return name every this-many-th of {@code rows} rows (1 up to 16 rows)
   */
  static int every(int rows) {
    return rows <= 16 ? 1 : (rows + 15) / 16;
  }
}
