package dpcsim.perfetto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sends and receipts pair first in, first out per (sender, target), in either order. */
class IpiFlowsTest {
  @Test
  @DisplayName("each pair is its own FIFO; flow ids count completed flows")
  void pairsPerSenderAndTarget() {
    IpiFlows f = new IpiFlows();
    assertEquals(0, f.send(0, 1, 10));
    assertEquals(0, f.send(0, 1, 20));
    assertEquals(0, f.send(1, 0, 30));
    assertEquals(1, f.receive(0, 1, 110));
    assertEquals(10, f.otherNs());
    assertEquals(2, f.receive(1, 0, 130));
    assertEquals(30, f.otherNs());
    assertEquals(3, f.receive(0, 1, 120));
    assertEquals(20, f.otherNs());
    assertEquals(0, f.receive(0, 1, 200), "nothing sent: the receipt waits");
    assertEquals(4, f.send(0, 1, 150));
    assertEquals(200, f.otherNs());
  }

  @Test
  @DisplayName("many IPIs in flight at once come back in order, and the pool is reused")
  void manyInFlight() {
    IpiFlows f = new IpiFlows();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 1000; i++) {
        f.send(i % 4, 7, round * 10_000L + i);
      }
      for (int i = 0; i < 1000; i++) {
        f.receive(i % 4, 7, round * 10_000L + 5000 + i);
        assertEquals(round * 10_000L + i, f.otherNs());
      }
    }
  }
}
