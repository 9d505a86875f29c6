package dpcsim.imports;

/** A report that cannot be imported: the message names the file and the line, on one line. */
public final class ImportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImportException(String message) {
    super(message);
  }
}
