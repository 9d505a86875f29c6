package dpcsim.kernel;

/**
 * The ordinary threads of one processor, as much as the DPC rules need of them: whether a thread
 * has work, which keeps the processor out of the idle summary. Two sources: the scenario's
 * background load, busy and idle spans with exponential lengths (means f·P and (1−f)·P) drawn from
 * the processor's own load stream, and the script's {@code runThread} actions.
 *
 * <p>A thread can only block while it runs: a busy span or a {@code runThread} that ends while a
 * DPC, an ISR or the DPC thread runs over it ends when the thread gets the processor back ({@link
 * #applyPendingEnds}).
 */
final class ThreadLoad {
  private final Timeline timeline;
  private final RandomStream random;
  private final double fraction;
  private final double periodNs;

  private boolean loadBusy;

  /** The load's busy span ended while the thread was not executing. */
  private boolean loadIdlePending;

  private boolean runThreadActive;
  private boolean runThreadEndPending;
  private long runThreadUntil;
  private int runThreadGeneration;

  /**
   * @param random the processor's load stream
   * @param fraction the processor's load fraction f
   * @param periodNs the load period P
   */
  ThreadLoad(Timeline timeline, RandomStream random, double fraction, double periodNs) {
    this.timeline = timeline;
    this.random = random;
    this.fraction = fraction;
    this.periodNs = periodNs;
  }

  /** Draws whether the load starts busy and schedules its first change (f strictly in 0..1). */
  void start() {
    if (fraction >= 1.0) {
      loadBusy = true;
    } else if (fraction > 0.0) {
      loadBusy = random.nextDouble() < fraction;
      scheduleToggle();
    }
  }

  /**
   * @return true while some thread has work
   */
  boolean busy() {
    return loadBusy || runThreadActive;
  }

  /**
   * The load's span ends: busy turns idle (deferred until the thread runs again if it does not run
   * now), idle turns busy.
   *
   * @return true if a thread became ready to run (an idle-halted processor wakes)
   */
  boolean toggle(boolean threadExecuting) {
    if (loadBusy && !threadExecuting) {
      loadIdlePending = true; // applied once the thread runs again
      return false;
    }
    loadBusy = !loadBusy;
    scheduleToggle();
    return loadBusy;
  }

  /** A {@code runThread} action: a thread has work for {@code forNs} more (at least). */
  void runThread(long forNs) {
    runThreadActive = true;
    runThreadEndPending = false;
    runThreadUntil = Math.max(runThreadUntil, timeline.now() + forNs);
    runThreadGeneration++;
    timeline.schedule(runThreadUntil, SimEvent.Kind.RUN_THREAD_END, null, runThreadGeneration);
  }

  /** The latest {@code runThread} work, if {@code generation} is still it, ends. */
  void runThreadEnds(int generation, boolean threadExecuting) {
    if (generation == runThreadGeneration) {
      if (threadExecuting) {
        runThreadActive = false;
      } else {
        runThreadEndPending = true;
      }
    }
  }

  /**
   * @return true if thread work ended while the thread was preempted
   */
  boolean endsPending() {
    return loadIdlePending || runThreadEndPending;
  }

  /** Thread work that ended while preempted ends now that the thread runs again. */
  void applyPendingEnds() {
    if (loadIdlePending) {
      loadIdlePending = false;
      loadBusy = false;
      scheduleToggle();
    }
    if (runThreadEndPending) {
      runThreadEndPending = false;
      runThreadActive = false;
    }
  }

  private void scheduleToggle() {
    double mean = loadBusy ? fraction * periodNs : (1.0 - fraction) * periodNs;
    timeline.schedule(
        timeline.now() + random.exponential(mean), SimEvent.Kind.LOAD_TOGGLE, null, 0);
  }
}
