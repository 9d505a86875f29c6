package dpcsim.kernel;

import dpcsim.scenario.Op;
import java.util.function.Predicate;

/**
 * A read-only view of one piece of work under way on a processor (an ISR, a DPC routine, a threaded
 * routine), for the engine's look-ahead: how far it got and where its remaining steps fall.
 * Progress counts simulated time spent executing it, not time it spent preempted.
 */
public interface RunningWork {
  /**
   * @return true while it executes; false while preempted (suspended)
   */
  boolean running();

  /**
   * @return its drawn duration
   */
  long duration();

  /**
   * @return simulated time already spent executing it, as of {@code now}
   */
  long progress(long now);

  /**
   * @return the offset into the work of the first step not yet run whose operation {@code test}
   *     accepts, or {@link Long#MAX_VALUE} when there is none
   */
  long nextStepAt(Predicate<Op> test);
}
