package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The wire form of trace columns: one byte string, checked on arrival as any other. */
class TraceColumnsWireTest {
  @Test
  @DisplayName("the words go out as little-endian bytes and come back equal")
  void roundTrip() {
    TraceBuffer b = new TraceBuffer(TraceNames.NONE, 2);
    b.emit(TraceKind.WATCHDOG, Long.MAX_VALUE, 2047, -1, 0, 7, Long.MIN_VALUE, 1, -1, 3, 99);
    b.emit(TraceKind.DPC_START, 5, 0, 1, 2, 3, 4, 5, 6, 0, 1);
    TraceColumns c = b.columns(0, 2);
    byte[] wire = c.wire();
    assertArrayEquals(c.words(), TraceColumns.fromWire(wire).words());
  }

  @Test
  @DisplayName("bytes that are not whole events, or not events, are refused")
  void refused() {
    assertThrows(IllegalArgumentException.class, () -> TraceColumns.fromWire(new byte[7]));
    byte[] notAnEvent = new byte[64];
    notAnEvent[0] = (byte) 0xFF; // kind 255
    assertThrows(IllegalArgumentException.class, () -> TraceColumns.fromWire(notAnEvent));
  }
}
