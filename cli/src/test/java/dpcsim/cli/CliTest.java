package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.ExampleScenarios;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code dpcsim} command line, driven through {@link Main#execute} with in-memory streams: the
 * summary table, {@code --json}, {@code --trace}, exit codes and one-line errors, {@code validate}
 * and {@code layout}.
 */
@DisplayName("dpcsim command line")
class CliTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The {@code --json} top-level keys trace-format.md lists, in its order. */
  private static final List<String> TOP_KEYS =
      List.of(
          "scenario",
          "profile",
          "engine",
          "nodes",
          "processors",
          "simulatedNs",
          "events",
          "traceSha256",
          "cpus");

  /** The keys of one {@code cpus} entry, in trace-format.md's order. */
  private static final List<String> CPU_KEYS =
      List.of(
          "cpu",
          "dpcInserted",
          "dpcExecuted",
          "dpcInterrupts",
          "ipisSent",
          "ipisReceived",
          "maxQueueDepth",
          "dpcTimeNs",
          "isrTimeNs",
          "idleTimeNs",
          "latencyNs",
          "watchdog");

  private static final Pattern HEADER =
      Pattern.compile(
          " *cpu +inserted +coalesced +executed +dpc-int +ipi-tx +ipi-rx +max-depth +dpc +isr +idle"
              + " +lat-p50 +lat-p99 +lat-max +dur-p50 +dur-p99 +dur-max +watchdog");
  private static final Pattern LAST_LINE =
      Pattern.compile("(\\d+) trace events \\| traceSha256 ([0-9a-f]{64})");

  @TempDir Path tmp;

  /** What one command line did. */
  record Result(int status, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Result dpcsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  /**
   * {@code dpcsim run scenarios/NAME --engine sequential OPTIONS}: for tests where the engine does
   * not matter (actor runs start a cluster and cost seconds).
   */
  static Result runExample(String name, String... options) {
    List<String> args =
        new ArrayList<>(List.of("run", examplePath(name), "--engine", "sequential"));
    args.addAll(List.of(options));
    return dpcsim(args.toArray(String[]::new));
  }

  static Path example(String name) {
    return ExampleScenarios.repoRoot().resolve("scenarios").resolve(name);
  }

  static String examplePath(String name) {
    return example(name).toString();
  }

  static Stream<String> exampleNames() {
    return ExampleScenarios.files().stream().map(p -> p.getFileName().toString());
  }

  /** The trace events and hash a summary table reports on its last line. */
  record Footer(long events, String sha256) {}

  static Footer footer(List<String> lines) {
    String last = lines.get(lines.size() - 1);
    Matcher m = LAST_LINE.matcher(last);
    assertTrue(m.matches(), "last summary line: " + last);
    return new Footer(Long.parseLong(m.group(1)), m.group(2));
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not one JSON value: " + text, e);
    }
  }

  static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  static void assertNoStackTrace(Result r) {
    assertFalse(r.err().contains("\tat "), () -> "stack trace on stderr:\n" + r.err());
    assertFalse(r.err().contains("Exception"), () -> "exception name on stderr:\n" + r.err());
  }

  /** Exit status 2, nothing on stdout, one line on stderr naming every fragment. */
  static void assertOneLineError(Result r, String... fragments) {
    assertAll(
        () -> assertEquals(Main.USER_ERROR, r.status(), () -> "status; stderr:\n" + r.err()),
        () -> assertEquals("", r.out(), "stdout"),
        () -> assertEquals(1, r.errLines().size(), () -> "one line on stderr:\n" + r.err()),
        () -> assertTrue(r.err().startsWith("dpcsim: "), r.err()),
        () -> assertNoStackTrace(r));
    for (String f : fragments) {
      assertTrue(r.err().contains(f), () -> "stderr should name '" + f + "':\n" + r.err());
    }
  }

  /** Exit status 2 for a picocli usage error: the error, then a pointer to --help. */
  static void assertUsageError(Result r, String helpFor, String... fragments) {
    assertAll(
        () -> assertEquals(Main.USER_ERROR, r.status(), () -> "status; stderr:\n" + r.err()),
        () -> assertEquals("", r.out(), "stdout"),
        () ->
            assertEquals(
                List.of("dpcsim: see 'dpcsim " + helpFor + "--help'"),
                r.errLines().subList(1, r.errLines().size()),
                () -> "stderr:\n" + r.err()),
        () -> assertNoStackTrace(r));
    String first = r.errLines().get(0);
    for (String f : fragments) {
      assertTrue(first.contains(f), () -> "stderr should name '" + f + "':\n" + r.err());
    }
  }

  static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Nested
  @DisplayName("run prints a summary table")
  class Summary {
    @ParameterizedTest(name = "run {0}")
    @MethodSource("dpcsim.cli.CliTest#exampleNames")
    @DisplayName("every example scenario runs (at most 50 ms) and prints one row per processor")
    void everyExample(String name) {
      Scenario s = ExampleScenarios.load(example(name));
      List<String> args = new ArrayList<>(List.of("run", examplePath(name)));
      if (s.durationNs() > 50_000_000L) {
        args.addAll(List.of("--duration", "50ms"));
      }
      Result r = dpcsim(args.toArray(String[]::new));
      assertEquals(0, r.status(), () -> "stderr:\n" + r.err());
      assertEquals("", r.err());
      List<String> lines = r.outLines();
      assertEquals(s.name(), lines.get(0));
      assertTrue(
          lines.get(1).startsWith("profile " + s.profile() + " | " + s.processors() + " processor"),
          lines.get(1));
      assertTrue(lines.get(1).contains(" | seed " + s.seed() + " | "), lines.get(1));
      assertTrue(lines.get(1).endsWith(" | engine actors"), lines.get(1));
      int header = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (HEADER.matcher(lines.get(i)).matches()) {
          header = i;
          break;
        }
      }
      assertTrue(header > 0, () -> "no header line in\n" + r.out());
      for (int cpu = 0; cpu < s.processors(); cpu++) {
        String[] cells = lines.get(header + 1 + cpu).trim().split(" +");
        assertEquals(18, cells.length, lines.get(header + 1 + cpu));
        assertEquals(Integer.toString(cpu), cells[0], "row " + cpu);
      }
      String after = lines.get(header + 1 + s.processors());
      if (s.processors() > 1) {
        assertTrue(after.trim().startsWith("all "), after);
      } else {
        assertEquals("", after);
      }
      Footer f = footer(lines);
      assertTrue(f.events() > 0, "events");
    }

    @Test
    @DisplayName("--duration and --seed show in the header, and another seed changes the hash")
    void durationAndSeed() {
      long seed = ExampleScenarios.load(example("timers.yaml")).seed();
      String other = Long.toString(seed + 1);
      Result a = dpcsim("run", examplePath("timers.yaml"), "--duration", "20ms");
      Result b = dpcsim("run", examplePath("timers.yaml"), "--duration", "20ms", "--seed", other);
      assertEquals(0, a.status(), a.err());
      assertEquals(0, b.status(), b.err());
      assertTrue(a.outLines().get(1).contains("| seed " + seed + " | simulated 20.0ms |"), a.out());
      assertTrue(
          b.outLines().get(1).contains("| seed " + other + " | simulated 20.0ms |"), b.out());
      assertNotEquals(footer(a.outLines()).sha256(), footer(b.outLines()).sha256());
    }

    @Test
    @DisplayName("the same command line prints the same bytes twice")
    void repeatable() {
      String[] args = {"run", examplePath("nic-storm-spread4.yaml"), "--duration", "30ms"};
      Result a = dpcsim(args);
      Result b = dpcsim(args);
      assertEquals(0, a.status(), a.err());
      assertEquals(a.out(), b.out());
    }
  }

  @Nested
  @DisplayName("run --json")
  class Json {
    @Test
    @DisplayName("prints one JSON object with every key trace-format.md lists, in its order")
    void keysInOrder() {
      Scenario s = ExampleScenarios.load(example("timers.yaml"));
      Result r = dpcsim("run", examplePath("timers.yaml"), "--duration", "50ms", "--json");
      assertEquals(0, r.status(), r.err());
      assertEquals("", r.err());
      assertEquals(1, r.outLines().size(), () -> "one line:\n" + r.out());
      JsonNode root = parse(r.out());
      assertTrue(root.isObject(), r.out());

      List<String> keys = keys(root);
      List<String> listed = keys.stream().filter(TOP_KEYS::contains).toList();
      assertEquals(TOP_KEYS, listed, () -> "top-level keys in order, in " + keys);

      assertEquals(s.name(), root.get("scenario").asText());
      assertEquals("ws03", root.get("profile").asText());
      assertEquals("actors", root.get("engine").asText(), "the default engine");
      assertEquals(1, root.get("nodes").asInt());
      assertEquals(2, root.get("processors").asInt());
      assertEquals(50_000_000L, root.get("simulatedNs").asLong());
      assertTrue(root.get("events").isIntegralNumber() && root.get("events").asLong() > 0);
      assertTrue(root.get("traceSha256").asText().matches("[0-9a-f]{64}"));

      JsonNode cpus = root.get("cpus");
      assertTrue(cpus.isArray());
      assertEquals(2, cpus.size());
      for (int i = 0; i < cpus.size(); i++) {
        JsonNode c = cpus.get(i);
        List<String> actual = keys(c);
        assertEquals(
            CPU_KEYS, actual.subList(0, CPU_KEYS.size()), "listed keys of cpus[" + i + "]");
        assertEquals(
            List.of("durationNs", "isrCount", "node", "coalesced"),
            actual.subList(CPU_KEYS.size(), actual.size()),
            "extensions come after the listed keys");
        assertEquals(i, c.get("cpu").asInt());
        for (String k : CPU_KEYS) {
          if (!k.equals("latencyNs")) {
            assertTrue(c.get(k).isIntegralNumber(), k + " is an integer");
            assertTrue(c.get(k).asLong() >= 0, k + " >= 0");
          }
        }
        JsonNode lat = c.get("latencyNs");
        if (c.get("dpcExecuted").asLong() == 0) {
          // Nothing ran: nothing measured, as the table's "-".
          assertTrue(lat.isNull(), "latencyNs of a processor with no DPC: " + lat);
          assertTrue(c.get("durationNs").isNull());
          continue;
        }
        assertEquals(List.of("p50", "p99", "max", "mean"), keys(lat));
        assertTrue(lat.get("mean").asLong() <= lat.get("max").asLong());
        assertTrue(lat.get("p50").asLong() <= lat.get("p99").asLong());
        assertTrue(lat.get("p99").asLong() <= lat.get("max").asLong());
      }
    }

    @Test
    @DisplayName("reports the same figures as the summary table")
    void agreesWithTable() {
      String[] args = {"run", examplePath("script-tour.yaml")};
      Result table = dpcsim(args);
      Result json =
          dpcsim(Stream.concat(Arrays.stream(args), Stream.of("--json")).toArray(String[]::new));
      assertEquals(0, table.status(), table.err());
      assertEquals(0, json.status(), json.err());
      JsonNode root = parse(json.out());
      Footer f = footer(table.outLines());
      assertEquals(f.events(), root.get("events").asLong());
      assertEquals(f.sha256(), root.get("traceSha256").asText());
      List<String> lines = table.outLines();
      int header = 0;
      while (!HEADER.matcher(lines.get(header)).matches()) {
        header++;
      }
      for (JsonNode c : root.get("cpus")) {
        String[] cells = lines.get(header + 1 + c.get("cpu").asInt()).trim().split(" +");
        assertEquals(c.get("dpcInserted").asText(), cells[1], "inserted");
        assertEquals(c.get("coalesced").asText(), cells[2], "coalesced");
        assertEquals(c.get("dpcExecuted").asText(), cells[3], "executed");
        assertEquals(c.get("dpcInterrupts").asText(), cells[4], "dpc-int");
        assertEquals(c.get("ipisSent").asText(), cells[5], "ipi-tx");
        assertEquals(c.get("ipisReceived").asText(), cells[6], "ipi-rx");
        assertEquals(c.get("maxQueueDepth").asText(), cells[7], "max-depth");
        assertEquals(c.get("watchdog").asText(), cells[17], "watchdog");
      }
    }
  }

  @Nested
  @DisplayName("run --trace")
  class Trace {
    /** One parsed trace line. */
    record Line(long t, int cpu, String ev, List<String> keys) {}

    List<Line> parseTrace(byte[] bytes) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertTrue(text.isEmpty() || text.endsWith("\n"), "the trace ends with a newline");
      List<Line> lines = new ArrayList<>();
      for (String l : text.split("\n", -1)) {
        if (l.isEmpty()) {
          continue;
        }
        JsonNode n = parse(l);
        lines.add(
            new Line(n.get("t").asLong(), n.get("cpu").asInt(), n.get("ev").asText(), keys(n)));
      }
      return lines;
    }

    @Test
    @DisplayName("writes JSON Lines whose SHA-256 and line count are the reported ones, in order")
    void fileMatchesReport() throws IOException {
      Path file = tmp.resolve("timers.jsonl");
      Result r =
          dpcsim(
              "run",
              examplePath("timers.yaml"),
              "--duration",
              "50ms",
              "--json",
              "--trace",
              file.toString());
      assertEquals(0, r.status(), r.err());
      JsonNode root = parse(r.out());
      byte[] bytes = Files.readAllBytes(file);
      assertEquals(root.get("traceSha256").asText(), ExampleScenarios.sha256(bytes));
      List<Line> lines = parseTrace(bytes);
      assertEquals(root.get("events").asLong(), lines.size());
      Line prev = null;
      for (Line l : lines) {
        assertEquals(List.of("t", "cpu", "ev"), l.keys().subList(0, 3), l.toString());
        assertTrue(l.cpu() >= 0 && l.cpu() < 2, l.toString());
        assertFalse(l.ev().equals("Tick"), "no Tick lines without --trace-ticks");
        if (prev != null) {
          assertTrue(
              prev.t() < l.t() || (prev.t() == l.t() && prev.cpu() <= l.cpu()),
              () -> "not sorted by (t, cpu): " + lines.indexOf(l));
        }
        prev = l;
      }
      assertEquals(List.of(), filesIn(tmp).stream().filter(p -> !p.equals(file)).toList());
    }

    @Test
    @DisplayName("--trace-ticks adds exactly the Tick lines, which change the hash")
    void ticks() throws IOException {
      Path plain = tmp.resolve("plain.jsonl");
      Path ticks = tmp.resolve("ticks.jsonl");
      String scenario = examplePath("timers.yaml");
      Result a =
          dpcsim("run", scenario, "--duration", "50ms", "--json", "--trace", plain.toString());
      Result b =
          dpcsim(
              "run",
              scenario,
              "--duration",
              "50ms",
              "--json",
              "--trace",
              ticks.toString(),
              "--trace-ticks");
      assertEquals(0, a.status(), a.err());
      assertEquals(0, b.status(), b.err());
      JsonNode ja = parse(a.out());
      JsonNode jb = parse(b.out());
      byte[] tickBytes = Files.readAllBytes(ticks);
      assertEquals(jb.get("traceSha256").asText(), ExampleScenarios.sha256(tickBytes));
      assertNotEquals(ja.get("traceSha256").asText(), jb.get("traceSha256").asText());

      List<String> tickLines = new String(tickBytes, StandardCharsets.UTF_8).lines().toList();
      assertEquals(jb.get("events").asLong(), tickLines.size());
      List<String> onlyTicks =
          tickLines.stream().filter(l -> l.contains("\"ev\":\"Tick\"")).toList();
      // Ticks at k x 15.625 ms, k >= 1, on each of the 2 processors: 3 each in 50 ms.
      assertEquals(6, onlyTicks.size(), () -> String.join("\n", onlyTicks));
      for (String l : onlyTicks) {
        assertEquals(List.of("t", "cpu", "ev", "rate", "maxDepth", "threshold"), keys(parse(l)), l);
        assertEquals(0, parse(l).get("t").asLong() % 15_625_000L, l);
      }
      List<String> withoutTicks =
          tickLines.stream().filter(l -> !l.contains("\"ev\":\"Tick\"")).toList();
      assertEquals(Files.readAllLines(plain, StandardCharsets.UTF_8), withoutTicks);
      assertEquals(ja.get("events").asLong() + 6, jb.get("events").asLong());
    }

    @Test
    @DisplayName("--trace - puts the trace on stdout and the summary on stderr")
    void toStdout() throws IOException {
      String scenario = examplePath("remote-high.yaml");
      Path file = tmp.resolve("remote-high.jsonl");
      Result toFile = dpcsim("run", scenario, "--trace", file.toString());
      Result r = dpcsim("run", scenario, "--trace", "-");
      assertEquals(0, toFile.status(), toFile.err());
      assertEquals(0, r.status(), r.err());
      byte[] bytes = r.out().getBytes(StandardCharsets.UTF_8);
      assertEquals(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), r.out());
      Footer f = footer(r.errLines());
      assertEquals(f.sha256(), ExampleScenarios.sha256(bytes));
      assertEquals(f.events(), r.outLines().size());
      assertEquals(toFile.out(), r.err(), "the summary moves to stderr unchanged");
      for (String l : r.outLines()) {
        assertTrue(l.startsWith("{\"t\":"), l);
      }

      Result json = dpcsim("run", scenario, "--trace", "-", "--json");
      assertEquals(0, json.status(), json.err());
      assertEquals(r.out(), json.out());
      assertEquals(f.sha256(), parse(json.err()).get("traceSha256").asText());
    }

    @Test
    @DisplayName("non-ASCII names reach the trace as UTF-8, in a file and on stdout alike")
    void nonAscii() throws IOException {
      Path scenario = tmp.resolve("unicode.yaml");
      Files.writeString(
          scenario,
          """
          name: "caf\u00e9 \u2192 d\u00e9j\u00e0 vu"
          processors: 1
          duration: 1ms
          dpcs:
            "r\u00e9sum\u00e9\u2192": { routine: { duration: 1us } }
          script:
            - { at: 1us, cpu: 0, do: insert, dpc: "r\u00e9sum\u00e9\u2192", args: [1, 2] }
          """,
          StandardCharsets.UTF_8);
      Path file = tmp.resolve("unicode.jsonl");
      Result toFile = dpcsim("run", scenario.toString(), "--json", "--trace", file.toString());
      Result toStdout = dpcsim("run", scenario.toString(), "--json", "--trace", "-");
      assertEquals(0, toFile.status(), toFile.err());
      assertEquals(0, toStdout.status(), toStdout.err());
      byte[] bytes = Files.readAllBytes(file);
      String hash = parse(toFile.out()).get("traceSha256").asText();
      assertEquals(hash, ExampleScenarios.sha256(bytes));
      assertEquals(hash, ExampleScenarios.sha256(toStdout.out().getBytes(StandardCharsets.UTF_8)));
      assertEquals(
          "caf\u00e9 \u2192 d\u00e9j\u00e0 vu", parse(toFile.out()).get("scenario").asText());
      List<String> dpcNames = new ArrayList<>();
      for (String l : new String(bytes, StandardCharsets.UTF_8).lines().toList()) {
        JsonNode n = parse(l);
        if (n.has("dpc")) {
          dpcNames.add(n.get("dpc").asText());
        }
      }
      assertEquals(
          List.of("r\u00e9sum\u00e9\u2192", "r\u00e9sum\u00e9\u2192", "r\u00e9sum\u00e9\u2192"),
          dpcNames);
    }

    @Test
    @DisplayName("watchdog action: stop ends the run and the trace at the violation (R-29)")
    void watchdogStop() throws IOException {
      Path scenario = tmp.resolve("stop.yaml");
      Files.writeString(scenario, ExampleScenarios.WATCHDOG_STOP);
      Path file = tmp.resolve("stop.jsonl");
      Result json = dpcsim("run", scenario.toString(), "--json", "--trace", file.toString());
      Result table = dpcsim("run", scenario.toString());
      assertEquals(0, json.status(), json.err());
      assertEquals(0, table.status(), table.err());
      // The 5th tick inside the routine (at 5 x 15.625 ms) is above the limit of 4.
      JsonNode root = parse(json.out());
      assertEquals(78_125_000L, root.get("simulatedNs").asLong());
      assertEquals(1, root.get("cpus").get(0).get("watchdog").asInt());
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      assertEquals(
          "{\"t\":78125000,\"cpu\":0,\"ev\":\"Watchdog\",\"code\":307,\"p1\":0,\"p2\":5,\"p3\":4}",
          lines.get(lines.size() - 1));
      assertTrue(
          table.outLines().get(1).contains("simulated 78.1ms (stopped by the DPC watchdog)"),
          table.outLines().get(1));
    }
  }

  @Nested
  @DisplayName("errors: exit status 2 and one line naming the problem")
  class Errors {
    /** Runs {@code run ARGS --trace tmp/t.jsonl}: a failed run must leave nothing in tmp. */
    Result runWithTrace(String... args) throws IOException {
      List<Path> before = filesIn(tmp);
      List<String> all = new ArrayList<>(List.of("run"));
      all.addAll(List.of(args));
      all.addAll(List.of("--trace", tmp.resolve("t.jsonl").toString()));
      Result r = dpcsim(all.toArray(String[]::new));
      assertEquals(before, filesIn(tmp), "a failed run creates no file (no trace, no .part)");
      return r;
    }

    @Test
    @DisplayName("a missing scenario file")
    void missingScenario() throws IOException {
      String missing = tmp.resolve("missing.yaml").toString();
      assertOneLineError(runWithTrace(missing), missing, "no such file");
    }

    static Stream<Arguments> invalidScenarios() {
      String head = "name: x\nprocessors: 2\nduration: 1ms\n";
      return Stream.of(
          Arguments.of(head + "bogus: 3\n", ":4:1: ", List.of("bogus", "unknown key")),
          Arguments.of(
              head + "dpcs:\n  a: { importance: hihg, routine: { duration: 1us } }\n",
              ":5:20: ",
              List.of("dpcs.a.importance", "hihg")),
          Arguments.of(
              head + "dpcs:\n  a:\n    target: 2\n    routine: { duration: 1us }\n",
              ":6:13: ",
              List.of("dpcs.a.target", "out of range")),
          Arguments.of(
              head + "script:\n  - { at: 2ms, cpu: 0, do: halt }\n",
              ":5:11: ",
              List.of("script[0].at", "past the scenario's duration")),
          Arguments.of("name: [x\n", ":1:9: ", List.of("YAML syntax error")));
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource("invalidScenarios")
    @DisplayName("a scenario failing validation: file:line:col and what is wrong")
    void invalidScenario(String yaml, String position, List<String> fragments) throws IOException {
      Path bad = tmp.resolve("bad.yaml");
      Files.writeString(bad, yaml);
      List<String> all = new ArrayList<>(List.of(bad + position));
      all.addAll(fragments);
      assertOneLineError(runWithTrace(bad.toString()), all.toArray(String[]::new));
      assertOneLineError(dpcsim("validate", bad.toString()), all.toArray(String[]::new));
    }

    @Test
    @DisplayName("--engine actors: the embedded cluster gives the sequential engine's hash")
    void actorsEngine() {
      Result actors = dpcsim("run", examplePath("script-tour.yaml"), "--engine", "actors");
      Result sequential = dpcsim("run", examplePath("script-tour.yaml"), "--engine", "sequential");
      assertEquals(0, actors.status(), actors.err());
      assertTrue(actors.out().contains("engine actors"), actors.out());
      assertEquals(
          sequential.out().lines().reduce((a, b) -> b).orElseThrow(),
          actors.out().lines().reduce((a, b) -> b).orElseThrow(),
          "the last line holds the trace hash");
      assertEquals("", actors.err(), "nothing on stderr");
    }

    @Test
    @DisplayName("--engine bogus")
    void unknownEngine() throws IOException {
      assertOneLineError(
          runWithTrace(examplePath("script-tour.yaml"), "--engine", "bogus"),
          "--engine",
          "'bogus'",
          "sequential");
    }

    static Stream<Arguments> badDurations() {
      return Stream.of(
          Arguments.of("-5ms", "negative"),
          Arguments.of("5", "no unit"),
          Arguments.of("5parsecs", "unknown unit"),
          Arguments.of("0ms", "greater than zero"),
          Arguments.of("1.5ns", "whole number of nanoseconds"));
    }

    @ParameterizedTest(name = "--duration {0}")
    @MethodSource("badDurations")
    @DisplayName("a bad --duration")
    void badDuration(String value, String why) throws IOException {
      assertOneLineError(
          runWithTrace(examplePath("script-tour.yaml"), "--duration", value),
          "--duration",
          value,
          why);
    }

    @Test
    @DisplayName("--seed notanumber")
    void badSeed() throws IOException {
      assertUsageError(
          runWithTrace(examplePath("script-tour.yaml"), "--seed", "notanumber"),
          "run ",
          "--seed",
          "notanumber");
    }

    @Test
    @DisplayName("an unknown option")
    void unknownOption() throws IOException {
      assertUsageError(
          runWithTrace(examplePath("script-tour.yaml"), "--frobnicate"), "run ", "--frobnicate");
    }

    @Test
    @DisplayName("run without a scenario")
    void missingParameter() {
      assertUsageError(dpcsim("run"), "run ", "SCENARIO");
    }

    @Test
    @DisplayName("an unknown subcommand")
    void unknownSubcommand() {
      assertUsageError(dpcsim("frobnicate", "x.yaml"), "", "frobnicate");
    }

    @Test
    @DisplayName("layout --profile nope")
    void unknownProfile() {
      assertOneLineError(dpcsim("layout", "--profile", "nope"), "--profile", "nope", "ws03");
    }

    @Test
    @DisplayName("layout --arch arm")
    void unknownArch() {
      assertOneLineError(dpcsim("layout", "--arch", "arm"), "--arch", "arm", "x86", "x64");
    }
  }

  @Nested
  @DisplayName("validate")
  class Validate {
    @ParameterizedTest(name = "validate {0}")
    @MethodSource("dpcsim.cli.CliTest#exampleNames")
    @DisplayName("every example scenario is ok (exit 0), within the default event budget")
    void examplesOk(String name) {
      Scenario s = ExampleScenarios.load(example(name));
      Result r = dpcsim("validate", examplePath(name));
      assertEquals(0, r.status(), r.err());
      assertEquals("", r.err());
      // Then one warning line per shared untargeted KDPC, as InsertOrigins finds them.
      assertEquals(
          dpcsim.scenario.InsertOrigins.warnings(s),
          r.outLines().subList(2, r.outLines().size()),
          r.out());
      String line = r.outLines().get(0);
      String estimate = r.outLines().get(1);
      assertTrue(estimate.startsWith(examplePath(name) + ": about "), "second line: the estimate");
      assertTrue(estimate.contains(" simulation events (budget 2000000000)"), estimate);
      assertTrue(line.startsWith(examplePath(name) + ": ok: "), line);
      assertTrue(line.contains("\"" + s.name() + "\""), line);
      assertTrue(line.contains(", profile " + s.profile() + ", "), line);
      assertTrue(line.contains(", " + s.processors() + " processor"), line);
      assertTrue(line.contains(", " + s.dpcs().size() + " DPC"), line);
    }

    @Test
    @DisplayName("a missing file fails with exit 2")
    void missing() {
      String missing = tmp.resolve("missing.yaml").toString();
      assertOneLineError(dpcsim("validate", missing), missing, "no such file");
    }
  }

  @Nested
  @DisplayName("layout prints dt nt!_KDPC")
  class Layout {
    @Test
    @DisplayName("ws03 x64: the 5.2 layout with Expedite and DpcData at 0x38")
    void ws03x64() {
      Result r = dpcsim("layout", "--profile", "ws03", "--arch", "x64");
      assertEquals(0, r.status(), r.err());
      List<String> lines = r.outLines();
      assertEquals("0: kd> dt nt!_KDPC", lines.get(0));
      assertTrue(lines.contains("   +0x000 Type             : UChar"), r.out());
      assertTrue(lines.contains("   +0x003 Expedite         : UChar"), r.out());
      assertTrue(lines.contains("   +0x008 DpcListEntry     : _LIST_ENTRY"), r.out());
      assertTrue(lines.contains("   +0x038 DpcData          : Ptr64 Void"), r.out());
      assertTrue(r.out().contains("x64: 0x40 bytes"), r.out());
      assertFalse(r.out().contains("TargetInfoAsUlong"), r.out());
    }

    @Test
    @DisplayName("the defaults are ws03 and x64")
    void defaults() {
      Result r = dpcsim("layout");
      assertEquals(0, r.status(), r.err());
      assertEquals(dpcsim("layout", "--profile", "ws03", "--arch", "x64").out(), r.out());
    }

    @Test
    @DisplayName("win10: TargetInfoAsUlong over the first four bytes (R-1)")
    void win10() {
      Result r = dpcsim("layout", "--profile", "win10");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.outLines().contains("   +0x000 TargetInfoAsUlong : Uint4B"), r.out());
      assertTrue(r.out().contains("_SINGLE_LIST_ENTRY"), r.out());
      assertTrue(r.out().contains("ProcessorHistory"), r.out());
    }

    @Test
    @DisplayName("ws03 x86: DpcData at 0x1c")
    void ws03x86() {
      Result r = dpcsim("layout", "--profile", "ws03", "--arch", "x86");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.outLines().contains("   +0x01c DpcData          : Ptr32 Void"), r.out());
      assertTrue(r.out().contains("x86: 0x20 bytes"), r.out());
    }

    /** Every profile on x86, and on x64 where its kernel had an x64 build (not textbook's). */
    static Stream<Arguments> profilesAndArchs() {
      return Profiles.names().stream()
          .flatMap(
              p ->
                  p.equals("textbook")
                      ? Stream.of(Arguments.of(p, "x86", 0x20))
                      : Stream.of(Arguments.of(p, "x86", 0x20), Arguments.of(p, "x64", 0x40)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profilesAndArchs")
    @DisplayName("every profile and built arch: 0x20 or 0x40 bytes, offsets in order (R-7)")
    void everyLayout(String profile, String arch, int size) {
      Result r = dpcsim("layout", "--profile", profile, "--arch", arch);
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().contains(arch + ": 0x" + Integer.toHexString(size) + " bytes"), r.out());
      Pattern field = Pattern.compile(" {3}\\+0x([0-9a-f]{3}) (\\w+) +: .+");
      int last = 0;
      int fields = 0;
      for (String l : r.outLines()) {
        Matcher m = field.matcher(l);
        if (m.matches()) {
          int offset = Integer.parseInt(m.group(1), 16);
          assertTrue(offset >= last && offset < size, l);
          last = offset;
          fields++;
        }
      }
      assertTrue(fields >= 8, () -> "fields in\n" + r.out());
    }
  }

  @Nested
  @DisplayName("help and version")
  class HelpAndVersion {
    @Test
    @DisplayName("--help lists the subcommands (exit 0)")
    void help() {
      Result r = dpcsim("--help");
      assertEquals(0, r.status(), r.err());
      for (String sub : List.of("run", "validate", "layout")) {
        assertTrue(r.out().contains("  " + sub + " "), () -> sub + " in\n" + r.out());
      }
    }

    @Test
    @DisplayName("run --help lists its options (exit 0)")
    void runHelp() {
      Result r = dpcsim("run", "--help");
      assertEquals(0, r.status(), r.err());
      for (String opt :
          List.of("--engine", "--seed", "--duration", "--trace", "--trace-ticks", "--json")) {
        assertTrue(r.out().contains(opt), () -> opt + " in\n" + r.out());
      }
    }

    @Test
    @DisplayName("--version names dpcsim's version (exit 0)")
    void version() {
      Result r = dpcsim("--version");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.outLines().get(0).matches("dpcsim \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @Test
    @DisplayName("no arguments prints the usage (exit 0)")
    void noArguments() {
      Result r = dpcsim();
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().startsWith("Usage: dpcsim"), r.out());
    }
  }
}
