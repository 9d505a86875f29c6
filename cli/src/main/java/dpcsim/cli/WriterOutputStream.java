package dpcsim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes decoded into a {@link Writer}: lets byte output (the trace of {@code --trace -})
 * reach a character stream. A multi-byte character split across writes is kept until its last byte
 * arrives. Closing it flushes the writer but does not close it.
 */
final class WriterOutputStream extends OutputStream {
  private final Writer out;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 12);
  private final CharBuffer chars = CharBuffer.allocate(1 << 12);

  WriterOutputStream(Writer out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, bytes.remaining());
      bytes.put(b, off, n);
      off += n;
      len -= n;
      decode();
    }
  }

  /** Decodes every complete character in {@code bytes}; an incomplete one stays for later. */
  private void decode() throws IOException {
    bytes.flip();
    CoderResult r;
    do {
      r = decoder.decode(bytes, chars, false);
      chars.flip();
      out.append(chars);
      chars.clear();
    } while (r.isOverflow());
    bytes.compact();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
