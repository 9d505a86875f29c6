package dpcsim.kernel;

import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A routine's or ISR's {@code then} steps in the order they run, worked out once per {@link Work}
 * instead of once per call: a step with {@code after} runs that far into the work, the others at
 * its end, equal offsets in file order. The order depends on the drawn duration only when the
 * duration cuts a step's {@code after} short (the step then moves to the end); {@link #fits} says
 * when the shared order holds.
 */
final class StepPlan {
  /** Stands for "at the end of the work" in {@link #after}. */
  static final long AT_END = Long.MAX_VALUE;

  static final StepPlan EMPTY = new StepPlan(new Step[0], new long[0], -1);

  final Step[] steps;

  /** Per step: its {@code after} offset, or {@link #AT_END}. */
  final long[] after;

  /**
   * The largest finite {@code after}, or -1 if none: durations beyond it keep this order. (A step
   * whose {@code after} equals the duration ties with the steps at the end, which then run in file
   * order, so equality needs its own order.)
   */
  private final long latestAfter;

  private StepPlan(Step[] steps, long[] after, long latestAfter) {
    this.steps = steps;
    this.after = after;
    this.latestAfter = latestAfter;
  }

  /** The order for durations of at least every step's {@code after}. */
  static StepPlan of(Work work) {
    return forDuration(work.then(), AT_END);
  }

  /**
   * @return true if this order is the one a work of {@code duration} runs in
   */
  boolean fits(long duration) {
    return duration > latestAfter;
  }

  /** The order for one drawn duration that cuts some {@code after} short (the rare path). */
  static StepPlan forDuration(List<Step> then, long duration) {
    if (then.isEmpty()) {
      return EMPTY;
    }
    List<Step> sorted = new ArrayList<>(then);
    // Stable sort: equal offsets keep file order.
    sorted.sort(Comparator.comparingLong(s -> offset(s, duration)));
    Step[] steps = sorted.toArray(new Step[0]);
    long[] after = new long[steps.length];
    long latest = -1;
    for (int i = 0; i < steps.length; i++) {
      after[i] = offset(steps[i], duration);
      if (after[i] != AT_END) {
        latest = Math.max(latest, after[i]);
      }
    }
    return new StepPlan(steps, after, latest);
  }

  private static long offset(Step s, long duration) {
    return s.afterNs() == null ? duration : Math.min(s.afterNs(), duration);
  }
}
