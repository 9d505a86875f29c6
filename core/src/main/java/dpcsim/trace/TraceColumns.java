package dpcsim.trace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trace events as they cross an actor boundary or the network: a {@link TraceBuffer}'s packed words
 * cut to size (eight longs an event, see {@link TraceBuffer}), without the names, which every node
 * derives from the same scenario. Cutting and appending are one array copy each. On the wire the
 * words are one byte string (little-endian, {@link #wire}): CBOR then copies bytes instead of
 * encoding and decoding eight integers an event, which made shipping a node's trace cost more than
 * simulating it.
 *
 * @param words the events' words, {@link TraceBuffer#STRIDE} per event
 */
public record TraceColumns(long[] words) {
  /** No events. */
  public static final TraceColumns EMPTY = new TraceColumns(new long[0]);

  /** Checks what came off the wire: whole events, known kinds, processors in range. */
  public TraceColumns {
    if (words.length % TraceBuffer.STRIDE != 0) {
      throw new IllegalArgumentException(
          "trace columns of " + words.length + " words: not whole events");
    }
    for (int o = 0; o < words.length; o += TraceBuffer.STRIDE) {
      long head = words[o];
      if ((head & 0xFF) >= TraceKind.COUNT || (head >> 32) < 0) {
        throw new IllegalArgumentException("not a trace event: word " + Long.toHexString(head));
      }
    }
  }

  /**
   * @return the words as bytes, little-endian: the serialized form
   */
  @JsonValue
  public byte[] wire() {
    ByteBuffer b = ByteBuffer.allocate(words.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(words);
    return b.array();
  }

  /**
   * @return the columns {@link #wire} wrote, checked as every other
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TraceColumns fromWire(byte[] bytes) {
    if (bytes.length % (Long.BYTES * TraceBuffer.STRIDE) != 0) {
      throw new IllegalArgumentException(
          "trace columns of " + bytes.length + " bytes: not whole events");
    }
    long[] words = new long[bytes.length / Long.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(words);
    return new TraceColumns(words);
  }

  /**
   * @return the number of events
   */
  public int size() {
    return words.length / TraceBuffer.STRIDE;
  }

  /**
   * @return event {@code i}'s simulated time
   */
  public long t(int i) {
    return words[i * TraceBuffer.STRIDE + 1];
  }

  /**
   * @return events {@code [from, to)} of these
   */
  public TraceColumns slice(int from, int to) {
    return new TraceColumns(
        Arrays.copyOfRange(words, from * TraceBuffer.STRIDE, to * TraceBuffer.STRIDE));
  }

  /**
   * @return the events as objects with their sort keys, named by {@code names} (allocates: for
   *     tests and tools)
   */
  @JsonIgnore
  public List<TraceRecord> records(TraceNames names) {
    TraceBuffer buffer = new TraceBuffer(names, size());
    buffer.addAll(this);
    List<TraceRecord> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      out.add(buffer.record(i));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceColumns other && Arrays.equals(words, other.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "TraceColumns[" + size() + " events]";
  }
}
