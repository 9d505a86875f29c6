package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.PROFILES;
import static dpcsim.scenario.ScenarioFixtures.SOURCE;
import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.parse;
import static dpcsim.scenario.ScenarioFixtures.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ScenarioBuilder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's bounds: a valid scenario must be finite work (durations at most a day, rates at most
 * 1e9/s), a huge file or value is refused at once, and an error quotes at most ~80 characters of a
 * value.
 */
@DisplayName("Validation of the bounds: durations, rates, lengths")
class LimitsValidationTest {
  private static final String HEAD = "processors: 1\n";

  @Test
  @DisplayName("a day of simulated time is the longest duration; 9223372036s is refused")
  void durationAtMostADay() throws ScenarioException {
    assertEquals(86_400_000_000_000L, parse(HEAD + "duration: 86400s\n").durationNs());
    assertError(
        rejects(HEAD + "duration: 9223372036s\n"),
        2,
        11,
        "duration",
        "duration '9223372036s' is longer than a day (at most 86400s of simulated time)");
    assertError(
        rejects(HEAD + "duration: 86400000000001ns\n"), 2, 11, "duration", "longer than a day");
  }

  @Test
  @DisplayName("every duration is bounded, not only the run's: a tick, a period, a routine")
  void everyDurationBounded() {
    String base = HEAD + "duration: 1s\n";
    assertError(rejects(base + "clock: { tick: 100000s }\n"), 3, 16, "clock.tick", "than a day");
    assertError(
        rejects(
            base
                + "devices:\n  nic: { interrupts: { periodic: 2000000s }, isr: { duration: 1us"
                + " } }\n"),
        4,
        34,
        "devices.nic.interrupts.periodic",
        "longer than a day");
    assertError(
        rejects(base + "dpcs:\n  a: { routine: { duration: { exp: 90000s } } }\n"),
        4,
        36,
        "dpcs.a.routine.duration.exp",
        "longer than a day");
  }

  private static final String DEVICE =
      HEAD + "duration: 1s\ndevices:\n  nic:\n    isr: { duration: 1us }\n    interrupts: ";

  @Test
  @DisplayName("rates: 1e9/s is the highest; 1e12/s and a 400-digit rate are refused")
  void rateAtMost1e9() throws ScenarioException {
    Scenario ok = parse(DEVICE + "{ poisson: 1000000000/s }\n");
    assertEquals(new Interrupts.Poisson(1e9), ok.devices().get(0).interrupts(), "1e9/s is allowed");
    assertError(
        rejects(DEVICE + "{ poisson: 1000000000000/s }\n"),
        6,
        28,
        "devices.nic.interrupts.poisson",
        "rate '1000000000000/s' is above the limit of 1000000000/s");
    ScenarioException e = rejects(DEVICE + "{ poisson: " + "9".repeat(400) + "/s }\n");
    assertError(
        e,
        6,
        28,
        "devices.nic.interrupts.poisson",
        "rate '" + "9".repeat(77) + "...' (402 characters) is above the limit of 1000000000/s");
    assertError(
        rejects(DEVICE + "{ poisson: 1e12/s }\n"),
        6,
        28,
        "devices.nic.interrupts.poisson",
        "'1e12/s' is not a rate");
  }

  @Test
  @DisplayName("a 200,000-digit duration: refused at once, quoting 80 of its characters")
  void hugeDurationQuoted() {
    ScenarioException e = rejects(HEAD + "duration: " + "9".repeat(200_000) + "s\n");
    assertError(
        e,
        2,
        11,
        "duration",
        "duration '" + "9".repeat(77) + "...' (200001 characters) is longer than a day");
    assertEquals(200, e.getMessage().length(), e.getMessage());
  }

  @Test
  @DisplayName("huge numbers elsewhere are quoted short too: a seed, a processor, a fraction")
  void hugeNumbersQuoted() {
    String digits = "9".repeat(100_000);
    for (String yaml :
        new String[] {
          HEAD + "duration: 1s\nseed: " + digits + "\n",
          "processors: 0x" + "0".repeat(100_000) + "5000\nduration: 1s\n",
          HEAD + "duration: 1s\nload: { default: 0." + digits + " }\n"
        }) {
      ScenarioException e = rejects(yaml);
      assertTrue(e.getMessage().length() < 300, () -> e.getMessage().substring(0, 300));
      assertTrue(e.getMessage().contains("(100"), e.getMessage());
    }
  }

  @Test
  @DisplayName("a fraction with an exponent out of range is a clean error, not a crash")
  void fractionExponent() {
    assertError(
        rejects(HEAD + "duration: 1s\nload: { default: 1e99999999999 }\n"),
        3,
        18,
        "load.default",
        "expected a number between 0 and 1, found '1e99999999999' (its exponent is out of range)");
  }

  @Test
  @DisplayName("a text over 3 MiB characters is refused before parsing")
  void textTooLong() {
    String text = "#" + "x".repeat(ScenarioLimits.MAX_CHARS) + "\n";
    ScenarioException e = assertThrows(ScenarioException.class, () -> parse(text));
    assertEquals(
        SOURCE
            + ": the scenario is too long: 3145730 characters (at most 3145728 characters, 3"
            + " MiB)",
        e.getMessage());
  }

  @Test
  @DisplayName("a 50 MB file is refused by its size, without being read")
  void fileTooLong(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024); // sparse: nothing is written, and nothing must be read
    }
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, PROFILES));
    assertEquals(
        file + ": the scenario is too long: 52428800 bytes (at most 3145728 characters, 3 MiB)",
        e.getMessage());
  }

  @Test
  @DisplayName("an unknown name lists at most ten defined names")
  void unknownNameListIsShort() {
    ScenarioBuilder b = ScenarioBuilder.machine("ws03", 1, 0, "1s");
    for (int i = 0; i < 5000; i++) {
      b.dpc("d" + i, "routine: { duration: 1us }");
    }
    b.script("at: 0us", "cpu: 0", "do: insert", "dpc: nope");
    ScenarioException e = rejects(b.yaml());
    assertTrue(
        e.detail()
            .endsWith(
                "unknown DPC 'nope' (defined: d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, ..."
                    + " (5000 in all))"),
        e.detail());
  }

  @Test
  @DisplayName("a control character in the file is an error at its own line and column")
  void rawControlCharacter() {
    ScenarioException e = rejects(HEAD + "duration: 1s\nname: \"ab\u001bc\"\n");
    assertError(
        e,
        3,
        10,
        "",
        "YAML syntax error: special character U+001B is not allowed (in a double-quoted string"
            + " write it as an escape, e.g. \\u001B)");
  }

  @Test
  @DisplayName("scenario text in an error is escaped: a forged second line stays on the first")
  void forgedErrorLine() {
    ScenarioException e = rejects(HEAD + "duration: 1s\nprofile: \"x\\ny.yaml:1:1: fake\"\n");
    assertEquals(
        SOURCE
            + ":3:10: profile: unknown profile 'x\\ny.yaml:1:1: fake' (expected reactos,"
            + " textbook, win10, ws03)",
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    ScenarioException key = rejects(HEAD + "duration: 1s\n\"a\\e[31m\": 1\n");
    assertEquals(
        SOURCE
            + ":3:1: a\\e[31m: unknown key 'a\\e[31m' (allowed keys: name, profile, processors,"
            + " seed, duration, clock, latency, tunables, threadedDpcs, idle, load, watchdog,"
            + " dpcs, devices, script)",
        key.getMessage());
  }

  @Test
  @DisplayName("a name with control characters is data: it loads as written")
  void nameKeptAsWritten() throws ScenarioException {
    Scenario s = parse(HEAD + "duration: 1s\nname: \"a\\e[31mred\\r\\nb\"\n");
    assertEquals("a\u001b[31mred\r\nb", s.name());
  }
}
