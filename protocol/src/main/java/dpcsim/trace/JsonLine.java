package dpcsim.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One trace line built straight into UTF-8 bytes: constant keys are copied as prepared byte arrays,
 * numbers are written digit by digit and strings character by character, so formatting a line
 * allocates nothing (spec/trace-format.md: keys in the order the format lists them).
 */
public final class JsonLine {
  private static final byte[] MIN_LONG =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes = new byte[256];
  private int length;

  /**
   * @return {@code ,"name":} as UTF-8, the form a key takes in a line after the first
   */
  public static byte[] key(String name) {
    return (",\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
  }

  /** Empties the line for the next event. */
  public void clear() {
    length = 0;
  }

  /**
   * @return the buffer holding the line's bytes in {@code [0, length())}
   */
  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  /** Appends prepared bytes (a key, punctuation). */
  public JsonLine raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
    return this;
  }

  public JsonLine raw(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** Appends a signed decimal. */
  public JsonLine num(long v) {
    if (v == Long.MIN_VALUE) {
      return raw(MIN_LONG);
    }
    ensure(20);
    if (v < 0) {
      bytes[length++] = '-';
      v = -v;
    }
    return digits(v);
  }

  /** Appends {@code v} read as an unsigned 64-bit value (SystemArgument1/2). */
  public JsonLine unsigned(long v) {
    if (v >= 0) {
      return num(v);
    }
    return raw(Long.toUnsignedString(v).getBytes(StandardCharsets.US_ASCII));
  }

  private JsonLine digits(long v) {
    int n = 1;
    for (long x = v; x >= 10; x /= 10) {
      n++;
    }
    int end = length + n;
    for (int i = end - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    length = end;
    return this;
  }

  public JsonLine bool(boolean v) {
    return raw(v ? TRUE : FALSE);
  }

  /** Appends {@code value} as a JSON string literal, escaped as {@link Json#quote} does. */
  public JsonLine str(String value) {
    int n = value.length();
    ensure(n + 2);
    bytes[length++] = '"';
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        ensure(1);
        bytes[length++] = (byte) c;
      } else {
        i = special(value, i);
      }
    }
    ensure(1);
    bytes[length++] = '"';
    return this;
  }

  /** An escape or a non-ASCII character at {@code i}; @return the index of its last char */
  private int special(String value, int i) {
    char c = value.charAt(i);
    switch (c) {
      case '"' -> escape('"');
      case '\\' -> escape('\\');
      case '\n' -> escape('n');
      case '\r' -> escape('r');
      case '\t' -> escape('t');
      default -> {
        if (c < 0x20) {
          ensure(6);
          bytes[length++] = '\\';
          bytes[length++] = 'u';
          bytes[length++] = '0';
          bytes[length++] = '0';
          bytes[length++] = HEX[c >> 4];
          bytes[length++] = HEX[c & 0xF];
          return i;
        }
        // UTF-8 by code point, so a surrogate pair stays whole (a lone surrogate becomes '?').
        int end = i + 1;
        if (Character.isHighSurrogate(c)
            && end < value.length()
            && Character.isLowSurrogate(value.charAt(end))) {
          end++;
        }
        raw(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
        return end - 1;
      }
    }
    return i;
  }

  private void escape(char c) {
    ensure(2);
    bytes[length++] = '\\';
    bytes[length++] = (byte) c;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
