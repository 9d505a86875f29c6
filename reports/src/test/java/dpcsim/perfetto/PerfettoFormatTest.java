package dpcsim.perfetto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.ExampleScenarios;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.stats.CpuStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the example scenarios (shortened, sequential engine) into a Perfetto file and checks it
 * against the Chrome Trace Event Format rules the viewers rely on, and against the run's own
 * statistics.
 */
@DisplayName("Perfetto file format on the example scenarios")
class PerfettoFormatTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern TIME_FIELD = Pattern.compile("\"(ts|dur)\":([^,}]*)");
  private static final Pattern MICROS = Pattern.compile("^\\d+\\.\\d{3}$");
  private static final Set<Long> IRQLS = Set.of(0L, 1L, 2L, 5L, 15L);

  /** A run's Perfetto text and its statistics. */
  private record Run(Scenario scenario, RunResult result, String text, JsonNode events) {}

  /** A complete slice on one track, in nanoseconds. */
  private record Slice(String name, String cat, long start, long end) {}

  private static Run run(Scenario s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunResult r =
        SequentialEngine.run(
            s, new TraceOutputs(null, false, List.of(PerfettoWriter.of(bytes, s))));
    String text = bytes.toString(StandardCharsets.UTF_8);
    JsonNode root = JSON.readTree(text);
    assertEquals("ns", root.path("displayTimeUnit").asText());
    assertEquals(s.name(), root.path("otherData").path("scenario").asText());
    assertEquals(
        Long.toString(r.simulatedNs()), root.path("otherData").path("simulatedNs").asText());
    assertTrue(root.path("traceEvents").isArray(), "traceEvents is an array");
    return new Run(s, r, text, root.get("traceEvents"));
  }

  private static long ns(JsonNode micros) {
    return micros.decimalValue().movePointRight(3).longValueExact();
  }

  static Stream<Path> examples() {
    return ExampleScenarios.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @DisplayName("valid JSON, required keys, plain-decimal times, nesting, flows, counters")
  void formatRules(Path file) throws IOException {
    Scenario s = ExampleScenarios.shortened(file);
    if (s.processors() > 16) {
      s = s.withDuration(Math.min(s.durationNs(), 10_000_000L));
    }
    Run run = run(s);
    timesArePlainDecimals(run.text());
    Map<Integer, List<Slice>> slices = new TreeMap<>();
    Map<Long, List<JsonNode>> flowStarts = new LinkedHashMap<>();
    Map<Long, List<JsonNode>> flowEnds = new LinkedHashMap<>();
    Map<String, Long> lastCounterTs = new LinkedHashMap<>();
    Map<Integer, String> threadNames = new TreeMap<>();
    String processName = null;
    for (JsonNode e : run.events()) {
      requiredKeys(e);
      String ph = e.get("ph").asText();
      int tid = e.path("tid").asInt();
      switch (ph) {
        case "X" -> {
          long start = ns(e.get("ts"));
          long end = start + ns(e.get("dur"));
          slices
              .computeIfAbsent(tid, k -> new ArrayList<>())
              .add(new Slice(e.get("name").asText(), e.get("cat").asText(), start, end));
        }
        case "s" -> flowStarts.computeIfAbsent(e.get("id").asLong(), k -> new ArrayList<>()).add(e);
        case "f" -> flowEnds.computeIfAbsent(e.get("id").asLong(), k -> new ArrayList<>()).add(e);
        case "C" -> {
          String name = e.get("name").asText();
          long ts = ns(e.get("ts"));
          e.get("args")
              .fields()
              .forEachRemaining(
                  f -> {
                    long v = f.getValue().asLong();
                    assertTrue(v >= 0, () -> "negative counter: " + e);
                    if (name.endsWith(" IRQL")) {
                      assertTrue(IRQLS.contains(v), () -> "IRQL value: " + e);
                    }
                  });
          Long last = lastCounterTs.put(name, ts);
          assertTrue(last == null || last < ts, () -> "one sample per instant, in order: " + e);
        }
        case "M" -> {
          if (e.get("name").asText().equals("thread_name")) {
            threadNames.put(tid, e.get("args").get("name").asText());
          } else if (e.get("name").asText().equals("process_name")) {
            processName = e.get("args").get("name").asText();
          }
        }
        default -> {}
      }
    }
    assertEquals(s.name(), processName);
    Map<Integer, String> expectedNames = new TreeMap<>();
    for (int cpu = 0; cpu < s.processors(); cpu++) {
      expectedNames.put(ChromeJson.tid(cpu), "CPU " + cpu);
    }
    assertEquals(expectedNames, threadNames, "thread_name for every processor");
    for (Map.Entry<Integer, List<Slice>> t : slices.entrySet()) {
      assertNested(t.getKey(), t.getValue());
    }
    flows(flowStarts, flowEnds, slices);
    agreesWithStatistics(run, slices, flowStarts.size());
  }

  /** Every ts and dur, read from the raw text, is digits, a point and three digits. */
  private static void timesArePlainDecimals(String text) {
    Matcher m = TIME_FIELD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
      String value = m.group(2);
      assertTrue(MICROS.matcher(value).matches(), () -> m.group(1) + " written as " + value);
    }
    assertTrue(n > 0, "times found");
  }

  private static void requiredKeys(JsonNode e) {
    String ph = e.path("ph").asText();
    assertTrue(e.path("name").isTextual(), () -> "name: " + e);
    assertEquals(1, e.path("pid").asInt(), () -> "pid: " + e);
    assertTrue(e.path("tid").isInt(), () -> "tid: " + e);
    if (!ph.equals("M")) {
      assertTrue(e.path("ts").isNumber(), () -> "ts: " + e);
    }
    switch (ph) {
      case "X" -> {
        assertTrue(e.path("dur").isNumber(), () -> "dur: " + e);
        assertTrue(e.path("cat").isTextual(), () -> "cat: " + e);
      }
      case "C" -> {
        assertTrue(e.path("args").isObject() && e.get("args").size() > 0, () -> "args: " + e);
        e.get("args").forEach(v -> assertTrue(v.isIntegralNumber(), () -> "value: " + e));
      }
      case "i" -> assertEquals("t", e.path("s").asText(), () -> "instant scope: " + e);
      case "s" -> {
        assertTrue(e.path("id").isIntegralNumber(), () -> "id: " + e);
        assertEquals("ipi", e.path("cat").asText(), () -> "cat: " + e);
      }
      case "f" -> {
        assertTrue(e.path("id").isIntegralNumber(), () -> "id: " + e);
        assertEquals("ipi", e.path("cat").asText(), () -> "cat: " + e);
        assertEquals("e", e.path("bp").asText(), () -> "binds to the enclosing slice: " + e);
      }
      case "M" -> assertTrue(e.path("args").isObject(), () -> "args: " + e);
      default -> fail("unexpected phase: " + e);
    }
  }

  /** Slices on one track are nested or disjoint (intervals closed left, open right). */
  private static void assertNested(int tid, List<Slice> track) {
    List<Slice> sorted = new ArrayList<>(track);
    sorted.sort(
        Comparator.comparingLong(Slice::start)
            .thenComparing(Comparator.comparingLong(Slice::end).reversed()));
    ArrayList<Slice> open = new ArrayList<>();
    for (Slice sl : sorted) {
      while (!open.isEmpty() && open.get(open.size() - 1).end() <= sl.start()) {
        open.remove(open.size() - 1);
      }
      if (!open.isEmpty()) {
        Slice parent = open.get(open.size() - 1);
        assertTrue(
            sl.end() <= parent.end(),
            () -> "tid " + tid + ": " + sl + " overlaps " + parent + " partially");
      }
      open.add(sl);
    }
  }

  /** One s and one f per id, the f after the s, each at an IPI slice of its own track. */
  private static void flows(
      Map<Long, List<JsonNode>> starts,
      Map<Long, List<JsonNode>> ends,
      Map<Integer, List<Slice>> slices) {
    assertEquals(starts.keySet(), ends.keySet(), "every flow start has an end");
    Set<String> sendSlices = new HashSet<>();
    Set<String> receiveSlices = new HashSet<>();
    slices.forEach(
        (tid, list) -> {
          for (Slice sl : list) {
            if (sl.cat().equals("ipi") && sl.end() > sl.start()) {
              (sl.name().equals("IPI") ? receiveSlices : sendSlices).add(tid + "@" + sl.start());
            }
          }
        });
    for (Long id : starts.keySet()) {
      assertEquals(1, starts.get(id).size(), "one s for id " + id);
      assertEquals(1, ends.get(id).size(), "one f for id " + id);
      JsonNode s = starts.get(id).get(0);
      JsonNode f = ends.get(id).get(0);
      assertTrue(ns(s.get("ts")) <= ns(f.get("ts")), () -> "flow goes forward: " + s + f);
      assertTrue(sendSlices.contains(s.get("tid").asInt() + "@" + ns(s.get("ts"))), s::toString);
      assertTrue(receiveSlices.contains(f.get("tid").asInt() + "@" + ns(f.get("ts"))), f::toString);
    }
  }

  /** ISR and idle time, routine counts and IPIs: the same as the run's statistics. */
  private static void agreesWithStatistics(Run run, Map<Integer, List<Slice>> slices, int flows) {
    long received = 0;
    for (CpuStats c : run.result().cpus()) {
      List<Slice> track = slices.getOrDefault(ChromeJson.tid(c.cpu()), List.of());
      long isr = 0;
      long idle = 0;
      long routines = 0;
      for (Slice sl : track) {
        switch (sl.cat()) {
          case "isr" -> isr += sl.end() - sl.start();
          case "idle" -> idle += sl.end() - sl.start();
          case "dpc", "threaded-dpc" -> routines++;
          default -> {}
        }
      }
      String where = run.scenario().name() + ", CPU " + c.cpu();
      assertEquals(c.isrTimeNs(), isr, "ISR time, " + where);
      assertEquals(c.idleTimeNs(), idle, "idle time, " + where);
      assertEquals(c.dpcExecuted(), routines, "routines run, " + where);
      received += c.ipisReceived();
    }
    assertEquals(received, flows, "one flow per IPI received");
  }

  @Test
  @DisplayName("watchdog.yaml: both violations are instants on CPU 0 and CPU 1")
  void watchdogInstants() throws IOException {
    Scenario s =
        ExampleScenarios.load(ExampleScenarios.repoRoot().resolve("scenarios/watchdog.yaml"));
    Run run = run(s);
    List<String> seen = new ArrayList<>();
    for (JsonNode e : run.events()) {
      if (e.get("ph").asText().equals("i")) {
        assertEquals(PerfettoWriter.WATCHDOG, e.get("name").asText());
        seen.add("tid " + e.get("tid").asInt() + " p1 " + e.get("args").get("p1").asLong());
      }
    }
    long expected = run.result().cpus().stream().mapToLong(CpuStats::watchdog).sum();
    assertEquals(expected, seen.size(), seen.toString());
    assertTrue(seen.contains("tid 1000 p1 0"), "the 1.5 s DPC (single limit): " + seen);
    assertTrue(seen.contains("tid 1001 p1 1"), "DISPATCH spinning (cumulative): " + seen);
  }

  @Test
  @DisplayName("the same scenario and seed give the same bytes")
  void deterministic() throws IOException {
    Scenario s =
        ExampleScenarios.shortened(
            ExampleScenarios.repoRoot().resolve("scenarios/nic-storm-spread4.yaml"));
    assertEquals(run(s).text(), run(s).text());
  }
}
