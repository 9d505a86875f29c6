package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DPC thread and its request, called directly. */
class DpcThreadTest {

  @Test
  @DisplayName("R-15: a request sets DpcThreadRequested and QuantumEnd, once")
  void request() {
    Kprcb p = Fixtures.threadedPrcb(0);
    assertTrue(DpcThread.request(p));
    assertTrue(p.dpcThreadRequested());
    assertTrue(p.quantumEnd());
    assertFalse(DpcThread.request(p), "already requested");
    Kprcb active = Fixtures.threadedPrcb(0);
    active.dpcThreadActive = true;
    assertFalse(DpcThread.request(active), "already running");
    assertFalse(active.quantumEnd());
  }

  @Test
  @DisplayName("R-18/R-32: QuantumEnd readies a requested thread and is cleared")
  void quantumEnd() {
    Kprcb p = Fixtures.threadedPrcb(0);
    assertFalse(DpcThread.quantumEnd(p), "no QuantumEnd: nothing happens");
    DpcThread.request(p);
    assertTrue(DpcThread.quantumEnd(p));
    assertTrue(p.dpcThreadActive());
    assertFalse(p.quantumEnd());
    p.quantumEnd = true;
    assertFalse(DpcThread.quantumEnd(p), "an active thread is not started twice");
  }

  @Test
  @DisplayName("R-32: the thread drains its queue head first, then clears Active and Requested")
  void drains() {
    Kprcb p = Fixtures.threadedPrcb(0);
    Kdpc a = Fixtures.threadedDpc(1);
    Kdpc b = Fixtures.threadedDpc(2);
    Insertion.insert(p, a, 0, 0);
    Insertion.insert(p, b, 0, 0);
    DpcThread.request(p);
    DpcThread.quantumEnd(p);
    assertSame(a, DpcThread.nextRoutine(p));
    assertFalse(a.inserted(), "DpcData cleared before the call");
    assertSame(b, DpcThread.nextRoutine(p));
    assertEquals(0, p.threaded().depth());
    assertTrue(p.dpcThreadActive(), "still running until it finds the queue empty");
    assertNull(DpcThread.nextRoutine(p));
    assertFalse(p.dpcThreadActive());
    assertFalse(p.dpcThreadRequested());
  }
}
