package dpcsim.report.html;

/**
 * How the report's per-processor charts (queue depth, time share, IPI matrix) map processors to
 * rows: one row per processor up to {@link #MAX_ROWS} processors; above that, contiguous ranges of
 * {@code perRow} processors, so that a 2048-processor run still draws (and stores) at most 64 rows
 * and a 64x64 IPI matrix.
 *
 * @param processors processors in the run
 * @param perRow processors per row (1 up to {@link #MAX_ROWS} processors)
 */
public record CpuRows(int processors, int perRow) {
  /** At most this many rows: a 64x64 matrix still has cells of 10 px in a 640 px square. */
  public static final int MAX_ROWS = 64;

  /**
   * @return the rows for a run on {@code processors} processors
   */
  public static CpuRows of(int processors) {
    if (processors < 1) {
      throw new IllegalArgumentException("processors: " + processors);
    }
    return new CpuRows(processors, (processors + MAX_ROWS - 1) / MAX_ROWS);
  }

  /**
   * @return the number of rows
   */
  public int count() {
    return (processors + perRow - 1) / perRow;
  }

  /**
   * @return the row that holds {@code cpu}
   */
  public int rowOf(int cpu) {
    return cpu / perRow;
  }

  /**
   * @return the first processor of {@code row}
   */
  public int first(int row) {
    return row * perRow;
  }

  /**
   * @return one past the last processor of {@code row}
   */
  public int end(int row) {
    return Math.min(processors, (row + 1) * perRow);
  }

  /**
   * @return true when every row is one processor
   */
  public boolean single() {
    return perRow == 1;
  }

  /**
   * @return the processors of {@code row} as the report writes them: {@code 3} or {@code 0-31}
   */
  public String label(int row) {
    int first = first(row);
    int last = end(row) - 1;
    return first == last ? Integer.toString(first) : first + "-" + last;
  }
}
