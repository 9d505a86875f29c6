package dpcsim.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One trace line built straight into UTF-8 bytes: constant keys are copied as prepared byte arrays,
 * numbers are written digit by digit and strings character by character, so formatting a line
 * allocates nothing (docs/trace-format.md: keys in the order the format lists them).
 */
public final class JsonLine {
  private static final byte[] MIN_LONG =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] TENS = new byte[100];
  private static final byte[] ONES = new byte[100];

  static {
    for (int i = 0; i < 100; i++) {
      TENS[i] = (byte) ('0' + i / 10);
      ONES[i] = (byte) ('0' + i % 10);
    }
  }

  private byte[] bytes = new byte[256];
  private int length;

  // Caches of pieces that repeat from line to line. They make a line cheaper, never different:
  // each holds exactly the bytes the uncached path writes.

  /** The digits of the last {@link #time} written. */
  private long lastTime = -1;

  private final byte[] lastTimeDigits = new byte[20];
  private int lastTimeLength;

  /** Per event type ({@link EvName#id}) and processor: {@code ,"cpu":N,"ev":"Type"}. */
  private byte[][][] cpuEv = new byte[16][][];

  /**
   * {@code ,"key":"value"} per (key, value String): the names a trace repeats millions of times.
   */
  private byte[][] pairKeys; // null until the first pair: a line built once stays cheap

  private String[] pairValues;
  private byte[][] pairBytes;
  private int pairCount;

  private static final int PAIR_SLOTS = 2048;
  private static final byte[] TIME_KEY = {'{', '"', 't', '"', ':'};

  /** An event type's {@code ev} name, numbered for the per-processor cache. */
  public static final class EvName {
    private static final java.util.concurrent.atomic.AtomicInteger NEXT =
        new java.util.concurrent.atomic.AtomicInteger();

    final int id = NEXT.getAndIncrement();
    final String suffix;

    /** {@code ,"ev":"<name>"} after the processor. */
    public EvName(String name) {
      this.suffix = ",\"ev\":\"" + name + "\"";
    }
  }

  /**
   * @return {@code ,"name":} as UTF-8, the form a key takes in a line after the first
   */
  public static byte[] key(String name) {
    return (",\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
  }

  /** Starts a line: <code>{"t":</code> and the time (the last time's digits are reused). */
  public JsonLine time(long t) {
    raw(TIME_KEY);
    if (t == lastTime) {
      ensure(lastTimeLength);
      System.arraycopy(lastTimeDigits, 0, bytes, length, lastTimeLength);
      length += lastTimeLength;
      return this;
    }
    int from = length;
    num(t);
    lastTime = t;
    lastTimeLength = length - from;
    System.arraycopy(bytes, from, lastTimeDigits, 0, lastTimeLength);
    return this;
  }

  /** Appends {@code ,"cpu":N,"ev":"Type"}. */
  public JsonLine cpuAndEv(int cpu, EvName ev) {
    if (ev.id >= cpuEv.length) {
      cpuEv = Arrays.copyOf(cpuEv, Math.max(ev.id + 1, cpuEv.length * 2));
    }
    byte[][] perCpu = cpuEv[ev.id];
    if (perCpu == null || cpu >= perCpu.length) {
      perCpu = perCpu == null ? new byte[cpu + 1][] : Arrays.copyOf(perCpu, cpu + 1);
      cpuEv[ev.id] = perCpu;
    }
    byte[] b = perCpu[cpu];
    if (b == null) {
      b = (",\"cpu\":" + cpu + ev.suffix).getBytes(StandardCharsets.UTF_8);
      perCpu[cpu] = b;
    }
    return raw(b);
  }

  /** Appends {@code key} (from {@link #key}) and {@code value} as a JSON string. */
  public JsonLine pair(byte[] key, String value) {
    if (pairKeys == null) {
      pairKeys = new byte[PAIR_SLOTS][];
      pairValues = new String[PAIR_SLOTS];
      pairBytes = new byte[PAIR_SLOTS][];
    }
    int mask = PAIR_SLOTS - 1;
    int slot = (value.hashCode() * 31 + key.length * 7 + key[2]) & mask;
    while (true) {
      byte[] k = pairKeys[slot];
      if (k == null) {
        break;
      }
      if (k == key) {
        String v = pairValues[slot];
        if (v == value || v.equals(value)) {
          return raw(pairBytes[slot]);
        }
      }
      slot = (slot + 1) & mask;
    }
    int from = length;
    raw(key).str(value);
    if (pairCount < PAIR_SLOTS / 2) { // a bounded cache: past that, lines are built as they come
      pairKeys[slot] = key;
      pairValues[slot] = value;
      pairBytes[slot] = Arrays.copyOfRange(bytes, from, length);
      pairCount++;
    }
    return this;
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
    int n = b.length;
    ensure(n);
    byte[] d = bytes;
    int at = length;
    if (n > 16) {
      System.arraycopy(b, 0, d, at, n);
    } else {
      // Keys are a few bytes: a plain loop beats the copy stub's set-up (10 ns a call here).
      for (int i = 0; i < n; i++) {
        d[at + i] = b[i];
      }
    }
    length = at + n;
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
    if (v <= Integer.MAX_VALUE) {
      return digits((int) v);
    }
    // Above 2^31 (simulated times past 2.1 s): peel int-sized groups of 9 digits off the end.
    long high = v / 1_000_000_000L;
    int low = (int) (v - high * 1_000_000_000L);
    digits(high);
    int end = length + 9;
    for (int i = end - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + low % 10);
      low /= 10;
    }
    length = end;
    return this;
  }

  /** Two digits at a time from a table, as {@code Integer.toString} does. */
  private JsonLine digits(int v) {
    int n = 1;
    for (int x = v; x >= 10; x /= 10) {
      n++;
    }
    int i = length + n;
    length = i;
    while (v >= 100) {
      int q = v / 100;
      int r = v - q * 100;
      v = q;
      bytes[--i] = ONES[r];
      bytes[--i] = TENS[r];
    }
    bytes[--i] = ONES[v];
    if (v >= 10) {
      bytes[--i] = TENS[v];
    }
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
