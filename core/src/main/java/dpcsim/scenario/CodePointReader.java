package dpcsim.scenario;

import java.io.Reader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * SnakeYAML's {@link StreamReader} over text already in memory, in linear time. SnakeYAML's own
 * reader refills a window 1,024 characters at a time and copies everything not yet consumed on each
 * refill; its scanner peeks to the end of a comment or a scalar before consuming it, so one long
 * token cost time quadratic in its length (a 50 MB comment line ran for minutes; 1.7 s of CPU per
 * MB on long lines against 0.02 s on short ones). This reader holds the whole text as code points,
 * so a peek is an array read.
 *
 * <p>It overrides every public method of {@link StreamReader} (the scanner uses no other), with the
 * same results: lines and columns in code points, a BOM not counted in the column, {@code '\0'}
 * past the end. A character YAML does not allow ({@link StreamReader#isPrintable(int)}) fails when
 * the scanner reaches it, as a positioned error rather than SnakeYAML's unpositioned one.
 */
final class CodePointReader extends StreamReader {
  private static final String NAME = "'reader'";

  private final int[] text;
  private final int firstNotPrintable;
  private int pointer;
  private int documentIndex;
  private int line;
  private int column;

  CodePointReader(String text) {
    super(Reader.nullReader());
    this.text = text.codePoints().toArray();
    int bad = 0;
    while (bad < this.text.length && isPrintable(this.text[bad])) {
      bad++;
    }
    this.firstNotPrintable = bad;
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, pointer, line, column, text, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && available(0); i++) {
      int c = text[pointer++];
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && available(0) && text[pointer] != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int index) {
    return available(index) ? text[pointer + index] : '\0';
  }

  @Override
  public String prefix(int length) {
    if (length <= 0) {
      return "";
    }
    int n = Math.min(length, text.length - pointer);
    if (n <= 0) {
      return "";
    }
    available(n - 1);
    return new String(text, pointer, n);
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    documentIndex += length;
    // As in StreamReader: a prefix never holds a line break.
    column += length;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return pointer;
  }

  @Override
  public int getLine() {
    return line;
  }

  /**
   * @return true if the code point {@code index} past the pointer exists
   * @throws NotPrintable if it is a character YAML does not allow
   */
  private boolean available(int index) {
    int at = pointer + index;
    if (at >= text.length) {
      return false;
    }
    if (at >= firstNotPrintable) {
      throw notPrintable();
    }
    return true;
  }

  /** A character YAML does not allow, with its exact position (Jackson reports its own). */
  static final class NotPrintable extends ScannerException {
    private static final long serialVersionUID = 1L;

    NotPrintable(String problem, Mark at) {
      super(null, null, problem, at);
    }
  }

  private NotPrintable notPrintable() {
    int l = 0;
    int col = 0;
    for (int i = 0; i < firstNotPrintable; i++) {
      int c = text[i];
      if (Constant.LINEBR.has(c) || (c == '\r' && text[i + 1] != '\n')) {
        l++;
        col = 0;
      } else if (c != 0xFEFF) {
        col++;
      }
    }
    int c = text[firstNotPrintable];
    String u = String.format("U+%04X", c);
    return new NotPrintable(
        "special character "
            + u
            + " is not allowed (in a double-quoted string write it as an escape, e.g. \\u"
            + u.substring(2)
            + ")",
        new Mark(NAME, firstNotPrintable, l, col, text, firstNotPrintable));
  }
}
