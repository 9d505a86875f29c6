package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dpcsim.ExampleScenarios;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every kind of trace event survives the trip into columns and back, and the line written from the
 * columns is byte for byte the line written from the object (the trace format is a contract).
 */
class TraceColumnsTest {
  private static final TraceNames NAMES =
      new TraceNames(List.of("nicRx", "tab\there", "quote\"d", "ünï"), List.of("nic", "disk\\1"));

  /** One event of every kind and every variant of its flags and symbols. */
  static List<TraceEvent> everyKind() {
    List<TraceEvent> all = new ArrayList<>();
    all.add(new TraceEvent.DpcInsert(5, 0, "nicRx", 0, true, "normal", "tail", 1));
    all.add(new TraceEvent.DpcInsert(5, 1, "tab\there", 3, true, "threaded", "head", 42));
    all.add(TraceEvent.DpcInsert.rejected(6, 2, "quote\"d", 2));
    for (String via : List.of("local", "ipi", "flush", "tick")) {
      all.add(new TraceEvent.DpcInterruptRequest(7, 1, 0, via));
    }
    all.add(new TraceEvent.IpiSend(8, 0, 3, "DPC"));
    all.add(new TraceEvent.IpiReceive(9, 3, 0, "DPC"));
    all.add(new TraceEvent.DpcStart(10, 3, "ünï", "DISPATCH", 0, -1));
    all.add(new TraceEvent.DpcStart(10, 3, "nicRx", "PASSIVE", Long.MIN_VALUE, 7));
    all.add(new TraceEvent.DpcEnd(11, 3, "ünï"));
    all.add(new TraceEvent.DpcRemove(12, 0, "nicRx", 1, true));
    all.add(new TraceEvent.DpcRemove(12, 0, "nicRx", 0, false));
    all.add(new TraceEvent.IsrStart(13, 0, "nic"));
    all.add(new TraceEvent.IsrEnd(14, 0, "disk\\1"));
    all.add(new TraceEvent.Idle(15, 2, true, false));
    all.add(new TraceEvent.Idle(15, 2, true, true));
    all.add(new TraceEvent.Idle(16, 2, false, false));
    all.add(new TraceEvent.Tick(17, 0, 4294967295L, 0, 20));
    all.add(new TraceEvent.Watchdog(18, 1, TraceEvent.Watchdog.CODE, 0, 1281, 1280));
    for (String level : List.of("PASSIVE", "APC", "DISPATCH", "HIGH")) {
      all.add(new TraceEvent.Irql(19, 1, level));
    }
    return all;
  }

  @Test
  @DisplayName("each kind decodes to the object it was encoded from, with its sort key")
  void roundTrip() {
    TraceBuffer b = new TraceBuffer(NAMES, 1);
    List<TraceEvent> in = everyKind();
    for (int i = 0; i < in.size(); i++) {
      b.add(in.get(i), i % 3, 100 + i);
    }
    assertEquals(in.size(), b.size());
    for (int i = 0; i < in.size(); i++) {
      assertEquals(in.get(i), b.event(i), "entry " + i);
      assertEquals(new TraceRecord(in.get(i), i % 3, 100 + i), b.record(i));
    }
  }

  @Test
  @DisplayName("the writer's lines from columns equal its lines from objects, ticks or not")
  void sameBytesBothWays() throws Exception {
    for (boolean ticks : new boolean[] {false, true}) {
      // What each object writes itself (TraceEvent.writeJson), line by line.
      ByteArrayOutputStream fromObjects = new ByteArrayOutputStream();
      TraceBuffer b = new TraceBuffer(NAMES, 4);
      long lines = 0;
      for (TraceEvent e : everyKind()) {
        b.add(e);
        if (ticks || !(e instanceof TraceEvent.Tick)) {
          fromObjects.write(objectLine(e));
          lines++;
        }
      }
      String hash1 = ExampleScenarios.sha256(fromObjects.toByteArray());
      long objectLines = lines;
      ByteArrayOutputStream fromColumns = new ByteArrayOutputStream();
      TraceWriter w2 = new TraceWriter(fromColumns, ticks);
      w2.accept(b, 0, 7);
      w2.accept(b, 7, b.size());
      String hash2 = w2.sha256Hex();
      w2.finish(20);
      assertAll(
          () -> assertArrayEquals(fromObjects.toByteArray(), fromColumns.toByteArray()),
          () -> assertEquals(hash1, hash2),
          () -> assertEquals(objectLines, w2.events()));
    }
  }

  /** The line {@code e} writes itself, with its newline. */
  private static byte[] objectLine(TraceEvent e) {
    JsonLine line = new JsonLine();
    e.writeJson(line);
    line.raw('\n');
    return java.util.Arrays.copyOf(line.bytes(), line.length());
  }

  @Test
  @DisplayName("objects and batches of columns fed in turn to one writer keep their order")
  void interleaved() throws Exception {
    List<TraceEvent> all = new ArrayList<>();
    for (int r = 0; r < 2000; r++) {
      all.addAll(everyKind()); // enough lines to cross chunk boundaries
    }
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (TraceEvent e : all) {
      expected.write(objectLine(e));
    }
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    TraceWriter w2 = new TraceWriter(mixed, true);
    TraceBuffer b = new TraceBuffer(NAMES, 64);
    for (int i = 0; i < all.size(); i++) {
      if ((i / 37) % 2 == 0) {
        w2.accept(all.get(i));
      } else {
        b.clear();
        b.add(all.get(i));
        w2.accept(b, 0, 1);
      }
    }
    w2.finish(20);
    assertArrayEquals(expected.toByteArray(), mixed.toByteArray());
  }

  @Test
  @DisplayName("copies keep every column; truncate and clear keep the arrays")
  void copies() {
    TraceBuffer a = new TraceBuffer(NAMES, 2);
    everyKind().forEach(a::add);
    TraceBuffer b = new TraceBuffer(NAMES, 1);
    b.copyRange(a, 3, a.size());
    b.copy(a, 0);
    assertEquals(a.size() - 3 + 1, b.size());
    assertEquals(a.event(3), b.event(0));
    assertEquals(a.event(0), b.event(b.size() - 1));
    int capacity = b.capacity();
    b.truncate(1);
    assertEquals(1, b.size());
    b.clear();
    assertEquals(0, b.size());
    assertEquals(capacity, b.capacity());
    assertThrows(IndexOutOfBoundsException.class, () -> b.truncate(1));
  }

  @Test
  @DisplayName("an unknown name or symbol is refused when encoding")
  void unknownNames() {
    TraceBuffer b = new TraceBuffer(NAMES, 1);
    assertAll(
        () ->
            assertThrows(
                IllegalArgumentException.class, () -> b.add(new TraceEvent.DpcEnd(1, 0, "x"))),
        () ->
            assertThrows(
                IllegalArgumentException.class,
                () -> b.add(new TraceEvent.DpcInterruptRequest(1, 0, 0, "smoke"))));
  }

  @Test
  @DisplayName("entries compare in trace order (t, cpu, emitter, emitSeq)")
  void order() {
    TraceBuffer b = new TraceBuffer(NAMES, 4);
    b.add(new TraceEvent.DpcEnd(1, 1, "nicRx"), 0, 5);
    b.add(new TraceEvent.DpcEnd(1, 1, "nicRx"), 0, 6);
    b.add(new TraceEvent.DpcEnd(1, 1, "nicRx"), 2, 0);
    b.add(new TraceEvent.DpcEnd(1, 2, "nicRx"), 0, 0);
    b.add(new TraceEvent.DpcEnd(2, 0, "nicRx"), 0, 0);
    for (int i = 0; i + 1 < b.size(); i++) {
      assertEquals(-1, Integer.signum(b.compare(i, i + 1)), "entry " + i);
      assertEquals(1, Integer.signum(b.compare(i + 1, i)), "entry " + i);
    }
    assertEquals(0, b.compare(2, 2));
  }

  @Test
  @DisplayName("columns for a message keep every event; malformed words from the wire are refused")
  void messageColumns() {
    TraceBuffer a = new TraceBuffer(NAMES, 2);
    everyKind().forEach(a::add);
    TraceColumns all = a.columns(0, a.size());
    assertEquals(a.size(), all.size());
    TraceColumns some = all.slice(2, 5);
    assertEquals(all.records(NAMES).subList(2, 5), some.records(NAMES));
    assertEquals(a.t(4), all.t(4));
    TraceBuffer b = new TraceBuffer(NAMES, 1);
    b.addAll(all);
    b.addAll(TraceColumns.EMPTY);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.record(i), b.record(i));
    }
    assertEquals(all, b.columns(0, b.size()));
    assertAll(
        () -> assertThrows(IllegalArgumentException.class, () -> new TraceColumns(new long[7])),
        () -> {
          long[] w = new long[8];
          w[0] = TraceKind.COUNT; // no such kind
          assertThrows(IllegalArgumentException.class, () -> new TraceColumns(w));
        },
        () -> {
          long[] w = new long[8];
          w[0] = -1L << 32; // a negative emitter
          assertThrows(IllegalArgumentException.class, () -> new TraceColumns(w));
        });
  }
}
