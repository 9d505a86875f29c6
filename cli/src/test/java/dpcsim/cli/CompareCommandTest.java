package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static dpcsim.cli.CliTest.examplePath;
import static dpcsim.cli.CliTest.keys;
import static dpcsim.cli.CliTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dpcsim.ExampleScenarios;
import dpcsim.cli.CliTest.Result;
import dpcsim.engine.RunFailure;
import dpcsim.kernel.ScenarioFault;
import dpcsim.report.ProfileOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpcsim compare}: the side-by-side table and its JSON agree with separate {@code dpcsim
 * run} runs of each profile; bad profile lists fail before anything runs; a profile's scenario
 * fault is shown in its column without stopping the others.
 */
@DisplayName("dpcsim compare")
class CompareCommandTest {
  private static final List<String> PROFILES = List.of("ws03", "win10", "textbook");

  /** The table's row labels, in order. */
  private static final List<String> ROWS =
      List.of(
          "simulated",
          "DPCs inserted",
          "DPCs coalesced",
          "DPCs executed",
          "DPC interrupts",
          "IPIs sent",
          "max queue depth",
          "DPC time",
          "ISR time",
          "idle",
          "latency p50",
          "latency p99",
          "latency max",
          "watchdog violations",
          "stopped by watchdog",
          "trace events",
          "traceSha256");

  private static final List<String> FIGURE_KEYS =
      List.of(
          "profile",
          "simulatedNs",
          "stoppedByWatchdog",
          "dpcInserted",
          "dpcCoalesced",
          "dpcExecuted",
          "dpcInterrupts",
          "ipisSent",
          "maxQueueDepth",
          "dpcTimeNs",
          "isrTimeNs",
          "idleTimeNs",
          "latencyNs",
          "watchdog",
          "events",
          "traceSha256");

  @TempDir Path tmp;

  /** timers.yaml: Low DPCs to an idle CPU, which the textbook profile treats differently. */
  private static final String TIMERS = examplePath("timers.yaml");

  private static Result compare(String... more) {
    List<String> args = new ArrayList<>(List.of("compare", TIMERS, "--duration", "50ms"));
    args.addAll(List.of(more));
    return dpcsim(args.toArray(String[]::new));
  }

  /** The example with its {@code profile:} line replaced, as a file {@code dpcsim run} can take. */
  private Path underProfile(String profile) throws IOException {
    String text = Files.readString(Path.of(TIMERS));
    assertTrue(text.contains("\nprofile: ws03\n"), "timers.yaml names its profile");
    Path file = tmp.resolve("timers-" + profile + ".yaml");
    Files.writeString(file, text.replace("\nprofile: ws03\n", "\nprofile: " + profile + "\n"));
    return file;
  }

  /** The table's cells of the row labelled {@code label}. */
  private static List<String> row(List<String> lines, String label) {
    for (String l : lines) {
      if (l.startsWith(label + "  ")) {
        return List.of(l.substring(label.length()).trim().split(" +"));
      }
    }
    throw new AssertionError("no row '" + label + "' in\n" + String.join("\n", lines));
  }

  @Test
  @DisplayName("the table has one column per profile, in the order given, and every row in order")
  void columnsAndRows() {
    Result r = compare("--profiles", "ws03,win10,textbook");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err(), "no progress lines without a terminal");
    List<String> lines = r.outLines();
    assertTrue(lines.get(0).startsWith("Timer-heavy"), lines.get(0));
    assertEquals(
        "2 processors | seed 7 | duration 50.0ms | engine sequential | the file's profile: ws03",
        lines.get(1));
    assertEquals(List.of("ws03", "win10", "textbook"), List.of(lines.get(3).trim().split(" +")));
    for (int i = 0; i < ROWS.size(); i++) {
      String line = lines.get(4 + i);
      assertTrue(line.startsWith(ROWS.get(i) + "  "), () -> "row " + ROWS + " in\n" + r.out());
      assertEquals(3, row(lines, ROWS.get(i)).size(), line);
    }
    assertEquals(List.of("50.0ms", "50.0ms", "50.0ms"), row(lines, "simulated"));
    assertTrue(
        lines.contains(
            "the scenario sets no tunables, threadedDpcs or watchdog: every column has its"
                + " profile's defaults"),
        r.out());
  }

  @Test
  @DisplayName("each column holds the figures of a separate 'run --engine sequential --json'")
  void agreesWithSeparateRuns() throws IOException {
    Result table = compare("--profiles", String.join(",", PROFILES));
    Result json = compare("--profiles", String.join(",", PROFILES), "--json");
    assertEquals(0, table.status(), table.err());
    assertEquals(0, json.status(), json.err());
    JsonNode profiles = parse(json.out()).get("profiles");
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < PROFILES.size(); i++) {
      String p = PROFILES.get(i);
      Result run =
          dpcsim(
              "run",
              underProfile(p).toString(),
              "--engine",
              "sequential",
              "--duration",
              "50ms",
              "--json");
      assertEquals(0, run.status(), run.err());
      JsonNode alone = parse(run.out());
      assertEquals(p, alone.get("profile").asText());
      String hash = alone.get("traceSha256").asText();
      long executed = 0;
      long interrupts = 0;
      long ipis = 0;
      long latencyMax = 0;
      for (JsonNode c : alone.get("cpus")) {
        executed += c.get("dpcExecuted").asLong();
        interrupts += c.get("dpcInterrupts").asLong();
        ipis += c.get("ipisSent").asLong();
        // null for a processor where no routine ran: nothing to take the maximum of.
        latencyMax = Math.max(latencyMax, c.get("latencyNs").path("max").asLong());
      }
      assertEquals(hash.substring(0, 12), row(table.outLines(), "traceSha256").get(i), p);
      assertEquals(Long.toString(executed), row(table.outLines(), "DPCs executed").get(i), p);
      assertEquals(Long.toString(interrupts), row(table.outLines(), "DPC interrupts").get(i), p);
      assertEquals(Long.toString(ipis), row(table.outLines(), "IPIs sent").get(i), p);
      assertEquals(alone.get("events").asText(), row(table.outLines(), "trace events").get(i), p);

      JsonNode mine = profiles.get(i);
      assertEquals(p, mine.get("profile").asText());
      assertEquals(hash, mine.get("traceSha256").asText(), p);
      assertEquals(executed, mine.get("dpcExecuted").asLong(), p);
      assertEquals(interrupts, mine.get("dpcInterrupts").asLong(), p);
      assertEquals(ipis, mine.get("ipisSent").asLong(), p);
      assertEquals(latencyMax, mine.get("latencyNs").get("max").asLong(), p);
      assertEquals(alone.get("simulatedNs").asLong(), mine.get("simulatedNs").asLong(), p);
      hashes.add(hash);
    }
    assertEquals(hashes.get(0), hashes.get(1), "ws03 and win10 agree on this scenario");
    assertNotEquals(hashes.get(0), hashes.get(2), "textbook interrupts the idle CPU (R-14)");
    assertTrue(profiles.get(2).get("ipisSent").asLong() > 0, "textbook sends IPIs");
    assertEquals(0, profiles.get(0).get("ipisSent").asLong(), "ws03 lets the idle CPU poll");
  }

  @Test
  @DisplayName("--json is one object that Jackson parses, keys in a fixed order")
  void jsonShape() {
    Result r = compare("--profiles", "win10,ws03", "--json", "--seed", "9");
    assertEquals(0, r.status(), r.err());
    assertEquals(1, r.outLines().size(), r.out());
    JsonNode root = parse(r.out());
    assertEquals(List.of("scenario", "seed", "processors", "profiles"), keys(root));
    assertEquals(9, root.get("seed").asLong());
    assertEquals(2, root.get("processors").asInt());
    assertEquals(2, root.get("profiles").size());
    assertEquals("win10", root.get("profiles").get(0).get("profile").asText());
    assertEquals("ws03", root.get("profiles").get(1).get("profile").asText());
    for (JsonNode p : root.get("profiles")) {
      assertEquals(FIGURE_KEYS, keys(p));
      assertEquals(List.of("p50", "p99", "max", "mean"), keys(p.get("latencyNs")));
      assertEquals(50_000_000L, p.get("simulatedNs").asLong());
      assertTrue(p.get("traceSha256").asText().matches("[0-9a-f]{64}"));
    }
  }

  @Test
  @DisplayName("--engine actors gives the sequential engine's JSON byte for byte")
  void actorsAgree() {
    Result seq = compare("--profiles", "ws03,textbook", "--json");
    Result actors = compare("--profiles", "ws03,textbook", "--json", "--engine", "actors");
    assertEquals(0, actors.status(), actors.err());
    assertEquals(seq.out(), actors.out());
  }

  @Test
  @DisplayName("a watchdog that stops one profile's run leaves the other profiles' runs whole")
  void watchdogStopsOneColumn() throws IOException {
    Path file = tmp.resolve("stop.yaml");
    Files.writeString(file, ExampleScenarios.WATCHDOG_STOP);
    Result r = dpcsim("compare", file.toString(), "--profiles", "ws03,win10");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.outLines();
    assertEquals(List.of("3.00s", "78.1ms"), row(lines, "simulated"));
    assertEquals(List.of("no", "yes"), row(lines, "stopped by watchdog"));
    assertEquals(List.of("0", "1"), row(lines, "watchdog violations"));
    assertEquals(List.of("1", "1"), row(lines, "DPCs executed"));
    assertTrue(
        lines.contains(
            "  watchdog: single 0x4, cumulative 0x200, action stop (no effect under ws03: no DPC"
                + " watchdog (R-29))"),
        r.out());
  }

  @Test
  @DisplayName("an unknown profile: exit 2, one line naming it and the known ones")
  void unknownProfile() {
    assertOneLineError(
        compare("--profiles", "ws03,win7,textbook"),
        "--profiles",
        "'win7'",
        "ws03, win10, reactos, textbook");
  }

  @Test
  @DisplayName("a profile listed twice, or none: exit 2, one line")
  void badLists() {
    assertOneLineError(compare("--profiles", "ws03,win10,ws03"), "--profiles", "'ws03'", "twice");
    assertOneLineError(compare("--profiles", ","), "--profiles", "no profile");
    assertOneLineError(compare("--profiles", "ws03,,win10"), "--profiles", "empty");
  }

  @Test
  @DisplayName("the profile list is checked before the scenario is even read")
  void profilesFirst() {
    String missing = tmp.resolve("missing.yaml").toString();
    assertOneLineError(dpcsim("compare", missing, "--profiles", "nope"), "'nope'");
    assertOneLineError(dpcsim("compare", missing, "--profiles", "ws03"), missing, "no such file");
  }

  @Test
  @DisplayName("--engine bogus and a bad --duration: exit 2, one line")
  void badFlags() {
    assertOneLineError(compare("--profiles", "ws03", "--engine", "bogus"), "--engine", "'bogus'");
    assertOneLineError(
        dpcsim("compare", TIMERS, "--profiles", "ws03", "--duration", "0ms"), "--duration");
  }

  @Test
  @DisplayName("a scenario fault becomes that profile's column; other failures end the command")
  void faults() {
    ProfileOutcome seq =
        CompareCommand.outcome(
            "ws03",
            p -> {
              throw new ScenarioFault("processor 0 makes no progress at 7 ns");
            });
    assertEquals(new ProfileOutcome.Faulted("ws03", "processor 0 makes no progress at 7 ns"), seq);
    ProfileOutcome actors =
        CompareCommand.outcome(
            "win10",
            p -> {
              throw new RunFailure("processor 1 (on local) failed at 9 ns: no progress", 2);
            });
    assertInstanceOf(ProfileOutcome.Faulted.class, actors);
    assertEquals("win10", actors.profile());
    RunFailure lost = new RunFailure("node left", 3);
    assertSame(
        lost,
        assertThrows(
            RunFailure.class,
            () ->
                CompareCommand.outcome(
                    "ws03",
                    p -> {
                      throw lost;
                    })));
  }

  @Test
  @DisplayName("--help says why sequential is the default")
  void help() {
    Result r = dpcsim("compare", "--help");
    assertEquals(0, r.status(), r.err());
    for (String s :
        Stream.of("--profiles", "--engine", "--json", "--seed", "--duration").toList()) {
      assertTrue(r.out().contains(s), s);
    }
    assertTrue(
        r.out().replaceAll("\\s+", " ").contains("The default is sequential because"), r.out());
  }
}
