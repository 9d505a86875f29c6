package dpcsim.lookahead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PartitionTest {
  @Test
  @DisplayName("an even split gives the first nodes one more, as the coordinator places them")
  void evenSplit() {
    Partition p = Partition.even(10, 3);
    assertEquals(3, p.nodes());
    assertEquals("0-3, 4-6, 7-9", p.toString());
    assertEquals(0, p.nodeOf(3));
    assertEquals(1, p.nodeOf(4));
    assertEquals(2, p.nodeOf(9));
    assertTrue(p.sameNode(4, 6));
    assertFalse(p.sameNode(6, 7));
  }

  @Test
  @DisplayName("more nodes than processors: one processor per node")
  void atMostOneNodePerProcessor() {
    Partition p = Partition.even(2, 5);
    assertEquals(2, p.nodes());
    assertEquals(1, p.nodeOf(1));
  }

  @Test
  @DisplayName("ranges must start at 0, ascend and be non-empty")
  void invalidRanges() {
    assertThrows(IllegalArgumentException.class, () -> Partition.ofFirsts(new int[] {1}, 4));
    assertThrows(IllegalArgumentException.class, () -> Partition.ofFirsts(new int[] {0, 2, 2}, 4));
    assertThrows(IllegalArgumentException.class, () -> Partition.ofFirsts(new int[] {0, 4}, 4));
    assertEquals(2, Partition.ofFirsts(new int[] {0, 3}, 4).nodes());
  }
}
