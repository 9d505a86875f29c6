package dpcsim.debug;

import dpcsim.breakpoint.Breakpoint;
import dpcsim.breakpoint.Stop;
import dpcsim.engine.RunResult;
import dpcsim.kernel.debug.KdpcSnapshot;
import dpcsim.kernel.debug.ProcessorSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * A paused run the debugger prompt inspects and advances. "The state at a break at T" means: every
 * event with a time before T applied, none at or after T. A breakpoint hit at time t stops at t + 1
 * ns, i.e. after every event of t's instant. Inspecting never changes the run: its trace is the
 * same as a run that never paused.
 */
public interface DebugTarget extends AutoCloseable {
  /**
   * @return the number of processors
   */
  int processors();

  /**
   * @return processor {@code cpu}'s state now
   */
  ProcessorSnapshot snapshot(int cpu);

  /**
   * @return the KDPC called {@code name} as it is now, or empty if the scenario has none
   */
  Optional<KdpcSnapshot> kdpc(String name);

  /**
   * @return IPI state from the trace so far
   */
  IpiLedger ipis();

  /**
   * Runs every event before {@code time}, or until an event hits one of {@code breakpoints}.
   *
   * @return where it stopped
   */
  Stop runBefore(long time, List<Breakpoint> breakpoints);

  /**
   * Advances by one step: exactly one event on the sequential engine, one instant (every event at
   * the next event time) on the actor engine.
   *
   * @return where it stopped
   */
  Stop step();

  /**
   * Runs the rest of the run and closes its trace; later calls return the same result.
   *
   * @return the run's result, with the same trace hash as a run that never paused
   */
  RunResult finish();

  /**
   * @return the engine's name
   */
  String engine();

  @Override
  default void close() {}
}
