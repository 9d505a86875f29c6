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

  /** Artery's frame limit, which dpcsim keeps: no message, so no gzipped text, is larger. */
  public static final int FRAME_LIMIT = 256 * 1024;

  /**
   * How much larger than a frame a text may inflate to: 64, so 16 MiB, above the largest scenario a
   * node accepts (3 Mi characters, at most 9 MiB of UTF-8) and far below what a gzip bomb in one
   * frame could make (about 1000 times its size).
   */
  public static final int INFLATE_FACTOR = 64;

  /** The most bytes {@link #decompress} inflates. */
  public static final int MAX_INFLATED = FRAME_LIMIT * INFLATE_FACTOR;

  /** What a refused text reads as after deserialization: see {@link #refusal}. */
  private static final String REFUSED = "\u0000dpcsim-refused:";

  /**
   * @return the text {@link #compress} made {@code gzipped} from
   * @throws IOException if it is not gzip, or inflates beyond {@code maxBytes}
   */
  public static String decompress(byte[] gzipped, int maxBytes) throws IOException {
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      // One byte over the limit tells "at most" from "more": nothing beyond it is inflated.
      byte[] text = gz.readNBytes(maxBytes + 1);
      if (text.length > maxBytes) {
        throw new TooLarge(
            "a gzipped text of "
                + gzipped.length
                + " bytes inflates beyond "
                + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes")
                + " ("
                + INFLATE_FACTOR
                + " times the "
                + (FRAME_LIMIT >> 10)
                + " KiB frame limit); refused");
      }
      return new String(text, StandardCharsets.UTF_8);
    }
  }

  /**
   * @return the text {@link #compress} made {@code gzipped} from, at most {@link #MAX_INFLATED}
   *     bytes
   */
  public static String decompress(byte[] gzipped) throws IOException {
    return decompress(gzipped, MAX_INFLATED);
  }

  /**
   * @return why a text that crossed the wire was refused (it inflated beyond the limit), or null if
   *     it is a text as sent. A refused text arrives as a marker, not as an exception, so the
   *     receiver can fail the run with one line instead of dropping the message.
   */
  public static String refusal(String received) {
    return received.startsWith(REFUSED) ? received.substring(REFUSED.length()) : null;
  }

  /** A text that inflates beyond the limit. */
  public static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
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
      try {
        return decompress(p.getBinaryValue());
      } catch (TooLarge e) {
        return REFUSED + e.getMessage();
      }
    }
  }
}
