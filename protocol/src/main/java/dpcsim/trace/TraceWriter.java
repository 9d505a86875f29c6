package dpcsim.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns the ordered event stream into JSON Lines (spec/trace-format.md), hashing every byte it
 * would write with SHA-256 whether or not it writes them anywhere, so {@code traceSha256} is the
 * hash of the trace file {@code --trace} writes. {@code Tick} lines are part of the trace only with
 * {@code --trace-ticks}. Without hashing ({@code dpcsim bench --no-hash}) and without a destination
 * it only counts the lines, building none of them.
 */
public final class TraceWriter implements TraceConsumer {
  private final OutputStream out;
  private final boolean ticks;
  private final MessageDigest sha256; // null: not hashing
  private final StringBuilder line = new StringBuilder(160);
  private byte[] buffer = new byte[256];
  private long events;

  /**
   * @param out where to write the lines, or null to only hash and count them
   * @param ticks include {@code Tick} events
   */
  public TraceWriter(OutputStream out, boolean ticks) {
    this(out, ticks, true);
  }

  /**
   * @param out where to write the lines, or null to only hash (or count) them
   * @param ticks include {@code Tick} events
   * @param hash compute the SHA-256 of the lines; without it {@link #sha256Hex()} is null
   */
  public TraceWriter(OutputStream out, boolean ticks, boolean hash) {
    this.out = out;
    this.ticks = ticks;
    if (!hash) {
      this.sha256 = null;
      return;
    }
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public void accept(TraceEvent event) {
    if (!ticks && event instanceof TraceEvent.Tick) {
      return;
    }
    events++;
    if (sha256 == null && out == null) {
      return; // nothing reads the line: do not build it
    }
    line.setLength(0);
    event.appendJson(line);
    line.append('\n');
    int n = line.length();
    if (buffer.length < n * 4) {
      buffer = new byte[n * 4];
    }
    int len = encode(line, buffer);
    if (sha256 != null) {
      sha256.update(buffer, 0, len);
    }
    if (out != null) {
      try {
        out.write(buffer, 0, len);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** UTF-8 by code point, so characters outside the BMP (surrogate pairs) stay whole. */
  private static int encode(CharSequence s, byte[] dst) {
    int len = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        dst[len++] = (byte) c;
        continue;
      }
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = Character.toCodePoint(c, s.charAt(++i));
      }
      byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(b, 0, dst, len, b.length);
      len += b.length;
    }
    return len;
  }

  @Override
  public void finish(long simulatedNs) {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * @return the number of lines in the trace
   */
  public long events() {
    return events;
  }

  /**
   * @return the lowercase hex SHA-256 of the trace, or null when not hashing; call once, after the
   *     last event
   */
  public String sha256Hex() {
    if (sha256 == null) {
      return null;
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
