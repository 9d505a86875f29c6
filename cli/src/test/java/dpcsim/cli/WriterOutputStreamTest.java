package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** WriterOutputStream: UTF-8 bytes into a Writer, whatever the write boundaries. */
@DisplayName("WriterOutputStream")
class WriterOutputStreamTest {
  private static final String TEXT = "caf\u00e9 \u2192 \uD83D\uDE80 ok\n".repeat(700);

  @Test
  @DisplayName("one write per byte: characters split across writes come out whole")
  void byteByByte() throws IOException {
    StringWriter w = new StringWriter();
    try (WriterOutputStream out = new WriterOutputStream(w)) {
      for (byte b : TEXT.getBytes(StandardCharsets.UTF_8)) {
        out.write(b);
      }
    }
    assertEquals(TEXT, w.toString());
  }

  @Test
  @DisplayName("one write larger than the internal buffer")
  void oneBigWrite() throws IOException {
    StringWriter w = new StringWriter();
    try (WriterOutputStream out = new WriterOutputStream(w)) {
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(TEXT, w.toString());
  }

  @Test
  @DisplayName("writes of 7 bytes: chunk edges fall inside 2-, 3- and 4-byte characters")
  void oddChunks() throws IOException {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    StringWriter w = new StringWriter();
    try (WriterOutputStream out = new WriterOutputStream(w)) {
      for (int i = 0; i < bytes.length; i += 7) {
        out.write(bytes, i, Math.min(7, bytes.length - i));
      }
    }
    assertEquals(TEXT, w.toString());
  }
}
