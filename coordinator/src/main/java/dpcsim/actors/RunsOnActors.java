package dpcsim.actors;

import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.wire.ScenarioSource;

/** A set of actor systems a run can be submitted to: the embedded node, or local nodes. */
public interface RunsOnActors extends AutoCloseable {
  /**
   * Runs {@code scenario} (whose text is {@code source}), pausing for the debugger as {@code
   * pauses} says.
   *
   * @throws RunFailure if the run does not complete
   */
  RunResult run(
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      ActorEngine.Options options,
      Pauses pauses);

  /**
   * Runs {@code scenario} to its end without pausing.
   *
   * @throws RunFailure if the run does not complete
   */
  default RunResult run(
      Scenario scenario, ScenarioSource source, TraceOutputs outputs, ActorEngine.Options options) {
    return run(scenario, source, outputs, options, Pauses.NEVER);
  }

  @Override
  void close();
}
