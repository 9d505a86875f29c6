package dpcsim.kernel;

/**
 * A run-time fault the scenario causes (as opposed to a bug in the simulator): the run ends with an
 * error that names the processor and the simulated time, exit status 2.
 */
public final class ScenarioFault extends RuntimeException {
  public ScenarioFault(String message) {
    super(message);
  }
}
