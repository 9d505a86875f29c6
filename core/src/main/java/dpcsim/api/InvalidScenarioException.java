package dpcsim.api;

import dpcsim.scenario.ScenarioException;

/**
 * A scenario that does not validate, from {@link ScenarioBuilder#build()} or {@link
 * Scenarios#fromYaml}. The message is the scenario loader's own ({@code builder: dpcs.nicRx.target:
 * processor 9 is out of range (the scenario has 4 processors: 0..3)}), so a scenario built in Java
 * fails exactly as the same scenario in a file would. It is unchecked: a test that builds a bad
 * scenario has a bug, not a condition to recover from.
 */
public final class InvalidScenarioException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient ScenarioException error;

  InvalidScenarioException(ScenarioException error) {
    super(error.getMessage(), error);
    this.error = error;
  }

  /**
   * @return the field path of the offending value ({@code dpcs.nicRx.target}, {@code
   *     script[0].at}), or "" when none applies
   */
  public String path() {
    return error.path();
  }

  /**
   * @return what is wrong, without source, position or path
   */
  public String detail() {
    return error.detail();
  }

  /**
   * @return the loader's exception (with line and column for YAML text; none for a builder)
   */
  public ScenarioException scenarioException() {
    return error;
  }
}
