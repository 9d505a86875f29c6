package dpcsim.invariant;

import dpcsim.kernel.RunningWork;
import dpcsim.scenario.Irql;

/**
 * what runs is ordered by IRQL. An ISR runs at DIRQL, above any DISPATCH work; a DPC routine
 * runs in a retire pass at DISPATCH_LEVEL or above it (preempted by an ISR); only the topmost piece
 * of work progresses, the ones below are suspended.
 */
public final class IrqlOrdering implements Invariant {
  @Override
  public String name() {
    return "IRQL ordering";
  }

  @Override
  public void check(RunState state) {
    for (CpuState c : state.cpus()) {
      Irql irql = c.irql();
      if (c.isr() != null && irql != Irql.DEVICE) {
        state.fail(this, c.cpu(), "an ISR is under way at " + irql.kernelName());
      }
      if (c.dpcRoutine() != null && irql.level() < Irql.DISPATCH.level()) {
        state.fail(this, c.cpu(), "a DPC routine is under way at " + irql.kernelName());
      }
      int running = running(c.isr()) + running(c.dpcRoutine()) + running(c.threadedRoutine());
      if (running > 1) {
        state.fail(this, c.cpu(), running + " pieces of work progress at once");
      }
      if (c.isr() != null && !c.isr().running()) {
        state.fail(this, c.cpu(), "the ISR, the topmost work, is suspended");
      }
    }
  }

  private static int running(RunningWork w) {
    return w != null && w.running() ? 1 : 0;
  }
}
