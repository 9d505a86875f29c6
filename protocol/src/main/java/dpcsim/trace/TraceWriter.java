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
  private char[] chars = new char[256];

  /**
   * Encoded lines collect here and go to the digest and the stream a chunk at a time: one {@code
   * update} per line cost as much as the hashing itself (a line is ~70 bytes).
   */
  private final byte[] chunk = new byte[CHUNK];

  private int pending;
  private long events;

  private static final int CHUNK = 1 << 16;

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
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    line.getChars(0, n, chars, 0);
    if (n * 4 > CHUNK - pending) {
      drain();
    }
    if (n * 4 > CHUNK) {
      byte[] big = new byte[n * 4]; // a line longer than a chunk (long names): on its own
      emit(big, encode(chars, n, big, 0));
      return;
    }
    pending = encode(chars, n, chunk, pending);
  }

  /** Hashes and writes the collected lines. */
  private void drain() {
    emit(chunk, pending);
    pending = 0;
  }

  private void emit(byte[] bytes, int len) {
    if (len == 0) {
      return;
    }
    if (sha256 != null) {
      sha256.update(bytes, 0, len);
    }
    if (out != null) {
      try {
        out.write(bytes, 0, len);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** UTF-8 by code point, so characters outside the BMP (surrogate pairs) stay whole. */
  private static int encode(char[] s, int n, byte[] dst, int start) {
    int len = start;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      if (c < 0x80) {
        dst[len++] = (byte) c;
        continue;
      }
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
        cp = Character.toCodePoint(c, s[++i]);
      }
      byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(b, 0, dst, len, b.length);
      len += b.length;
    }
    return len;
  }

  @Override
  public void finish(long simulatedNs) {
    drain();
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
    drain();
    return HexFormat.of().formatHex(sha256.digest());
  }
}
