package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lines built as bytes are the bytes of the text {@link Json} would build, for every event. */
class JsonLineTest {
  @Test
  void stringsEscapeAndEncodeAsJsonQuoteThenUtf8() {
    char[] alphabet = {
      'a', 'Z', '0', ' ', '"', '\\', '\n', '\r', '\t', '\u0001', '\u001f', '\u007f', '\u00e9',
      '\u20ac', '\uD83D', '\uDE80', '\uDC00'
    };
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 5000; round++) {
      char[] cs = new char[random.nextInt(12)];
      for (int i = 0; i < cs.length; i++) {
        cs[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(cs);
      StringBuilder expected = new StringBuilder();
      Json.quote(expected, s);
      JsonLine line = new JsonLine().str(s);
      // String.getBytes turns a lone surrogate into '?', as the line does.
      assertArrayEquals(
          expected.toString().getBytes(StandardCharsets.UTF_8),
          Arrays.copyOf(line.bytes(), line.length()),
          () -> "for " + s.chars().mapToObj(Integer::toHexString).toList());
    }
  }

  @Test
  void numbersSignedAndUnsigned() {
    SplittableRandom random = new SplittableRandom(9);
    long[] edges = {0, 1, 9, 10, 99, 100, -1, -10, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32};
    for (int i = 0; i < 10_000; i++) {
      long v = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
      assertEquals(Long.toString(v), new JsonLine().num(v).toString());
      assertEquals(Long.toUnsignedString(v), new JsonLine().unsigned(v).toString());
    }
  }

  @Test
  void everyEventTypeInTheFormatsKeyOrder() {
    List<TraceEvent> events =
        List.of(
            new TraceEvent.DpcInsert(1, 2, "d", 3, true, "threaded", "tail", 4),
            TraceEvent.DpcInsert.rejected(1, 2, "d", 0),
            new TraceEvent.DpcInterruptRequest(5, 0, 1, "ipi"),
            new TraceEvent.IpiSend(6, 0, 3, "dpc"),
            new TraceEvent.IpiReceive(7, 3, 0, "dpc"),
            new TraceEvent.DpcStart(8, 1, "d", "DISPATCH", -1L, 42),
            new TraceEvent.DpcEnd(9, 1, "d"),
            new TraceEvent.DpcRemove(10, 1, "d", 2, false),
            new TraceEvent.IsrStart(11, 0, "nic"),
            new TraceEvent.IsrEnd(12, 0, "nic"),
            new TraceEvent.Idle(13, 4, true, false),
            new TraceEvent.Tick(14, 4, 20, 4, 3),
            new TraceEvent.Watchdog(15, 1, 0x133, 0, 500, -7),
            new TraceEvent.Irql(16, 1, "HIGH"));
    String expected =
        """
        {"t":1,"cpu":2,"ev":"DpcInsert","dpc":"d","by":3,"ok":true,"list":"threaded","pos":"tail","depth":4}
        {"t":1,"cpu":2,"ev":"DpcInsert","dpc":"d","by":0,"ok":false}
        {"t":5,"cpu":0,"ev":"DpcInterruptRequest","by":1,"via":"ipi"}
        {"t":6,"cpu":0,"ev":"IpiSend","to":3,"kind":"dpc"}
        {"t":7,"cpu":3,"ev":"IpiReceive","from":0,"kind":"dpc"}
        {"t":8,"cpu":1,"ev":"DpcStart","dpc":"d","irql":"DISPATCH","args":[18446744073709551615,42]}
        {"t":9,"cpu":1,"ev":"DpcEnd","dpc":"d"}
        {"t":10,"cpu":1,"ev":"DpcRemove","dpc":"d","by":2,"ok":false}
        {"t":11,"cpu":0,"ev":"IsrStart","device":"nic"}
        {"t":12,"cpu":0,"ev":"IsrEnd","device":"nic"}
        {"t":13,"cpu":4,"ev":"Idle","on":true,"halted":false}
        {"t":14,"cpu":4,"ev":"Tick","rate":20,"maxDepth":4,"threshold":3}
        {"t":15,"cpu":1,"ev":"Watchdog","code":307,"p1":0,"p2":500,"p3":-7}
        {"t":16,"cpu":1,"ev":"Irql","level":"HIGH"}
        """;
    StringBuilder actual = new StringBuilder();
    JsonLine line = new JsonLine();
    for (TraceEvent e : events) {
      line.clear();
      e.writeJson(line);
      actual.append(line).append('\n');
    }
    assertEquals(expected, actual.toString());
  }

  @Test
  void cachedPiecesNeverChangeALine() {
    // One long-lived line (its caches fill, then overflow) against a fresh line per event.
    SplittableRandom random = new SplittableRandom(13);
    JsonLine reused = new JsonLine();
    long t = 0;
    for (int i = 0; i < 20_000; i++) {
      t += random.nextInt(3) == 0 ? 0 : random.nextLong(1, 5_000_000_000L);
      int cpu = random.nextInt(2100);
      String name = "dpc" + random.nextInt(3000);
      if (random.nextBoolean()) {
        name = new String(name.toCharArray()); // equal, not identical, as off the wire
      }
      TraceEvent e =
          switch (random.nextInt(4)) {
            case 0 -> new TraceEvent.DpcInsert(t, cpu, name, cpu, true, "normal", "tail", 3);
            case 1 -> new TraceEvent.DpcStart(t, cpu, name, "DISPATCH", i, -i);
            case 2 -> new TraceEvent.IsrStart(t, cpu, name);
            default -> new TraceEvent.DpcEnd(t, cpu, name);
          };
      reused.clear();
      e.writeJson(reused);
      JsonLine fresh = new JsonLine();
      e.writeJson(fresh);
      assertArrayEquals(
          Arrays.copyOf(fresh.bytes(), fresh.length()),
          Arrays.copyOf(reused.bytes(), reused.length()),
          e::toString);
    }
  }
}
