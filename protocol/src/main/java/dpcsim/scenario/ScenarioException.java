package dpcsim.scenario;

/**
 * A scenario file that cannot be used: unreadable, not YAML, or failing validation. The message is
 * one line, ready to print as is, in the compiler-like form {@code FILE:LINE:COL: PATH: detail}
 * (for example {@code x.yaml:12:5: dpcs.nicRx.importance: unknown importance 'hihg' (expected low,
 * medium, high, mediumHigh)}), so editors and terminals can jump to the spot. Without a known
 * position it reads {@code FILE: PATH: detail}; without a field path (a YAML syntax error, an
 * unreadable file) the {@code PATH: } part is left out.
 */
public final class ScenarioException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String path;
  private final String detail;

  /**
   * @param file the scenario's source name (usually its path as given)
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param path the dotted field path ({@code script[3].dpc}), or "" when none applies
   * @param detail what is wrong, one line
   */
  public ScenarioException(String file, int line, int column, String path, String detail) {
    super(format(file, line, column, path, detail));
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path;
    this.detail = detail;
  }

  /** An error with no position in the file (a missing file, say). */
  public ScenarioException(String file, String path, String detail) {
    this(file, 0, 0, path, detail);
  }

  private static String format(String file, int line, int column, String path, String detail) {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ");
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(detail).toString();
  }

  /**
   * @return the scenario's source name
   */
  public String file() {
    return file;
  }

  /**
   * @return the 1-based line of the offending text, or 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * @return the 1-based column of the offending text, or 0 when unknown
   */
  public int column() {
    return column;
  }

  /**
   * @return the dotted field path ({@code dpcs.nicRx.importance}), or "" when none applies
   */
  public String path() {
    return path;
  }

  /**
   * @return the bare description of the problem, without file, position or path
   */
  public String detail() {
    return detail;
  }
}
