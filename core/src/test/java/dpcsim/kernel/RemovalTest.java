package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.scenario.Importance;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** KeRemoveQueueDpc, called directly. */
class RemovalTest {

  @Test
  @DisplayName("R-22: a KDPC that is not queued: FALSE where it is called")
  void notQueued() {
    assertEquals(-1, Removal.queueOwner(Fixtures.dpc(1, Importance.MEDIUM)));
  }

  @Test
  @DisplayName("R-22: removal unlinks, lowers the depth, clears DpcData, keeps DpcCount")
  void removeQueued() {
    Kprcb p = Fixtures.prcb(2);
    Kdpc x = Fixtures.dpc(1, Importance.MEDIUM);
    Kdpc y = Fixtures.dpc(2, Importance.MEDIUM);
    Insertion.insert(p, x, 0, 0);
    Insertion.insert(p, y, 0, 0);
    assertEquals(2, Removal.queueOwner(x), "it takes effect on the queue's processor");
    assertTrue(Removal.remove(p, x));
    assertFalse(x.inserted());
    assertEquals(List.of(y), p.normal().entries());
    assertEquals(1, p.normal().depth());
    assertEquals(2, p.normal().count());
    assertFalse(Removal.remove(p, x), "a second removal: FALSE");
  }

  @Test
  @DisplayName("R-22: a removal arriving after the KDPC moved on or ran returns FALSE")
  void queuedElsewhereNow() {
    Kprcb here = Fixtures.prcb(0);
    Kprcb there = Fixtures.prcb(1);
    Kdpc x = Fixtures.dpc(1, Importance.MEDIUM);
    Insertion.insert(there, x, 0, 0);
    assertFalse(Removal.remove(here, x));
    assertTrue(x.inserted(), "the other processor's queue is untouched");
    Retirement.beginPass(there);
    Retirement.nextRoutine(there);
    assertFalse(Removal.remove(there, x), "its routine was called: DpcData is clear");
  }
}
