package dpcsim.engine;

import dpcsim.scenario.Scenario;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * The reference engine: one thread, every processor's events in one global order (the event key of
 * the processors' own queues), cross-processor messages delivered into the receiver's queue as soon
 * as they are sent (their latency puts them in its future). It is the oracle the actor engine is
 * compared with, and the baseline for benchmarks.
 */
public final class SequentialEngine {
  /** The engine's name in {@code --engine} and in results. */
  public static final String NAME = "sequential";

  private SequentialEngine() {}

  /**
   * Runs {@code scenario} to its duration (or to a stopping watchdog violation).
   *
   * @param traceOut where to write the JSON Lines trace, or null for none (it is hashed anyway)
   * @param traceTicks include Tick events in the trace
   * @return the trace hash and statistics
   */
  public static RunResult run(Scenario scenario, OutputStream traceOut, boolean traceTicks) {
    return run(scenario, TraceOutputs.of(traceOut, traceTicks));
  }

  /**
   * Runs {@code scenario}, handing the ordered trace to {@code outputs}.
   *
   * @return the trace hash and statistics
   */
  public static RunResult run(Scenario scenario, TraceOutputs outputs) {
    return run(scenario, outputs, CancelToken.NEVER);
  }

  /**
   * Runs {@code scenario} unless {@code cancel} stops it first.
   *
   * @return the trace hash and statistics
   * @throws RunCancelled if {@code cancel} is cancelled before the run ends
   */
  public static RunResult run(Scenario scenario, TraceOutputs outputs, CancelToken cancel) {
    return run(scenario, outputs, cancel, false);
  }

  /**
   * Runs {@code scenario} unless {@code cancel} stops it first, checking every invariant after each
   * event if {@code checkInvariants}.
   *
   * @return the trace hash and statistics
   * @throws RunCancelled if {@code cancel} is cancelled before the run ends
   * @throws dpcsim.invariant.InvariantViolation if an invariant does not hold
   */
  public static RunResult run(
      Scenario scenario, TraceOutputs outputs, CancelToken cancel, boolean checkInvariants) {
    try (SequentialRun run = new SequentialRun(scenario, outputs, Function.identity(), cancel)) {
      if (checkInvariants) {
        run.checkInvariants();
      }
      return run.finish();
    }
  }
}
