package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Objects as one-entry buffers: the same event back, names numbered as they first appear. */
class EventEntryTest {
  @Test
  @DisplayName("every kind of event is entry 0 of the buffer, decoding to the object it came from")
  void everyKindRoundTrips() {
    EventEntry entries = new EventEntry();
    for (TraceEvent e : TraceColumnsTest.everyKind()) {
      TraceBuffer one = entries.of(e);
      assertEquals(1, one.size());
      assertEquals(e, one.event(0));
    }
  }

  @Test
  @DisplayName("a name keeps its id; only a new name makes a new table")
  void namesGrowInOrderOfFirstAppearance() {
    EventEntry entries = new EventEntry();
    TraceBuffer first = entries.of(new TraceEvent.DpcEnd(1, 0, "b"));
    TraceNames table = first.names();
    assertSame(table, entries.of(new TraceEvent.DpcEnd(2, 0, "b")).names());
    assertSame(table, entries.of(new TraceEvent.Idle(3, 0, true, false)).names(), "no name");

    TraceBuffer later = entries.of(new TraceEvent.IsrStart(4, 0, "nic"));
    assertNotSame(table, later.names());
    later = entries.of(new TraceEvent.DpcStart(5, 0, "a", "DISPATCH", 0, 0));
    assertEquals(1, later.a(0), "a came second");
    later = entries.of(new TraceEvent.DpcInsert(6, 0, "b", 0, true, "normal", "tail", 1));
    assertEquals(0, later.a(0), "b kept its id");
    assertEquals(List.of("b", "a"), List.of(later.names().dpc(0), later.names().dpc(1)));
    assertEquals("nic", later.names().device(0));
  }
}
