package dpcsim.scenario;

/**
 * A scenario file that cannot be used: unreadable, not YAML, or failing validation. The message is
 * one line, ready to print as is, in the compiler-like form {@code FILE:LINE:COL: PATH: detail}
 * (for example {@code x.yaml:12:5: dpcs.nicRx.importance: unknown importance 'hihg' (expected low,
 * medium, high, mediumHigh)}), so editors and terminals can jump to the spot. Without a known
 * position it reads {@code FILE: PATH: detail}; without a field path (a YAML syntax error, an
 * unreadable file) the {@code PATH: } part is left out. The message shows every part escaped
 * ({@link ScenarioText}); the accessors return them as given.
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

  /**
   * Every part is escaped, so no scenario text (nor a path given on the command line) can act as
   * terminal control or start a second line. The readers quote values shortened already; the path
   * and detail are cut here too, as a last resort against text no reader foresaw.
   */
  private static String format(String file, int line, int column, String path, String detail) {
    StringBuilder sb = new StringBuilder(ScenarioText.escape(file));
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ");
    if (!path.isEmpty()) {
      sb.append(ScenarioText.shorten(path, MAX_PATH_CHARS)).append(": ");
    }
    return sb.append(ScenarioText.shorten(detail, MAX_DETAIL_CHARS)).toString();
  }

  /** The longest field path shown: two quoted values' worth. */
  private static final int MAX_PATH_CHARS = 2 * ScenarioLimits.QUOTED_CHARS;

  /** The longest detail shown; every detail the readers write is shorter. */
  private static final int MAX_DETAIL_CHARS = 1000;

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
