package dpcsim.kernel;

import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.Irql;
import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceSymbols;

/**
 * What a processor executes next, and the work it executes. After every event {@link #settle()}
 * makes the zero-time transitions the rules call for, in IRQL order, until nothing more
 * changes at this instant: it only orders the calls, and each rule class decides. A milestone of
 * the running work ({@link #milestone}) runs its due steps and, at its end, frees its level.
 */
final class Transitions {
  private static final int DISPATCH = TraceSymbols.irql(Irql.DISPATCH);
  private static final int PASSIVE = TraceSymbols.irql(Irql.PASSIVE);

  /** Finished activities kept for reuse. */
  private final Activity[] pool = new Activity[8];

  private int pooled;

  private final int cpu;
  private final Machine machine;
  private final Kprcb prcb;
  private final Timeline timeline;
  private final ExecutionStack stack;
  private final ThreadLoad load;
  private final IdleState idle;
  private final SharedAccess shared;
  private final Operations operations;
  private final RandomStream workRandom;

  Transitions(
      Machine machine,
      Kprcb prcb,
      Timeline timeline,
      ExecutionStack stack,
      ThreadLoad load,
      IdleState idle,
      SharedAccess shared,
      Operations operations,
      RandomStream workRandom) {
    this.cpu = prcb.number;
    this.machine = machine;
    this.prcb = prcb;
    this.timeline = timeline;
    this.stack = stack;
    this.load = load;
    this.idle = idle;
    this.shared = shared;
    this.operations = operations;
    this.workRandom = workRandom;
  }

  /**
   * Makes every zero-time transition due at this instant, then lets the topmost activity run. The
   * order follows the IRQL: a pending ISR above all, then the retire pass, then the
   * DISPATCH software interrupt or the idle loop's polling, then the DPC thread
   * (R-32).
   */
  void settle() {
    for (int guard = 0; ; guard++) {
      if (guard > 10_000_000) {
        throw new ScenarioFault(
            "processor "
                + cpu
                + " makes no progress at "
                + timeline.now()
                + " ns: ten million zero-time steps in one instant");
      }
      if (stack.isrDue()) {
        startIsr(stack.takePendingIsr());
      } else if (stack.isr() != null) {
        break;
      } else if (stack.retiring()) {
        if (stack.dpcRoutine() != null) {
          break;
        }
        retireNext();
      } else if (stack.dispatchDue()) {
        takeDispatchInterrupt();
      } else if (load.endsPending() && stack.threadExecuting()) {
        load.applyPendingEnds();
      } else if (stack.idle() && !idle.halted() && idleLoopPolls()) {
        continue;
      } else if (stack.dpcThreadRunning()) {
        if (stack.threadedRoutine() != null) {
          break;
        }
        dpcThreadNext();
      } else {
        break;
      }
    }
    Activity resumed = stack.switchToTop(timeline.now());
    if (resumed != null) {
      scheduleMilestone(resumed);
    }
    idle.settled();
  }

  /**
   * A milestone of {@code a} falls due: its due steps run, then it either goes on or ends.
   *
   * @param generation the activity's generation when the milestone was scheduled
   */
  void milestone(Activity a, int generation) {
    if (generation != a.generation || !a.running()) {
      return; // stale: the activity was preempted after this was scheduled
    }
    a.advanceTo(timeline.now());
    Step s;
    while ((s = a.pollDueStep()) != null) {
      operations.perform(s.op());
    }
    if (!a.finished()) {
      scheduleMilestone(a);
      return;
    }
    stack.finish(a);
    timeline.trace(
        a.kind == Activity.Kind.ISR ? TraceKind.ISR_END : TraceKind.DPC_END,
        a.labelId,
        0,
        0,
        0,
        0,
        0);
    release(a);
  }

  /** Keeps a finished activity for the next ISR or routine (a few suffice: they nest shallowly). */
  private void release(Activity a) {
    if (pooled < pool.length) {
      pool[pooled++] = a;
    }
  }

  private Activity activity(
      Activity.Kind kind, int labelId, Kdpc dpc, Work work, StepPlan plan, long d, boolean sh) {
    if (pooled == 0) {
      return new Activity(kind, labelId, dpc, work, plan, d, sh);
    }
    Activity a = pool[--pooled];
    pool[pooled] = null;
    return a.set(kind, labelId, dpc, work, plan, d, sh);
  }

  /** the pending DISPATCH software interrupt is taken. */
  private void takeDispatchInterrupt() {
    stack.clearDispatch();
    if (Retirement.takeDispatchInterrupt(prcb, machine.profile())) {
      stack.setRetiring(true); // QuantumEnd is handled when the pass ends
    } else {
      quantumEnd();
    }
  }

  /** the retire pass calls its next routine, or ends (then QuantumEnd, R-18). */
  private void retireNext() {
    Kdpc dpc = Retirement.nextRoutine(prcb);
    if (dpc == null) {
      Retirement.endPass(prcb);
      stack.setRetiring(false);
      quantumEnd();
      return;
    }
    DpcWatchdog.routineCalled(prcb);
    stack.startDpcRoutine(newRoutine(Activity.Kind.DPC, dpc));
    timeline.trace(
        TraceKind.DPC_START, dpc.id(), 0, DISPATCH, dpc.systemArgument1, dpc.systemArgument2, 0);
  }

  /**
   * the idle loop absorbs a pending DISPATCH request and polls.
   *
   * @return true if it found something to do
   */
  private boolean idleLoopPolls() {
    stack.clearDispatch();
    switch (IdleLoop.poll(prcb)) {
      case RETIRE -> stack.setRetiring(true);
      case QUANTUM_END -> quantumEnd();
      case NOTHING -> {
        return false;
      }
    }
    return true;
  }

  /** QuantumEnd readies a requested DPC thread. */
  private void quantumEnd() {
    if (DpcThread.quantumEnd(prcb)) {
      stack.setDpcThreadRunning(true);
    }
  }

  /** the DPC thread calls its next routine, or waits again. */
  private void dpcThreadNext() {
    Kdpc dpc = DpcThread.nextRoutine(prcb);
    if (dpc == null) {
      stack.setDpcThreadRunning(false);
      return;
    }
    stack.startThreadedRoutine(newRoutine(Activity.Kind.THREADED_DPC, dpc));
    timeline.trace(
        TraceKind.DPC_START, dpc.id(), 0, PASSIVE, dpc.systemArgument1, dpc.systemArgument2, 0);
  }

  private Activity newRoutine(Activity.Kind kind, Kdpc dpc) {
    shared.dequeued(dpc);
    long d = workRandom.sample(dpc.routine().duration());
    return activity(
        kind, dpc.id(), dpc, dpc.routine(), dpc.routinePlan(), d, shared.routineTouches(dpc));
  }

  /** the ISR of the oldest pending device interrupt starts at DIRQL. */
  private void startIsr(int deviceIndex) {
    DeviceDef device = machine.device(deviceIndex);
    long d = workRandom.sample(device.isr().duration());
    stack.startIsr(
        activity(
            Activity.Kind.ISR,
            deviceIndex,
            null,
            device.isr(),
            machine.isrPlan(deviceIndex),
            d,
            shared.isrTouches(deviceIndex)));
    timeline.trace(TraceKind.ISR_START, deviceIndex, 0, 0, 0, 0, 0);
  }

  private void scheduleMilestone(Activity a) {
    timeline.schedule(a.resume(timeline.now()), SimEvent.Kind.MILESTONE, a, a.generation);
  }
}
