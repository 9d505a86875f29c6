package dpcsim.engine;

/**
 * A run that did not complete: one line for the user and the exit status (2 bad input or a scenario
 * fault, 1 internal error, 3 a node was lost).
 */
public final class RunFailure extends RuntimeException {
  private final int exitStatus;

  public RunFailure(String message, int exitStatus) {
    super(message, null, false, false);
    this.exitStatus = exitStatus;
  }

  /**
   * @return the process exit status for this failure
   */
  public int exitStatus() {
    return exitStatus;
  }
}
