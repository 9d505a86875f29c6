package dpcsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of cells printed in aligned columns two spaces apart: figures right-aligned, and the first
 * columns, of names, left-aligned when asked. No line has trailing spaces.
 */
public final class TextTable {
  private final int nameColumns;
  private final List<String[]> rows = new ArrayList<>();

  /**
   * @param namesFirst left-align the first column (names); otherwise every column is right-aligned
   */
  public TextTable(boolean namesFirst, String... headers) {
    this(namesFirst ? 1 : 0, headers);
  }

  /**
   * @param nameColumns how many columns, from the left, hold names and are left-aligned
   */
  public TextTable(int nameColumns, String... headers) {
    this.nameColumns = nameColumns;
    rows.add(headers);
  }

  /** Adds a row with one cell per header. */
  public void add(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + rows.get(0).length + " columns");
    }
    rows.add(cells);
  }

  /** Appends the header line and the rows to {@code out}. */
  public void render(List<String> out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String pad = " ".repeat(width[i] - row[i].length());
        if (i < nameColumns) {
          line.append(i > 0 ? "  " : "").append(row[i]).append(i < columns - 1 ? pad : "");
        } else {
          line.append(i > 0 ? "  " : "").append(pad).append(row[i]);
        }
      }
      out.add(line.toString());
    }
  }
}
