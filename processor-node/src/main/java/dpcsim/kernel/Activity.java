package dpcsim.kernel;

import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A piece of timed work on a processor: an ISR, a DeferredRoutine at DISPATCH_LEVEL or a threaded
 * routine at PASSIVE_LEVEL. It progresses only while it is the processor's running activity;
 * preemption (an ISR over a DPC, a DPC over the DPC thread, R-21) suspends it and shifts its
 * remaining steps and its end. Steps with {@code after} run that far into the work (clamped to its
 * end), the others at the end, in file order.
 */
final class Activity {
  enum Kind {
    ISR,
    DPC,
    THREADED_DPC
  }

  final Kind kind;
  final String label;
  final Kdpc dpc;
  final long duration;
  private final Step[] steps;
  private final long[] offsets;
  private int nextStep;
  private long progress;
  private long resumedAt;
  private boolean running;

  /** Bumped on every suspend: a milestone event carrying an older value is stale. */
  int generation;

  /** Some step names a shared KDPC (see {@link DpcReach}). */
  final boolean touchesShared;

  Activity(Kind kind, String label, Kdpc dpc, Work work, long duration, boolean touchesShared) {
    this.kind = kind;
    this.touchesShared = touchesShared;
    this.label = label;
    this.dpc = dpc;
    this.duration = duration;
    List<Step> sorted = new ArrayList<>(work.then());
    // Stable sort: equal offsets keep file order.
    sorted.sort(Comparator.comparingLong(s -> offsetOf(s, duration)));
    this.steps = sorted.toArray(new Step[0]);
    this.offsets = new long[steps.length];
    for (int i = 0; i < steps.length; i++) {
      offsets[i] = offsetOf(steps[i], duration);
    }
  }

  private static long offsetOf(Step s, long duration) {
    return s.afterNs() == null ? duration : Math.min(s.afterNs(), duration);
  }

  boolean running() {
    return running;
  }

  /**
   * @return the progress offset of the next milestone (a step or the end)
   */
  long nextMilestone() {
    return nextStep < steps.length ? offsets[nextStep] : duration;
  }

  /** Starts or resumes progressing at {@code now}; @return when the next milestone falls */
  long resume(long now) {
    running = true;
    resumedAt = now;
    return now + (nextMilestone() - progress);
  }

  /** Stops progressing at {@code now} (preempted). */
  void suspend(long now) {
    progress += now - resumedAt;
    running = false;
    generation++;
  }

  /** Brings progress up to {@code now}; called when a milestone event fires. */
  void advanceTo(long now) {
    progress += now - resumedAt;
    resumedAt = now;
  }

  /**
   * @return the next step due at the current progress, or null
   */
  Step pollDueStep() {
    if (nextStep < steps.length && offsets[nextStep] <= progress) {
      return steps[nextStep++];
    }
    return null;
  }

  /**
   * @return true once all steps ran and the full duration elapsed
   */
  boolean finished() {
    return nextStep >= steps.length && progress >= duration;
  }

  /**
   * @return the progress still needed before the next step that may send a message when run on
   *     {@code cpu}, or {@link DpcReach#NEVER}
   */
  long remainingToSend(long now, int cpu, DpcReach reach) {
    long done = progress(now);
    for (int i = nextStep; i < steps.length; i++) {
      if (reach.maySend(steps[i].op(), cpu)) {
        return Math.max(0, offsets[i] - done);
      }
    }
    return DpcReach.NEVER;
  }

  /**
   * @return simulated time already spent on this work
   */
  long progress(long now) {
    return running ? progress + (now - resumedAt) : progress;
  }
}
