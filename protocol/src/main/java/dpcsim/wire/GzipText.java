package dpcsim.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A text that crosses the wire gzipped: scenario text. A generated scenario can be megabytes (DPC
 * PHOLD on 2048 processors is 1.5 MB of YAML), far over Artery's 256 KiB frame, while its
 * repetitive text shrinks twentyfold.
 */
public final class GzipText {
  private GzipText() {}

  /**
   * @return {@code text} as gzipped UTF-8
   */
  public static byte[] compress(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, text.length() / 8));
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  /**
   * @return the text {@link #compress} made {@code gzipped} from
   */
  public static String decompress(byte[] gzipped) throws IOException {
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Writes a string property as gzipped binary (CBOR carries bytes natively). */
  public static final class Serializer extends StdSerializer<String> {
    public Serializer() {
      super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeBinary(compress(value));
    }
  }

  /** Reads what {@link Serializer} wrote. */
  public static final class Deserializer extends StdDeserializer<String> {
    public Deserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return decompress(p.getBinaryValue());
    }
  }
}
