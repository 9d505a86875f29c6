package dpcsim.kernel;

import dpcsim.scenario.Op;
import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import java.util.function.Predicate;

/**
 * A piece of timed work on a processor: an ISR, a DeferredRoutine at DISPATCH_LEVEL or a threaded
 * routine at PASSIVE_LEVEL. It progresses only while it is the processor's running activity;
 * preemption (an ISR over a DPC, a DPC over the DPC thread, R-21) suspends it and shifts its
 * remaining steps and its end. Steps with {@code after} run that far into the work (clamped to its
 * end), the others at the end, in file order.
 */
final class Activity implements RunningWork {
  enum Kind {
    ISR,
    DPC,
    THREADED_DPC
  }

  // Not final: a processor reuses finished activities (see Transitions' pool), so the model makes
  // no object per ISR or routine. Stale milestones of an earlier use never match: the generation
  // keeps counting across uses.
  Kind kind;

  /** The KDPC's index for a routine, the device's for an ISR: the trace names it by this. */
  int labelId;

  Kdpc dpc;
  long duration;
  private Step[] steps;

  /** Per step: its offset into the work, or {@link StepPlan#AT_END}; see {@link #offset}. */
  private long[] after;

  private int nextStep;
  private long progress;
  private long resumedAt;
  private boolean running;

  /**
   * Bumped on every suspend and every reuse: a milestone event carrying an older value is stale.
   */
  int generation;

  /** Some step names a shared KDPC (see {@link SharedKdpcs}). */
  boolean touchesShared;

  /**
   * @param plan the work's steps in order, shared by every call of it; a duration that cuts some
   *     step's {@code after} short gets an order of its own
   */
  Activity(
      Kind kind, int labelId, Kdpc dpc, Work work, StepPlan plan, long duration, boolean shared) {
    set(kind, labelId, dpc, work, plan, duration, shared);
  }

  /**
   * Makes this (finished) activity a new one, as the constructor would; nothing may still refer to
   * it but stale events, which its new generation makes ignored.
   *
   * @return this
   */
  Activity set(
      Kind kind, int labelId, Kdpc dpc, Work work, StepPlan plan, long duration, boolean shared) {
    this.kind = kind;
    this.touchesShared = shared;
    this.labelId = labelId;
    this.dpc = dpc;
    this.duration = duration;
    StepPlan order = plan.fits(duration) ? plan : StepPlan.forDuration(work.then(), duration);
    this.steps = order.steps;
    this.after = order.after;
    this.nextStep = 0;
    this.progress = 0;
    this.resumedAt = 0;
    this.running = false;
    this.generation++;
    return this;
  }

  /** A step's offset into the work: its {@code after}, the end if it has none or lies beyond. */
  private long offset(int i) {
    return Math.min(after[i], duration);
  }

  @Override
  public boolean running() {
    return running;
  }

  @Override
  public long duration() {
    return duration;
  }

  /**
   * @return the progress offset of the next milestone (a step or the end)
   */
  long nextMilestone() {
    return nextStep < steps.length ? offset(nextStep) : duration;
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
    if (nextStep < steps.length && offset(nextStep) <= progress) {
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

  @Override
  public long nextStepAt(Predicate<Op> test) {
    for (int i = nextStep; i < steps.length; i++) {
      if (test.test(steps[i].op())) {
        return offset(i);
      }
    }
    return Long.MAX_VALUE;
  }

  @Override
  public long progress(long now) {
    return running ? progress + (now - resumedAt) : progress;
  }
}
