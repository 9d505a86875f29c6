package dpcsim.cli;

/**
 * Bad input from the user (a file, a flag, a processor number): reported as one line on stderr with
 * exit status 2, never with a stack trace.
 */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message, null, false, false);
  }
}
