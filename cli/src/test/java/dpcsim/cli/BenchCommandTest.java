package dpcsim.cli;

import static dpcsim.cli.CliTest.dpcsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.ExampleScenarios;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dpcsim bench}: argument errors, the {@code --json} keys and the engine counters. Never
 * asserts on speed: only on what a run of any speed must report.
 */
@DisplayName("dpcsim bench")
class BenchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> TOP_KEYS =
      List.of(
          "workload",
          "processors",
          "seed",
          "simulatedNs",
          "runs",
          "warmup",
          "traceSha256",
          "engines",
          "events",
          "dpcExecuted");

  private static final List<String> ENGINE_KEYS =
      List.of(
          "engine",
          "eventsPerSecond",
          "dpcPerSecond",
          "wallSeconds",
          "peakHeapBytes",
          "allocatedBytesPerDpc",
          "traceAllocatedBytesPerDpc",
          "messagesPerEvent",
          "eventsPerWindow",
          "ratioToSequential",
          "windows",
          "sharedSteps",
          "crossCpuMessages",
          "actorMessages");

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  static Stream<Arguments> badArguments() {
    String file = ExampleScenarios.repoRoot().resolve("scenarios/remote-high.yaml").toString();
    return Stream.of(
        Arguments.of(List.of(), "SCENARIO file or --workload"),
        Arguments.of(List.of(file, "--workload", "storm"), "not both"),
        Arguments.of(List.of("--workload", "stomr"), "unknown workload 'stomr'"),
        Arguments.of(List.of("--workload", "storm", "--processors", "0"), "1..2048, not 0"),
        Arguments.of(List.of("--workload", "spread", "--processors", "4096"), "1..2048, not 4096"),
        Arguments.of(List.of("--workload", "storm", "--remote", "0.5"), "--workload phold"),
        Arguments.of(List.of("--workload", "phold", "--remote", "1.5"), "probability"),
        Arguments.of(List.of(file, "--processors", "4"), "--workload only"),
        Arguments.of(List.of("--workload", "storm", "--engines", "fast"), "unknown engine"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArguments")
  @DisplayName("argument errors: exit 2, one line")
  void badArgumentsFail(List<String> args, String expected) {
    List<String> all = new ArrayList<>(List.of("bench"));
    all.addAll(args);
    CliTest.Result r = dpcsim(all.toArray(String[]::new));
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals("", r.out());
  }

  /** Runs a workload once on the sequential and actor engines and checks what any run reports. */
  private static JsonNode benchBothEngines(String workload) throws Exception {
    CliTest.Result r =
        dpcsim(
            "bench",
            "--workload",
            workload,
            "--processors",
            "4",
            "--duration",
            "20ms",
            "--runs",
            "1",
            "--warmup",
            "0",
            "--engines",
            "sequential,actors",
            "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err(), "no progress lines off a terminal");
    JsonNode j = JSON.readTree(r.out());
    assertEquals(TOP_KEYS, keys(j));
    assertEquals(workload + "-4", j.get("workload").asText());
    assertEquals(4, j.get("processors").asInt());
    assertEquals(42, j.get("seed").asLong());
    assertEquals(20_000_000, j.get("simulatedNs").asLong());
    assertTrue(j.get("traceSha256").asText().matches("[0-9a-f]{64}"));
    assertTrue(j.get("events").asLong() > 0);
    JsonNode seq = j.get("engines").get(0);
    JsonNode actors = j.get("engines").get(1);
    assertEquals(2, j.get("engines").size());
    for (JsonNode e : j.get("engines")) {
      assertEquals(ENGINE_KEYS, keys(e));
      assertEquals(List.of("median", "min", "max"), keys(e.get("eventsPerSecond")));
      assertEquals(List.of("median", "min", "max"), keys(e.get("dpcPerSecond")));
      assertEquals(List.of("median", "min", "max"), keys(e.get("wallSeconds")));
      assertTrue(e.get("eventsPerSecond").get("median").asDouble() > 0);
      assertTrue(e.get("peakHeapBytes").asLong() > 0);
      // The trace consumer's thread runs in this JVM for every engine (the client's, for actors).
      assertTrue(e.get("allocatedBytesPerDpc").asDouble() > 0, e.toString());
      assertTrue(e.get("traceAllocatedBytesPerDpc").asDouble() > 0, e.toString());
      assertTrue(e.get("messagesPerEvent").asDouble() >= 0);
    }
    assertEquals("sequential", seq.get("engine").asText());
    assertEquals(1.0, seq.get("ratioToSequential").asDouble());
    assertTrue(seq.get("eventsPerWindow").isNull(), "the sequential engine has no windows");
    assertEquals(0, seq.get("windows").asLong());
    assertEquals(0, seq.get("actorMessages").asLong());
    assertEquals("actors", actors.get("engine").asText());
    assertTrue(actors.get("windows").asLong() > 0);
    assertTrue(actors.get("eventsPerWindow").asDouble() > 0);
    long syncs = actors.get("windows").asLong();
    long shared = actors.get("sharedSteps").asLong();
    assertTrue(shared <= syncs, "windows counts every synchronisation, shared steps included");
    assertTrue(
        actors.get("actorMessages").asLong() >= 4 * (syncs - shared) + 2 * shared,
        "a window is a command and a report at least, and a command to a processor and its answer;"
            + " a shared step a command and an answer");
    assertTrue(actors.get("messagesPerEvent").asDouble() > 0);
    assertEquals(
        seq.get("crossCpuMessages").asLong(),
        actors.get("crossCpuMessages").asLong(),
        "both engines deliver the same cross-processor messages");
    return j;
  }

  @Test
  @DisplayName("storm on sequential and actors: same hash, sane counters, no cross-CPU messages")
  void storm() throws Exception {
    JsonNode j = benchBothEngines("storm");
    assertEquals(0, j.get("engines").get(0).get("crossCpuMessages").asLong());
  }

  @Test
  @DisplayName("spread on sequential and actors: same hash, sane counters, cross-CPU messages")
  void spread() throws Exception {
    JsonNode j = benchBothEngines("spread");
    assertTrue(j.get("engines").get(0).get("crossCpuMessages").asLong() > 0);
  }

  @Test
  @DisplayName("sequential: the engine's and the trace writer's bytes per DPC, medians of 3 runs")
  void allocationPerDpc() throws Exception {
    CliTest.Result r =
        dpcsim(
            "bench",
            "--workload",
            "phold",
            "--processors",
            "4",
            "--duration",
            "5ms",
            "--runs",
            "3",
            "--warmup",
            "0",
            "--engines",
            "sequential",
            "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertTrue(j.get("dpcExecuted").asLong() > 0);
    JsonNode seq = j.get("engines").get(0);
    assertTrue(seq.get("allocatedBytesPerDpc").isNumber(), seq.toString());
    assertTrue(seq.get("traceAllocatedBytesPerDpc").isNumber(), seq.toString());
    assertTrue(seq.get("allocatedBytesPerDpc").asDouble() > 0, seq.toString());
    // The trace writer formats and hashes a JSON line per trace event: it always allocates.
    assertTrue(seq.get("traceAllocatedBytesPerDpc").asDouble() > 0, seq.toString());
  }

  @Test
  @DisplayName("--no-hash: traceSha256 null in JSON, 'traces not compared' in text")
  void noHash() throws Exception {
    String[] args = {
      "bench",
      "--workload",
      "spread",
      "--processors",
      "2",
      "--duration",
      "5ms",
      "--runs",
      "2",
      "--warmup",
      "0",
      "--engines",
      "sequential",
      "--no-hash"
    };
    CliTest.Result text = dpcsim(args);
    assertEquals(0, text.status(), text.err());
    assertTrue(text.outLines().contains("hash off: traces not compared"), text.out());
    assertFalse(text.out().contains("traceSha256"), text.out());
    List<String> json = new ArrayList<>(List.of(args));
    json.add("--json");
    CliTest.Result r = dpcsim(json.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertTrue(j.get("traceSha256").isNull());
    assertTrue(j.get("events").asLong() > 0, "trace events are counted without the hash");
    CliTest.Result hashed =
        dpcsim(
            "bench",
            "--workload",
            "spread",
            "--processors",
            "2",
            "--duration",
            "5ms",
            "--runs",
            "1",
            "--warmup",
            "0",
            "--engines",
            "sequential",
            "--json");
    assertEquals(
        JSON.readTree(hashed.out()).get("events").asLong(),
        j.get("events").asLong(),
        "the same trace events with and without the hash");
  }

  @Test
  @DisplayName("text: one aligned table, a row per engine; the SCENARIO form still works")
  void textTableForScenarioFile() {
    String file = ExampleScenarios.repoRoot().resolve("scenarios/remote-high.yaml").toString();
    CliTest.Result r =
        dpcsim("bench", file, "--runs", "1", "--warmup", "0", "--engines", "sequential");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.outLines();
    assertEquals(5, lines.size(), r.out());
    assertTrue(lines.get(2).matches("traceSha256 [0-9a-f]{64} \\(all engines\\)"), lines.get(2));
    assertTrue(lines.get(3).startsWith("engine  "), lines.get(3));
    assertTrue(lines.get(3).contains("alloc B/DPC  trace B/DPC"), lines.get(3));
    assertTrue(lines.get(4).startsWith("sequential"), lines.get(4));
    assertTrue(lines.get(4).matches(".* - +1\\.00"), lines.get(4));
    assertEquals(lines.get(3).length(), lines.get(4).length(), "columns aligned");
  }
}
