package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.scenario.Importance;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Taking the DISPATCH interrupt and the retire pass (R-18..R-20), called directly. */
class RetirementTest {

  @Test
  @DisplayName("R-18: taking the interrupt clears DpcInterruptRequested, except under reactos")
  void takingClearsRequest() {
    Kprcb ws03 = Fixtures.prcb(0);
    ws03.dpcInterruptRequested = true;
    Fixtures.fill(ws03.normal, 1);
    assertTrue(Retirement.takeDispatchInterrupt(ws03, Profiles.WS03), "a pass begins");
    assertFalse(ws03.dpcInterruptRequested());
    assertTrue(ws03.dpcRoutineActive(), "R-19: DpcRoutineActive for the whole pass");
    Kprcb reactos = Fixtures.prcb(0);
    reactos.dpcInterruptRequested = true;
    Fixtures.fill(reactos.normal, 1);
    assertTrue(Retirement.takeDispatchInterrupt(reactos, Profiles.REACTOS));
    assertTrue(reactos.dpcInterruptRequested(), "only the end of the pass clears it");
  }

  @Test
  @DisplayName("R-18: with nothing queued the interrupt begins no pass (QuantumEnd follows)")
  void emptyQueueNoPass() {
    Kprcb p = Fixtures.prcb(0);
    p.dpcInterruptRequested = true;
    assertFalse(Retirement.takeDispatchInterrupt(p, Profiles.WS03));
    assertFalse(p.dpcRoutineActive());
    assertFalse(p.dpcInterruptRequested());
  }

  @Test
  @DisplayName("R-19: the pass takes the head, clears DpcData before the call, depth down")
  void nextRoutineTakesHead() {
    Kprcb p = Fixtures.prcb(0);
    Kdpc low = Fixtures.dpc(1, Importance.LOW);
    Kdpc high = Fixtures.dpc(2, Importance.HIGH);
    Insertion.insert(p, low, 0, 0);
    Insertion.insert(p, high, 0, 0);
    Retirement.beginPass(p);
    assertSame(high, Retirement.nextRoutine(p));
    assertFalse(high.inserted(), "DpcData cleared before the call");
    assertEquals(1, p.normal().depth());
    assertEquals(2, p.normal().count(), "DpcCount is never decremented");
    assertSame(low, Retirement.nextRoutine(p));
    assertNull(Retirement.nextRoutine(p), "the queue is empty: the pass ends");
  }

  @Test
  @DisplayName("R-19: the end of the pass clears DpcRoutineActive and DpcInterruptRequested")
  void endPassClearsBoth() {
    Kprcb p = Fixtures.prcb(0);
    Retirement.beginPass(p);
    p.dpcInterruptRequested = true;
    Retirement.endPass(p);
    assertFalse(p.dpcRoutineActive());
    assertFalse(p.dpcInterruptRequested());
  }

  @Test
  @DisplayName("R-20: a routine re-inserting its own KDPC gets TRUE and no new interrupt")
  void selfReinsert() {
    Kprcb p = Fixtures.prcb(0);
    Kdpc x = Fixtures.dpc(1, Importance.HIGH);
    Insertion.insert(p, x, 0, 0);
    Retirement.beginPass(p);
    Kdpc running = Retirement.nextRoutine(p);
    assertEquals(Insertion.Placement.HEAD, Insertion.insert(p, running, 7, 8), "TRUE");
    assertEquals(
        DpcInterrupt.Request.NONE,
        DpcInterrupt.forNormalInsert(p, Importance.HIGH, 0, false, false, Profiles.WS03),
        "DpcRoutineActive: the pass reaches it");
    assertEquals(List.of(x), p.normal().entries());
    assertSame(x, Retirement.nextRoutine(p), "it runs again in the same pass");
  }
}
