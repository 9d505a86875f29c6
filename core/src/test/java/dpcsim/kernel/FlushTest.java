package dpcsim.kernel;

import static dpcsim.kernel.DpcInterrupt.Request.IPI;
import static dpcsim.kernel.DpcInterrupt.Request.NONE;
import static dpcsim.kernel.DpcInterrupt.Request.SOFTWARE_INTERRUPT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** KeFlushQueuedDpcs on one processor, called directly. */
class FlushTest {

  @Test
  @DisplayName("R-23: a processor with empty queues is not interrupted")
  void emptyQueues() {
    assertEquals(NONE, Flush.request(Fixtures.threadedPrcb(0), 0));
    assertEquals(NONE, Flush.request(Fixtures.threadedPrcb(0), 1));
  }

  @Test
  @DisplayName("R-23: queued work: a software interrupt on the caller, an IPI elsewhere")
  void normalWork() {
    Kprcb p = Fixtures.prcb(0);
    Fixtures.fill(p.normal, 1);
    assertEquals(SOFTWARE_INTERRUPT, Flush.request(p, 0));
    assertEquals(IPI, Flush.request(p, 3));
    assertFalse(p.dpcInterruptRequested(), "a flush does not set DpcInterruptRequested");
    assertFalse(p.dpcThreadRequested());
  }

  @Test
  @DisplayName("R-23/R-32: threaded work requests the DPC thread unless it is already running")
  void threadedWork() {
    Kprcb p = Fixtures.threadedPrcb(0);
    Insertion.insert(p, Fixtures.threadedDpc(1), 0, 0);
    assertEquals(IPI, Flush.request(p, 1));
    assertTrue(p.dpcThreadRequested());
    assertTrue(p.quantumEnd());
    Kprcb active = Fixtures.threadedPrcb(0);
    Insertion.insert(active, Fixtures.threadedDpc(1), 0, 0);
    active.dpcThreadActive = true;
    assertEquals(SOFTWARE_INTERRUPT, Flush.request(active, 0));
    assertFalse(active.dpcThreadRequested(), "an active thread drains it anyway");
  }
}
