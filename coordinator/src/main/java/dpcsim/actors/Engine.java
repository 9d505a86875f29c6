package dpcsim.actors;

import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;

/**
 * An engine, started and ready for runs: the sequential one, the embedded one-node cluster, local
 * nodes, a running cluster. Commands look one up by name in the CLI's registry ({@code
 * dpcsim.cli.Engines}), run one or more scenarios on it and close it. Every engine gives the same
 * trace for the same scenario and seed.
 */
public interface Engine extends AutoCloseable {
  /**
   * @return the engine's name in the registry and in results
   */
  String name();

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

  /**
   * @return true if a run does all its simulation on the thread that calls {@link #run} (the
   *     sequential engine), so that thread's allocation is the engine's ({@code dpcsim bench});
   *     false for engines that spread a run over thread pools (the actor engines)
   */
  default boolean runsOnCallingThread() {
    return false;
  }

  /** Stops what the engine started (actor systems, cluster membership); nothing for sequential. */
  @Override
  void close();

  /**
   * Closes, waiting at most {@code wait} for actor systems to stop: a process about to exit passes
   * zero.
   */
  default void closeWithin(Duration wait) {
    close();
  }
}
