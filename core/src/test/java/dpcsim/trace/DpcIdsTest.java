package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One numbering of KDPC names whichever table the ids come from. */
class DpcIdsTest {
  @Test
  @DisplayName("tables that number the same names differently map to the same ids")
  void sameNameSameId() {
    DpcIds ids = new DpcIds();
    assertArrayEquals(
        new int[] {0, 1, 2}, ids.of(new TraceNames(List.of("a", "b", "c"), List.of())));
    assertArrayEquals(
        new int[] {2, 0, 3}, ids.of(new TraceNames(List.of("c", "a", "d"), List.of("a"))));
    assertEquals(4, ids.size());
  }

  @Test
  @DisplayName("a table is mapped once: the same table gives the same array")
  void mappedOncePerTable() {
    DpcIds ids = new DpcIds();
    TraceNames names = new TraceNames(List.of("x", "y"), List.of());
    int[] first = ids.of(names);
    assertSame(first, ids.of(names));
    TraceNames equal = new TraceNames(List.of("x", "y"), List.of());
    assertArrayEquals(first, ids.of(equal), "an equal table (a client's own copy)");
    assertArrayEquals(new int[0], ids.of(TraceNames.NONE));
  }
}
