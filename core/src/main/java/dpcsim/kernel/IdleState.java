package dpcsim.kernel;

import dpcsim.trace.TraceKind;

/**
 * What the rest of the machine sees of a processor's idleness: its idle summary bit and
 * whether it is idle-halted (IdleHalt, Sleeping). After {@code idle.haltAfter} of quiescence a
 * processor halts: it stops polling its queue and only an interrupt (an ISR, an IPI, a clock tick)
 * wakes it. Every change of either bit is traced ({@code Idle}), from the boot event on.
 */
final class IdleState {
  private final Timeline timeline;
  private final ExecutionStack stack;

  /** {@code idle.haltAfter}, or null: the processor never halts by itself. */
  private final Long haltAfter;

  /** False until the boot event: the time-0 script runs before the first idle report. */
  private boolean booted;

  private boolean halted;
  private boolean haltArmed;
  private int haltGeneration;
  private boolean reportedIdle;
  private boolean reportedHalted;

  IdleState(Timeline timeline, ExecutionStack stack, Long haltAfter) {
    this.timeline = timeline;
    this.stack = stack;
    this.haltAfter = haltAfter;
  }

  /** The boot event: from now on the state is reported. */
  void boot() {
    booted = true;
  }

  /**
   * @return true if idle-halted
   */
  boolean halted() {
    return halted;
  }

  /** An interrupt reaches the processor: a halted one wakes up. */
  void wake() {
    if (halted) {
      halted = false;
      report();
    }
  }

  /** The scheduler readies a thread: the processor is no longer halted. */
  void threadReadied() {
    halted = false;
  }

  /** Halts now if quiescent (the {@code halt} action, or the idle-halt countdown expiring). */
  void halt() {
    if (stack.quiescent()) {
      halted = true; // IdleHalt/Sleeping; only an interrupt wakes it now
      report();
    }
  }

  /** The idle-halt countdown numbered {@code generation} expires (ignored if it was cancelled). */
  void onTimer(int generation) {
    if (generation != haltGeneration) {
      return;
    }
    haltArmed = false;
    halt();
  }

  /** The instant settled: report a change, and start or cancel the idle-halt countdown. */
  void settled() {
    if (booted) {
      report();
      arm();
    }
  }

  private void report() {
    if (!booted) {
      return;
    }
    boolean on = stack.idle();
    boolean h = on && halted;
    if (on != reportedIdle || h != reportedHalted) {
      reportedIdle = on;
      reportedHalted = h;
      timeline.trace(
          TraceKind.IDLE,
          0,
          0,
          (on ? TraceKind.IDLE_ON : 0) | (h ? TraceKind.IDLE_HALTED : 0),
          0,
          0,
          0);
    }
  }

  private void arm() {
    if (haltAfter == null) {
      return;
    }
    boolean q = stack.quiescent() && !halted;
    if (q && !haltArmed) {
      haltArmed = true;
      haltGeneration++;
      timeline.schedule(timeline.now() + haltAfter, SimEvent.Kind.HALT_TIMER, null, haltGeneration);
    } else if (!q && haltArmed) {
      haltArmed = false;
      haltGeneration++;
    }
  }
}
