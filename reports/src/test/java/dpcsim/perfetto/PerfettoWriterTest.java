package dpcsim.perfetto;

import static dpcsim.TestTrace.feed;
import static dpcsim.TestTrace.insert;
import static dpcsim.TestTrace.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceEvent.DpcEnd;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcRemove;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.Idle;
import dpcsim.trace.TraceEvent.IpiReceive;
import dpcsim.trace.TraceEvent.IpiSend;
import dpcsim.trace.TraceEvent.Irql;
import dpcsim.trace.TraceEvent.IsrEnd;
import dpcsim.trace.TraceEvent.IsrStart;
import dpcsim.trace.TraceEvent.Tick;
import dpcsim.trace.TraceEvent.Watchdog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PerfettoWriter on hand-made, time-ordered trace events: the exact records it writes. */
@DisplayName("PerfettoWriter")
class PerfettoWriterTest {
  private static final String HEAD = "{\"traceEvents\":[";

  /** Feeds {@code events} for {@code processors} processors, finishes at {@code end}. */
  private static String write(int processors, long end, TraceEvent... events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    feed(new PerfettoWriter(bytes, processors, "m", Map.of()), end, events);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The event lines after the metadata (1 process_name + 2 per processor). */
  private static List<String> events(String json, int processors) {
    List<String> lines = json.lines().toList();
    int first = 2 + 2 * processors;
    int last = lines.indexOf("],");
    return lines.subList(first, last).stream().map(l -> l.replaceAll(",$", "")).toList();
  }

  private static String x(String name, String cat, String ts, String dur, int tid, String args) {
    return "{\"name\":\""
        + name
        + "\",\"cat\":\""
        + cat
        + "\",\"ph\":\"X\",\"ts\":"
        + ts
        + ",\"dur\":"
        + dur
        + ",\"pid\":1,\"tid\":"
        + tid
        + (args == null ? "" : ",\"args\":{" + args + "}")
        + "}";
  }

  private static String c(String name, String ts, int tid, String key, int value) {
    return "{\"name\":\""
        + name
        + "\",\"ph\":\"C\",\"ts\":"
        + ts
        + ",\"pid\":1,\"tid\":"
        + tid
        + ",\"args\":{\""
        + key
        + "\":"
        + value
        + "}}";
  }

  @Test
  @DisplayName("ISR inside a DPC, an IPI with its flow, idle and counters: the exact records")
  void exactRecords() {
    String json =
        write(
            2,
            3_000_000,
            new Idle(0, 1, true, false),
            insert(100_000, 0, "a", 1),
            new DpcStart(100_000, 0, "a", "DISPATCH", 0xdead, 0xbeef),
            new IsrStart(150_000, 0, "nic"),
            new IsrEnd(160_000, 0, "nic"),
            new IpiSend(170_000, 0, 1, "DPC"),
            new DpcEnd(200_000, 0, "a"),
            new IpiReceive(2_170_000, 1, 0, "DPC"));
    List<String> lines = json.lines().toList();
    assertEquals(
        List.of(
            HEAD,
            "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1000,\"args\":{\"name\":\"m\"}},",
            "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1000,\"args\":{\"name\":\"CPU 0\"}},",
            "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":1000,\"args\":{\"sort_index\":0}},",
            "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1001,\"args\":{\"name\":\"CPU 1\"}},",
            "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":1001,\"args\":{\"sort_index\":1}},"),
        lines.subList(0, 6));
    assertEquals(
        List.of(
            c("CPU 0 DPC queue", "0.000", 1000, "depth", 0),
            c("CPU 0 IRQL", "0.000", 1000, "level", 0),
            // The depth went 0 -> 1 -> 0 within instant 100: nothing to show.
            c("CPU 0 IRQL", "100.000", 1000, "level", 2),
            c("CPU 0 IRQL", "150.000", 1000, "level", 5),
            x("nic", "isr", "150.000", "10.000", 1000, "\"irql\":\"DIRQL\""),
            c("CPU 0 IRQL", "160.000", 1000, "level", 2),
            x("IPI send", "ipi", "170.000", "0.001", 1000, "\"to\":1,\"kind\":\"DPC\""),
            x(
                "a",
                "dpc",
                "100.000",
                "100.000",
                1000,
                "\"irql\":\"DISPATCH\",\"SystemArgument1\":\"0xdead\","
                    + "\"SystemArgument2\":\"0xbeef\",\"latencyNs\":0"),
            c("CPU 1 DPC queue", "0.000", 1001, "depth", 0),
            c("CPU 1 IRQL", "0.000", 1001, "level", 2), // the idle loop runs at DISPATCH
            x("IPI", "ipi", "2170.000", "0.001", 1001, "\"from\":0,\"kind\":\"DPC\""),
            "{\"name\":\"IPI\",\"cat\":\"ipi\",\"ph\":\"s\",\"ts\":170.000,\"pid\":1,\"tid\":1000,"
                + "\"id\":1}",
            "{\"name\":\"IPI\",\"cat\":\"ipi\",\"ph\":\"f\",\"ts\":2170.000,\"pid\":1,\"tid\":1001,"
                + "\"id\":1,\"bp\":\"e\"}",
            c("CPU 0 IRQL", "200.000", 1000, "level", 0),
            c("CPU 0 DPC queue", "3000.000", 1000, "depth", 0),
            c("CPU 0 IRQL", "3000.000", 1000, "level", 0),
            x("Idle", "idle", "0.000", "3000.000", 1001, null),
            c("CPU 1 DPC queue", "3000.000", 1001, "depth", 0),
            c("CPU 1 IRQL", "3000.000", 1001, "level", 2)),
        events(json, 2));
    assertEquals(
        List.of(
            "],", "\"displayTimeUnit\":\"ns\",", "\"otherData\":{\"simulatedNs\":\"3000000\"}}"),
        lines.subList(lines.size() - 3, lines.size()));
  }

  @Test
  @DisplayName("times are microseconds with three decimals, from integer nanoseconds")
  void micros() {
    assertEquals("0.000", micros(0));
    assertEquals("0.001", micros(1));
    assertEquals("0.999", micros(999));
    assertEquals("12.345", micros(12_345));
    assertEquals("1000.000", micros(1_000_000));
    assertEquals("9223372036854775.807", micros(Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> micros(-1));
  }

  @Test
  @DisplayName("system arguments are hex as Long.toHexString spells them")
  void hex() {
    for (long v :
        new long[] {0, 1, 0xf, 0x10, 0xdead, 0xbeef, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
      StringBuilder b = new StringBuilder();
      ChromeJson.hex(b, v);
      assertEquals(Long.toHexString(v), b.toString());
    }
  }

  private static String micros(long ns) {
    StringBuilder b = new StringBuilder();
    ChromeJson.micros(b, ns);
    return b.toString();
  }

  @Test
  @DisplayName("the idle slice is cut around an ISR and renamed while halted; ticks are ignored")
  void idleCutAroundIsr() {
    List<String> ev =
        events(
            write(
                1,
                1_000_000,
                new Idle(0, 0, true, false),
                new Tick(50_000, 0, 1, 4, 20),
                new Idle(100_000, 0, true, true),
                new Idle(300_000, 0, true, false),
                new IsrStart(300_000, 0, "nic"),
                new IsrEnd(400_000, 0, "nic")),
            1);
    List<String> slices = ev.stream().filter(l -> l.contains("\"ph\":\"X\"")).toList();
    assertEquals(
        List.of(
            x("Idle", "idle", "0.000", "100.000", 1000, null),
            x("Idle (halted)", "idle", "100.000", "200.000", 1000, null),
            x("nic", "isr", "300.000", "100.000", 1000, "\"irql\":\"DIRQL\""),
            x("Idle", "idle", "400.000", "600.000", 1000, null)),
        slices);
  }

  @Test
  @DisplayName("threaded DPCs: own counter once used, PASSIVE, preempted by a normal DPC")
  void threaded() {
    List<String> ev =
        events(
            write(
                1,
                1_000_000,
                new DpcInsert(10_000, 0, "t", 0, true, "threaded", "tail", 1),
                new DpcInsert(10_000, 0, "u", 0, true, "threaded", "tail", 2),
                new DpcStart(20_000, 0, "t", "PASSIVE", 0, 0),
                new DpcInsert(30_000, 0, "n", 0, true, "normal", "tail", 1),
                new DpcStart(30_000, 0, "n", "DISPATCH", 1, 2),
                new DpcEnd(40_000, 0, "n"),
                new DpcRemove(45_000, 0, "u", 0, true),
                new DpcEnd(50_000, 0, "t")),
            1);
    assertEquals(
        List.of(
            c("CPU 0 DPC queue", "0.000", 1000, "depth", 0),
            c("CPU 0 IRQL", "0.000", 1000, "level", 0),
            c("CPU 0 threaded DPC queue", "10.000", 1000, "depth", 2),
            c("CPU 0 threaded DPC queue", "20.000", 1000, "depth", 1),
            c("CPU 0 IRQL", "30.000", 1000, "level", 2),
            x(
                "n",
                "dpc",
                "30.000",
                "10.000",
                1000,
                "\"irql\":\"DISPATCH\",\"SystemArgument1\":\"0x1\",\"SystemArgument2\":\"0x2\","
                    + "\"latencyNs\":0"),
            c("CPU 0 IRQL", "40.000", 1000, "level", 0),
            c("CPU 0 threaded DPC queue", "45.000", 1000, "depth", 0),
            x(
                "t",
                "threaded-dpc",
                "20.000",
                "30.000",
                1000,
                "\"irql\":\"PASSIVE\",\"SystemArgument1\":\"0x0\",\"SystemArgument2\":\"0x0\","
                    + "\"latencyNs\":10000"),
            c("CPU 0 DPC queue", "1000.000", 1000, "depth", 0),
            c("CPU 0 threaded DPC queue", "1000.000", 1000, "depth", 0),
            c("CPU 0 IRQL", "1000.000", 1000, "level", 0)),
        ev);
  }

  @Test
  @DisplayName("a script's IRQL shows on the counter (HIGH = 15); a watchdog is an instant")
  void irqlAndWatchdog() {
    List<String> ev =
        events(
            write(
                1,
                500_000,
                new Irql(100_000, 0, "HIGH"),
                new Irql(200_000, 0, "PASSIVE"),
                new Watchdog(300_000, 0, Watchdog.CODE, 1, 0x200, 0)),
            1);
    assertEquals(
        List.of(
            c("CPU 0 DPC queue", "0.000", 1000, "depth", 0),
            c("CPU 0 IRQL", "0.000", 1000, "level", 0),
            c("CPU 0 IRQL", "100.000", 1000, "level", 15),
            c("CPU 0 IRQL", "200.000", 1000, "level", 0),
            "{\"name\":\"DPC_WATCHDOG_VIOLATION (0x133)\",\"cat\":\"watchdog\",\"ph\":\"i\","
                + "\"ts\":300.000,\"pid\":1,\"tid\":1000,\"s\":\"t\","
                + "\"args\":{\"p1\":1,\"p2\":512,\"p3\":0}}",
            c("CPU 0 DPC queue", "500.000", 1000, "depth", 0),
            c("CPU 0 IRQL", "500.000", 1000, "level", 0)),
        ev);
  }

  @Test
  @DisplayName("at the end: open slices close (innermost first, unfinished); no flow in flight")
  void openAtEnd() {
    List<String> ev =
        events(
            write(
                2,
                1_000_000,
                start(100_000, 0, "long"),
                new IsrStart(900_000, 0, "nic"),
                new IpiSend(950_000, 0, 1, "DPC")),
            2);
    List<String> slices = ev.stream().filter(l -> l.contains("\"ph\":\"X\"")).toList();
    assertEquals(
        List.of(
            x("IPI send", "ipi", "950.000", "0.001", 1000, "\"to\":1,\"kind\":\"DPC\""),
            x("nic", "isr", "900.000", "100.000", 1000, "\"irql\":\"DIRQL\",\"unfinished\":true"),
            x(
                "long",
                "dpc",
                "100.000",
                "900.000",
                1000,
                "\"irql\":\"DISPATCH\",\"SystemArgument1\":\"0x0\",\"SystemArgument2\":\"0x0\","
                    + "\"unfinished\":true")),
        slices);
    assertTrue(ev.stream().noneMatch(l -> l.contains("\"ph\":\"s\"")), "no flow start");
  }

  @Test
  @DisplayName("IPIs between the same pair are matched first in, first out, with unique ids")
  void ipiFifo() {
    List<String> ev =
        events(
            write(
                2,
                10_000_000,
                new IpiSend(100_000, 0, 1, "DPC"),
                new IpiSend(200_000, 0, 1, "DPC"),
                new IpiReceive(2_100_000, 1, 0, "DPC"),
                new IpiReceive(2_200_000, 1, 0, "DPC")),
            2);
    List<String> flows =
        ev.stream().filter(l -> l.contains("\"ph\":\"s\"") || l.contains("\"ph\":\"f\"")).toList();
    assertEquals(4, flows.size());
    assertTrue(flows.get(0).contains("\"ts\":100.000") && flows.get(0).contains("\"id\":1"));
    assertTrue(flows.get(1).contains("\"ts\":2100.000") && flows.get(1).contains("\"id\":1"));
    assertTrue(flows.get(2).contains("\"ts\":200.000") && flows.get(2).contains("\"id\":2"));
    assertTrue(flows.get(3).contains("\"ts\":2200.000") && flows.get(3).contains("\"id\":2"));
  }

  @Test
  @DisplayName(
      "names are JSON-escaped, control characters shown as escapes, and the output parses, with"
          + " otherData in order")
  void escaping() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PerfettoWriter w = new PerfettoWriter(bytes, 1, "a \"quoted\" \\ name\n\u00e9", Map.of());
    w.accept(new IsrStart(0, 0, "dev\"ice"));
    w.accept(new IsrEnd(5, 0, "dev\"ice"));
    w.finish(10);
    JsonNode root = new ObjectMapper().readTree(bytes.toByteArray());
    assertEquals(
        "a \"quoted\" \\ name\\n\u00e9",
        root.get("traceEvents").get(0).get("args").get("name").asText(),
        "the newline shows as \\n in Perfetto: scenario text is data");
    boolean found = false;
    for (JsonNode e : root.get("traceEvents")) {
      found |= "dev\"ice".equals(e.path("name").asText());
    }
    assertTrue(found, "the ISR slice keeps its name");
    assertEquals("ns", root.get("displayTimeUnit").asText());
  }

  @Test
  @DisplayName("an end that does not match the open slice is a bug and says so")
  void mismatchedEnd() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> write(1, 100, new IsrStart(0, 0, "nic"), new DpcEnd(5, 0, "a")));
    assertTrue(e.getMessage().contains("CPU 0 at 5 ns"), e.getMessage());
  }
}
