package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraceWriterTest {
  @Test
  @DisplayName("trace-format: keys in order, UTF-8 whole (also outside the BMP), hash of the bytes")
  void writesAndHashes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceWriter w = new TraceWriter(out, false);
    w.accept(new TraceEvent.DpcEnd(5, 1, "r\u00e9sum\u00e9\uD83D\uDE80\"q"));
    w.accept(new TraceEvent.Tick(6, 1, 1, 4, 20));
    w.accept(new TraceEvent.DpcInsert(7, 0, "x", 2, true, "normal", "head", 3));
    w.finish(10);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(
        "{\"t\":5,\"cpu\":1,\"ev\":\"DpcEnd\",\"dpc\":\"r\u00e9sum\u00e9\uD83D\uDE80\\\"q\"}\n"
            + "{\"t\":7,\"cpu\":0,\"ev\":\"DpcInsert\",\"dpc\":\"x\",\"by\":2,\"ok\":true,"
            + "\"list\":\"normal\",\"pos\":\"head\",\"depth\":3}\n",
        text);
    assertEquals(2, w.events(), "Tick lines only with --trace-ticks");
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
    assertEquals(HexFormat.of().formatHex(digest), w.sha256Hex());
  }

  @Test
  @DisplayName("without hashing: counts the lines (Ticks excluded), still writes them, no hash")
  void countsWithoutHashing() {
    TraceWriter counting = new TraceWriter(null, false, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceWriter writing = new TraceWriter(out, false, false);
    for (TraceWriter w : new TraceWriter[] {counting, writing}) {
      w.accept(new TraceEvent.DpcEnd(5, 1, "a"));
      w.accept(new TraceEvent.Tick(6, 1, 1, 4, 20));
      w.accept(new TraceEvent.DpcEnd(7, 0, "b"));
      w.finish(10);
      assertEquals(2, w.events());
      assertNull(w.sha256Hex());
    }
    assertEquals(
        "{\"t\":5,\"cpu\":1,\"ev\":\"DpcEnd\",\"dpc\":\"a\"}\n"
            + "{\"t\":7,\"cpu\":0,\"ev\":\"DpcEnd\",\"dpc\":\"b\"}\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("lines are hashed and written in chunks: many lines and one longer than a chunk")
  void chunksKeepEveryByte() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceWriter w = new TraceWriter(out, false);
    StringBuilder expected = new StringBuilder();
    String huge = "\uD83D\uDE80".repeat(20_000); // 80 kB of UTF-8 in one name
    for (int i = 0; i < 5000; i++) {
      String name = i == 2500 ? huge : "dpc" + i;
      TraceEvent e = new TraceEvent.DpcEnd(i, i % 3, name);
      w.accept(e);
      // Written out by hand, not by the code under test: the chunking must keep every byte.
      expected
          .append("{\"t\":")
          .append(i)
          .append(",\"cpu\":")
          .append(i % 3)
          .append(",\"ev\":\"DpcEnd\",\"dpc\":\"")
          .append(name)
          .append("\"}\n");
    }
    w.finish(5000);
    byte[] bytes = expected.toString().getBytes(StandardCharsets.UTF_8);
    assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
    assertEquals(HexFormat.of().formatHex(digest), w.sha256Hex());
  }
}
