package dpcsim.api;

import dpcsim.engine.SequentialEngine;
import dpcsim.scenario.Scenario;
import java.io.OutputStream;

/**
 * Runs a scenario in this thread with the sequential engine, the reference every other engine is
 * compared with: the same scenario and seed give the same {@link SimulationResult#traceSha256()} as
 * {@code dpcsim run --engine sequential} (and as any engine of the CLI).
 */
public final class Simulation {
  private Simulation() {}

  /**
   * @return the run's statistics and trace hash; the trace itself is hashed, not kept
   */
  public static SimulationResult run(Scenario scenario) {
    return run(scenario, null);
  }

  /**
   * @param builder a builder, built first
   * @return the run's statistics and trace hash
   * @throws InvalidScenarioException if the builder's scenario does not validate
   */
  public static SimulationResult run(ScenarioBuilder builder) {
    return run(builder.build());
  }

  /**
   * @param trace where to write the JSON Lines trace (docs/trace-format.md, as {@code dpcsim run
   *     --trace}), or null for none; it is not closed
   * @return the run's statistics and trace hash
   */
  public static SimulationResult run(Scenario scenario, OutputStream trace) {
    return new SimulationResult(SequentialEngine.run(scenario, trace, false));
  }
}
