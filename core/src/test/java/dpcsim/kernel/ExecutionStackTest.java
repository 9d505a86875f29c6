package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.scenario.Dist;
import dpcsim.scenario.Irql;
import dpcsim.scenario.Work;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What runs at which IRQL, on the stack alone. */
class ExecutionStackTest {
  private final Timeline timeline =
      new Timeline(0, 1_000_000, (kind, t, cpu, a, b, c, x, y, z, emitter, seq) -> {});

  /** A stack whose thread level has a thread with work ({@code busy}) or none (idle). */
  private ExecutionStack stack(boolean busy) {
    ThreadLoad load = new ThreadLoad(timeline, new RandomStream(1, RandomStream.LOAD, 0), 0, 1);
    if (busy) {
      load.runThread(1_000);
    }
    return new ExecutionStack(load);
  }

  private static Activity work(Activity.Kind kind) {
    Work w = new Work(new Dist.Fixed(1_000), List.of());
    return new Activity(kind, 0, null, w, StepPlan.of(w), 1_000, false);
  }

  @Test
  @DisplayName("R-30: an idle processor runs its idle loop at DISPATCH_LEVEL")
  void idleLoopAtDispatch() {
    ExecutionStack s = stack(false);
    assertTrue(s.idle());
    assertEquals(Irql.DISPATCH, s.currentIrql());
    assertTrue(s.quiescent());
    assertFalse(s.atOrAboveDispatch(), "the idle loop does not count for the watchdog");
  }

  @Test
  @DisplayName("R-21: a retire pass runs at DISPATCH over a thread, an ISR at DIRQL over both")
  void levels() {
    ExecutionStack s = stack(true);
    assertFalse(s.idle());
    assertEquals(Irql.PASSIVE, s.currentIrql());
    s.setRetiring(true);
    assertEquals(Irql.DISPATCH, s.currentIrql());
    s.interruptArrives(3);
    assertTrue(s.isrDue(), "DISPATCH is below DIRQL");
    assertEquals(3, s.takePendingIsr());
    s.startIsr(work(Activity.Kind.ISR));
    assertEquals(Irql.DEVICE, s.currentIrql());
    s.interruptArrives(4);
    assertFalse(s.isrDue(), "one ISR at a time");
    assertTrue(s.atOrAboveDispatch());
  }

  @Test
  @DisplayName("R-21: an ISR suspends the DPC routine; the routine resumes when the ISR ends")
  void preemption() {
    ExecutionStack s = stack(true);
    s.setRetiring(true);
    Activity dpc = work(Activity.Kind.DPC);
    s.startDpcRoutine(dpc);
    assertSame(dpc, s.switchToTop(0));
    dpc.resume(0);
    Activity isr = work(Activity.Kind.ISR);
    s.startIsr(isr);
    assertSame(isr, s.switchToTop(100));
    assertFalse(dpc.running(), "suspended");
    assertEquals(100, dpc.progress(500));
    assertNull(s.switchToTop(100), "nothing changed");
    s.finish(isr);
    assertNull(s.isr());
    assertSame(dpc, s.switchToTop(1_100));
  }

  @Test
  @DisplayName("R-18/R-21: a DISPATCH request waits while the thread runs at DISPATCH or above")
  void dispatchWaitsForIrql() {
    ExecutionStack s = stack(true);
    s.setThreadIrql(Irql.DISPATCH);
    s.requestDispatch();
    assertFalse(s.dispatchDue());
    s.setThreadIrql(Irql.PASSIVE);
    assertTrue(s.dispatchDue());
    s.clearDispatch();
    assertFalse(s.dispatchDue());
  }

  @Test
  @DisplayName("ticks and IPIs arriving at HIGH_LEVEL wait and are replayed when it drops")
  void masking() {
    ExecutionStack s = stack(true);
    assertTrue(s.setThreadIrql(Irql.HIGH).isEmpty());
    assertTrue(s.masks());
    SimEvent tick = new SimEvent(5, 1, 0, 0, 0, SimEvent.Kind.TICK, null, 1);
    s.mask(tick);
    assertTrue(s.setThreadIrql(Irql.HIGH).isEmpty(), "still HIGH");
    assertEquals(List.of(tick), s.setThreadIrql(Irql.DISPATCH));
    assertFalse(s.masks());
    assertTrue(s.setThreadIrql(Irql.PASSIVE).isEmpty(), "replayed once");
  }
}
