package dpcsim.kernel;

import dpcsim.scenario.Irql;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What a processor executes, as a stack ordered by IRQL. At the bottom, the thread level:
 * the DPC thread at PASSIVE_LEVEL, an ordinary thread ({@link ThreadLoad}) at the IRQL it
 * raised to, or the idle loop at DISPATCH_LEVEL. Above it a retire pass at DISPATCH_LEVEL
 * above that an ISR at DIRQL. Only the topmost timed {@link Activity} progresses; the ones
 * below are suspended and their remaining steps shift.
 *
 * <p>It also holds what waits for the IRQL to drop: device interrupts not yet serviced, a pending
 * DISPATCH software interrupt, and clock ticks and IPIs that arrived at HIGH_LEVEL.
 */
final class ExecutionStack {
  private final ThreadLoad load;

  private Activity isr;
  private final ArrayDeque<Integer> pendingIsrs = new ArrayDeque<>();
  private boolean retiring;
  private Activity dpcRoutine;
  private boolean dpcThreadRunning;
  private Activity threadedRoutine;

  /** The activity progressing now: the topmost one, once {@link #switchToTop} ran. */
  private Activity running;

  private Irql threadIrql = Irql.PASSIVE;
  private boolean dispatchPending;

  /** Ticks and IPIs that arrived while the IRQL was HIGH, replayed when it drops. */
  private final List<SimEvent> masked = new ArrayList<>();

  ExecutionStack(ThreadLoad load) {
    this.load = load;
  }

  // ---------------------------------------------------------------- IRQL

  /**
   * @return the IRQL the processor runs at now
   */
  Irql currentIrql() {
    if (isr != null) {
      return Irql.DEVICE;
    }
    if (retiring) {
      return Irql.DISPATCH;
    }
    return threadLevelIrql();
  }

  /**
   * @return the IRQL below any retire pass or ISR: the idle loop runs at DISPATCH
   */
  Irql threadLevelIrql() {
    if (dpcThreadRunning) {
      return Irql.PASSIVE;
    }
    if (idle()) {
      return Irql.DISPATCH;
    }
    return threadIrql;
  }

  /**
   * Sets the IRQL the ordinary thread runs at (KeRaiseIrql, KeLowerIrql).
   *
   * @return the ticks and IPIs to take now because the IRQL left HIGH_LEVEL, in arrival order
   */
  List<SimEvent> setThreadIrql(Irql level) {
    threadIrql = level;
    if (level == Irql.HIGH || masked.isEmpty()) {
      return List.of();
    }
    List<SimEvent> replay = new ArrayList<>(masked);
    masked.clear();
    return replay;
  }

  /**
   * @return true if a clock tick or an IPI arriving now must wait (the IRQL is HIGH)
   */
  boolean masks() {
    return currentIrql() == Irql.HIGH;
  }

  /** Keeps a tick or an IPI until the IRQL drops below HIGH. */
  void mask(SimEvent e) {
    masked.add(e);
  }

  // ---------------------------------------------------------------- the thread level

  /**
   * @return true while the processor has no thread to run: its KiIdleSummary bit
   */
  boolean idle() {
    return !dpcThreadRunning && !load.busy() && threadIrql == Irql.PASSIVE;
  }

  /**
   * @return true while idle with nothing executing or pending: the idle-halt countdown runs
   */
  boolean quiescent() {
    return idle() && isr == null && !retiring && pendingIsrs.isEmpty();
  }

  /**
   * @return true while the ordinary thread, not a DPC, an ISR or the DPC thread, executes
   */
  boolean threadExecuting() {
    return isr == null && !retiring && !dpcThreadRunning;
  }

  /**
   * @return true if a clock tick now lands at DISPATCH_LEVEL or above for the watchdog: in
   *     an ISR, a retire pass or a thread that raised its IRQL, not in the idle loop
   */
  boolean atOrAboveDispatch() {
    return isr != null
        || retiring
        || (!idle() && threadLevelIrql().level() >= Irql.DISPATCH.level());
  }

  boolean dpcThreadRunning() {
    return dpcThreadRunning;
  }

  /** the DPC thread starts running its queue, or goes back to waiting. */
  void setDpcThreadRunning(boolean on) {
    dpcThreadRunning = on;
  }

  Activity threadedRoutine() {
    return threadedRoutine;
  }

  void startThreadedRoutine(Activity routine) {
    threadedRoutine = routine;
  }

  // ---------------------------------------------------------------- DISPATCH_LEVEL

  /** a DISPATCH software interrupt is requested on this processor. */
  void requestDispatch() {
    dispatchPending = true;
  }

  /**
   * @return true if the pending DISPATCH software interrupt is taken now: the IRQL is below
   *     DISPATCH_LEVEL
   */
  boolean dispatchDue() {
    return dispatchPending && threadLevelIrql().level() < Irql.DISPATCH.level();
  }

  /**
   * The pending DISPATCH software interrupt is taken or absorbed by the idle loop.
   */
  void clearDispatch() {
    dispatchPending = false;
  }

  boolean retiring() {
    return retiring;
  }

  /** KiRetireDpcList begins or ends. */
  void setRetiring(boolean on) {
    retiring = on;
  }

  Activity dpcRoutine() {
    return dpcRoutine;
  }

  void startDpcRoutine(Activity routine) {
    dpcRoutine = routine;
  }

  // ---------------------------------------------------------------- DIRQL

  Activity isr() {
    return isr;
  }

  /** A device interrupt reaches the processor; its ISR starts when the IRQL allows. */
  void interruptArrives(int device) {
    pendingIsrs.add(device);
  }

  /**
   * @return true if a device interrupt is pending and no ISR runs at or above DIRQL
   */
  boolean isrDue() {
    return isr == null && !pendingIsrs.isEmpty() && currentIrql().level() < Irql.DEVICE.level();
  }

  /**
   * @return the device of the oldest pending interrupt, which is no longer pending
   */
  int takePendingIsr() {
    return pendingIsrs.poll();
  }

  void startIsr(Activity routine) {
    isr = routine;
  }

  // ---------------------------------------------------------------- what progresses

  /**
   * lets the topmost activity (ISR, else the retire pass's routine, else the threaded
   * routine) progress, suspending the one that did.
   *
   * @return the activity that starts or resumes progressing now (its next milestone needs
   *     scheduling), or null when that did not change
   */
  Activity switchToTop(long now) {
    Activity top = isr != null ? isr : retiring ? dpcRoutine : threadedRoutine;
    if (running == top) {
      return null;
    }
    if (running != null) {
      running.suspend(now);
    }
    running = top;
    return top;
  }

  /** {@code a}, the running activity, finished: its level is free. */
  void finish(Activity a) {
    running = null;
    switch (a.kind) {
      case ISR -> isr = null;
      case DPC -> dpcRoutine = null;
      case THREADED_DPC -> threadedRoutine = null;
    }
  }

  /**
   * @return the devices whose interrupts wait for the IRQL to drop, oldest first (read only)
   */
  Iterable<Integer> pendingIsrs() {
    return pendingIsrs;
  }
}
