package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One poll of the idle loop, called directly. */
class IdleLoopTest {

  @Test
  @DisplayName("R-30: the idle loop finds queued KDPCs at once and begins a retire pass")
  void retiresAtOnce() {
    Kprcb p = Fixtures.prcb(0);
    Fixtures.fill(p.normal, 1);
    assertEquals(IdleLoop.Poll.RETIRE, IdleLoop.poll(p));
    assertTrue(p.dpcRoutineActive());
  }

  @Test
  @DisplayName("R-30/R-32: the idle loop handles QuantumEnd; the threaded queue is not polled")
  void quantumEndAndThreadedQueue() {
    Kprcb p = Fixtures.threadedPrcb(0);
    Insertion.insert(p, Fixtures.threadedDpc(1), 0, 0);
    assertEquals(IdleLoop.Poll.NOTHING, IdleLoop.poll(p), "the DPC thread's queue");
    DpcThread.request(p);
    assertEquals(IdleLoop.Poll.QUANTUM_END, IdleLoop.poll(p));
    assertFalse(p.dpcRoutineActive());
  }

  @Test
  @DisplayName("R-31: with nothing queued the poll finds nothing (the request is absorbed anyway)")
  void nothing() {
    Kprcb p = Fixtures.prcb(0);
    assertEquals(IdleLoop.Poll.NOTHING, IdleLoop.poll(p));
    assertFalse(p.dpcRoutineActive());
  }
}
