package dpcsim.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns the ordered event stream into JSON Lines (docs/trace-format.md), hashing every byte it
 * would write with SHA-256 whether or not it writes them anywhere, so {@code traceSha256} is the
 * hash of the trace file {@code --trace} writes. {@code Tick} lines are part of the trace only with
 * {@code --trace-ticks}. Without hashing ({@code dpcsim bench --no-hash}) and without a destination
 * it only counts the lines, building none of them.
 */
public final class TraceWriter implements TraceConsumer {
  private final OutputStream out;
  private final boolean ticks;
  private final MessageDigest sha256; // null: not hashing
  private final TraceFormat format = new TraceFormat();

  /** Events given as objects, as one-entry batches: one way to write a line, not two. */
  private final EventEntry entries = new EventEntry();

  /**
   * Lines are built one after another here and go to the digest and the stream whole once they fill
   * a chunk: one {@code update} per line cost as much as the hashing itself (a line is ~70 bytes),
   * and building in place copies no line.
   */
  private final JsonLine lines = new JsonLine();

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
    accept(entries.of(event), 0, 1);
  }

  @Override
  public void accept(TraceBuffer in, int from, int to) {
    if (sha256 == null && out == null) {
      for (int i = from; i < to; i++) {
        if (ticks || in.kind(i) != TraceKind.TICK) {
          events++; // nothing reads the lines: do not build them
        }
      }
      return;
    }
    for (int i = from; i < to; i++) {
      line(in, i);
    }
  }

  /**
   * Adds entry {@code i}'s line. A method per event, not the loop's body: it is called a million
   * times a run and compiled early, where a loop called once per batch waited for on-stack
   * replacement and kept short runs slow.
   */
  private void line(TraceBuffer in, int i) {
    if (!ticks && in.kind(i) == TraceKind.TICK) {
      return;
    }
    events++;
    format.write(in, i, lines);
    lines.raw('\n');
    if (lines.length() >= CHUNK) {
      drain();
    }
  }

  /** Hashes and writes the lines built so far. */
  private void drain() {
    emit(lines.bytes(), lines.length());
    lines.clear();
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
