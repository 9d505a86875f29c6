package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.parse;
import static dpcsim.scenario.ScenarioFixtures.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Validation of the top level and the machine-wide blocks")
class TopLevelValidationTest {

  private static final String HEAD = "processors: 4\nduration: 1ms\n";

  @Test
  @DisplayName("an unknown top-level key names the allowed keys")
  void unknownTopKey() {
    ScenarioException e = rejects(HEAD + "seeed: 4\n");
    assertError(
        e,
        3,
        1,
        "seeed",
        "unknown key 'seeed' (allowed keys: name, profile, processors, seed, duration, clock,"
            + " latency, tunables, threadedDpcs, idle, load, watchdog, dpcs, devices, script)");
  }

  @Test
  @DisplayName("an unknown key inside a block names that block's keys")
  void unknownNestedKey() {
    assertError(rejects(HEAD + "clock: { tik: 1ms }\n"), 3, 10, "clock.tik", "allowed keys: tick)");
  }

  @Test
  @DisplayName("duration is required")
  void durationRequired() {
    assertError(rejects("processors: 4\n"), 1, 1, "duration", "missing required key 'duration'");
  }

  @Test
  @DisplayName("processors is required and must be 1..2048")
  void processors() {
    assertError(rejects("duration: 1ms\n"), 1, 1, "processors", "missing required key");
    assertError(
        rejects("processors: 0\nduration: 1ms\n"),
        1,
        13,
        "processors",
        "processors must be between 1 and 2048, found 0");
    assertError(
        rejects("processors: 2049\nduration: 1ms\n"),
        1,
        13,
        "processors",
        "between 1 and 2048, found 2049");
    assertError(
        rejects("processors: 2.5\nduration: 1ms\n"),
        1,
        13,
        "processors",
        "expected an integer (decimal or 0x hex), found '2.5'");
  }

  @Test
  @DisplayName("an unknown profile lists the known ones")
  void unknownProfile() {
    assertError(
        rejects("profile: win7\n" + HEAD),
        1,
        10,
        "profile",
        "unknown profile 'win7' (expected reactos, textbook, win10, ws03)");
  }

  @Test
  @DisplayName("a duration written as a bare number names the unit requirement")
  void bareNumberDuration() {
    assertError(
        rejects("processors: 4\nduration: 1ms\nclock: { tick: 5 }\n"),
        3,
        16,
        "clock.tick",
        "duration '5' has no unit (write it with ns, us, ms or s");
  }

  @Test
  @DisplayName("zero or negative durations are refused: duration, tick, latencies, haltAfter")
  void nonPositiveDurations() {
    assertError(
        rejects("processors: 4\nduration: 0s\n"),
        2,
        11,
        "duration",
        "duration must be greater than zero, found '0s'");
    assertError(rejects(HEAD + "clock: { tick: 0ms }\n"), 3, 16, "clock.tick", "greater than zero");
    assertError(
        rejects(HEAD + "latency: { ipi: -2us }\n"),
        3,
        17,
        "latency.ipi",
        "negative duration '-2us'");
    assertError(
        rejects(HEAD + "latency: { remoteInsert: 0ns }\n"),
        3,
        26,
        "latency.remoteInsert",
        "greater than zero");
    assertError(
        rejects(HEAD + "idle: { haltAfter: 0us }\n"), 3, 20, "idle.haltAfter", "greater than zero");
  }

  @Test
  @DisplayName("a duration that is not whole nanoseconds, or has an unknown unit")
  void badDurationSpelling() {
    assertError(
        rejects(HEAD + "clock: { tick: 1.5ns }\n"),
        3,
        16,
        "clock.tick",
        "duration '1.5ns' is not a whole number of nanoseconds");
    assertError(
        rejects(HEAD + "clock: { tick: 1min }\n"),
        3,
        16,
        "clock.tick",
        "unknown unit 'min' in duration '1min' (expected ns, us, ms, s)");
  }

  @Test
  @DisplayName("a scalar where a mapping is required")
  void scalarForMapping() {
    assertError(
        rejects(HEAD + "clock: 15ms\n"),
        3,
        8,
        "clock",
        "expected a mapping, found the scalar '15ms'");
    assertError(rejects(HEAD + "dpcs: [a, b]\n"), 3, 7, "dpcs", "expected a mapping, found a list");
  }

  @Test
  @DisplayName("R-10a: tunables: unknown name; a value outside the ULONG range 0..0xFFFFFFFF")
  void tunables() {
    assertError(
        rejects(HEAD + "tunables: { maxDpcQueueDepth: 4 }\n"),
        3,
        13,
        "tunables.maxDpcQueueDepth",
        "unknown key 'maxDpcQueueDepth' (allowed keys: maximumDpcQueueDepth, minimumDpcRate,"
            + " adjustDpcThreshold, idealDpcRate)");
    assertError(
        rejects(HEAD + "tunables: { minimumDpcRate: -1 }\n"),
        3,
        29,
        "tunables.minimumDpcRate",
        "a tunable is an unsigned 32-bit count, 0..4294967295 (0xFFFFFFFF), found -1");
    assertError(
        rejects(HEAD + "tunables: { idealDpcRate: 4294967296 }\n"),
        3,
        27,
        "tunables.idealDpcRate",
        "a tunable is an unsigned 32-bit count, 0..4294967295 (0xFFFFFFFF), found 4294967296");
    assertError(
        rejects(HEAD + "tunables: { adjustDpcThreshold: 0xFFFFFFFFFFFFFFFF }\n"),
        3,
        33,
        "tunables.adjustDpcThreshold",
        "a tunable is an unsigned 32-bit count, 0..4294967295 (0xFFFFFFFF),"
            + " found 0xFFFFFFFFFFFFFFFF");
  }

  @Test
  @DisplayName("R-10a: every tunable takes 0 and 0xFFFFFFFF, as the kernel does")
  void tunablesOverTheKernelsRange() throws Exception {
    Scenario zero =
        parse(
            HEAD
                + "tunables: { maximumDpcQueueDepth: 0, minimumDpcRate: 0, adjustDpcThreshold: 0,"
                + " idealDpcRate: 0 }\n");
    for (Tunable t : Tunable.values()) {
      assertEquals(0L, zero.tunables().values().get(t), t.yamlName());
    }
    Scenario max =
        parse(
            HEAD
                + "tunables: { maximumDpcQueueDepth: 0xFFFFFFFF, minimumDpcRate: 4294967295,"
                + " adjustDpcThreshold: 0xffffffff, idealDpcRate: 4294967295 }\n");
    for (Tunable t : Tunable.values()) {
      assertEquals(0xFFFF_FFFFL, max.tunables().values().get(t), t.yamlName());
    }
  }

  @Test
  @DisplayName("threadedDpcs must be a boolean")
  void threadedDpcs() {
    assertError(
        rejects(HEAD + "threadedDpcs: sometimes\n"),
        3,
        15,
        "threadedDpcs",
        "expected true or false, found the scalar 'sometimes'");
  }

  @Test
  @DisplayName("load: fractions outside 0..1, processor keys out of range, zero period")
  void load() {
    assertError(
        rejects(HEAD + "load: { default: 1.5 }\n"),
        3,
        18,
        "load.default",
        "fraction 1.5 is outside 0..1");
    assertError(
        rejects(HEAD + "load: { cpus: { 0: -0.1 } }\n"),
        3,
        20,
        "load.cpus.0",
        "fraction -0.1 is outside 0..1");
    assertError(
        rejects(HEAD + "load: { cpus: { 4: 0.5 } }\n"),
        3,
        17,
        "load.cpus.4",
        "processor 4 is out of range (the scenario has 4 processors: 0..3)");
    assertError(
        rejects(HEAD + "load: { cpus: { cpu0: 0.5 } }\n"),
        3,
        17,
        "load.cpus.cpu0",
        "'cpu0' is not a processor number");
    assertError(
        rejects(HEAD + "load: { cpus: { 0: 0.5, 00: 0.7 } }\n"),
        3,
        25,
        "load.cpus.00",
        "processor 0 is given twice");
    assertError(
        rejects(HEAD + "load: { period: 0ms }\n"), 3, 17, "load.period", "greater than zero");
  }

  @Test
  @DisplayName("watchdog: action record|stop, limits at least one tick")
  void watchdog() {
    assertError(
        rejects(HEAD + "watchdog: { action: panic }\n"),
        3,
        21,
        "watchdog.action",
        "unknown watchdog action 'panic' (expected record, stop)");
    assertError(
        rejects(HEAD + "watchdog: { single: 0 }\n"),
        3,
        21,
        "watchdog.single",
        "must be at least 1, found 0");
    assertError(
        rejects(HEAD + "watchdog: { cumulative: -0x10 }\n"),
        3,
        25,
        "watchdog.cumulative",
        "expected an integer");
  }
}
