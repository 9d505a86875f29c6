package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.BASE;
import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.parse;
import static dpcsim.scenario.ScenarioFixtures.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every script entry under test is the first one, on line 11 after {@link ScenarioFixtures#BASE}.
 */
@DisplayName("Validation of script actions")
class ScriptValidationTest {

  private static ScenarioException rejectsAction(String action) {
    return rejects(BASE + "  - " + action + "\n");
  }

  @Test
  @DisplayName("cpu is required for every operation except setTunable")
  void cpuRequired() {
    assertError(
        rejectsAction("{ at: 0us, do: flush }"),
        11,
        5,
        "script[0].cpu",
        "missing required key 'cpu' (every action except setTunable runs on a processor)");
  }

  @Test
  @DisplayName("setTunable changes a global and takes no cpu")
  void setTunableWithCpu() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: setTunable, name: idealDpcRate, value: 3 }"),
        11,
        16,
        "script[0].cpu",
        "setTunable changes a global tunable and takes no cpu");
  }

  @Test
  @DisplayName("the action's cpu must be a processor of the scenario")
  void cpuOutOfRange() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 4, do: flush }"),
        11,
        21,
        "script[0].cpu",
        "processor 4 is out of range (the scenario has 4 processors: 0..3)");
  }

  @Test
  @DisplayName("an unknown operation lists all eleven")
  void unknownOp() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: sleep }"),
        11,
        28,
        "script[0].do",
        "unknown operation 'sleep' (expected insert, remove, setImportance, setTarget, raiseIrql,"
            + " lowerIrql, runThread, interrupt, flush, setTunable, halt)");
  }

  @Test
  @DisplayName("keys that do not belong to the operation are unknown, with the allowed list")
  void keysPerOp() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: flush, dpc: a }"),
        11,
        35,
        "script[0].dpc",
        "unknown key 'dpc' (allowed keys: at, cpu, do)");
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: insert, dpc: a, level: HIGH }"),
        11,
        44,
        "script[0].level",
        "unknown key 'level' (allowed keys: at, cpu, do, dpc, args)");
  }

  @Test
  @DisplayName("required fields per operation: dpc, importance, target, level, for, device, at")
  void requiredPerOp() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: insert }"),
        11,
        5,
        "script[0].dpc",
        "missing required key 'dpc'");
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: setImportance, dpc: a }"),
        11,
        5,
        "script[0].importance",
        "missing required key 'importance'");
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: setTarget, dpc: a }"),
        11,
        5,
        "script[0].target",
        "missing required key 'target'");
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: lowerIrql }"),
        11,
        5,
        "script[0].level",
        "missing required key 'level' (PASSIVE, APC, DISPATCH or HIGH)");
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: runThread }"),
        11,
        5,
        "script[0].for",
        "missing required key 'for'");
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: interrupt }"),
        11,
        5,
        "script[0].device",
        "missing required key 'device'");
    assertError(
        rejectsAction("{ cpu: 0, do: flush }"), 11, 5, "script[0].at", "missing required key 'at'");
    assertError(
        rejectsAction("{ at: 0us, cpu: 0 }"), 11, 5, "script[0].do", "missing required key 'do'");
  }

  @Test
  @DisplayName("unknown DPC and device names list the defined ones")
  void unknownNames() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: insert, dpc: b }"),
        11,
        41,
        "script[0].dpc",
        "unknown DPC 'b' (defined: a)");
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: interrupt, device: disk }"),
        11,
        47,
        "script[0].device",
        "unknown device 'disk' (defined: nic)");
  }

  @Test
  @DisplayName("setTarget: a processor in range, or null for untargeted")
  void setTarget() throws Exception {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: setTarget, dpc: a, target: 4 }"),
        11,
        55,
        "script[0].target",
        "processor 4 is out of range");
    Scenario s = parse(BASE + "  - { at: 0us, cpu: 0, do: setTarget, dpc: a, target: null }\n");
    assertEquals(new Op.SetTarget("a", 0, null), s.script().get(0).op());
  }

  @Test
  @DisplayName("IRQL levels: only PASSIVE, APC, DISPATCH, HIGH")
  void levels() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: raiseIrql, level: DEVICE }"),
        11,
        46,
        "script[0].level",
        "unknown IRQL level 'DEVICE' (expected PASSIVE, APC, DISPATCH, HIGH)");
  }

  @Test
  @DisplayName("runThread for must be > 0")
  void runThreadFor() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: runThread, for: 0us }"),
        11,
        44,
        "script[0].for",
        "greater than zero");
  }

  @Test
  @DisplayName("at: a duration with a unit, not past the scenario's duration")
  void at() {
    assertError(
        rejectsAction("{ at: 2ms, cpu: 0, do: flush }"),
        11,
        11,
        "script[0].at",
        "at 2ms is past the scenario's duration (1ms)");
    assertError(
        rejectsAction("{ at: 5, cpu: 0, do: flush }"),
        11,
        11,
        "script[0].at",
        "duration '5' has no unit");
  }

  @Test
  @DisplayName("setTunable: a known tunable and a value >= 1")
  void setTunable() throws Exception {
    assertError(
        rejectsAction("{ at: 0us, do: setTunable, name: maxDepth, value: 3 }"),
        11,
        38,
        "script[0].name",
        "unknown tunable 'maxDepth' (expected maximumDpcQueueDepth, minimumDpcRate,"
            + " adjustDpcThreshold, idealDpcRate)");
    assertError(
        rejectsAction("{ at: 0us, do: setTunable, name: idealDpcRate, value: -3 }"),
        11,
        59,
        "script[0].value",
        "a tunable is an unsigned 32-bit count, 0..4294967295 (0xFFFFFFFF), found -3");
    assertError(
        rejectsAction("{ at: 0us, do: setTunable, name: idealDpcRate, value: 0x100000000 }"),
        11,
        59,
        "script[0].value",
        "a tunable is an unsigned 32-bit count, 0..4294967295 (0xFFFFFFFF), found 0x100000000");
    Scenario zero =
        parse(BASE + "  - { at: 1ms, do: setTunable, name: minimumDpcRate, value: 0 }\n");
    assertEquals(
        new ScriptAction(0, 1_000_000L, null, new Op.SetTunable(Tunable.MINIMUM_DPC_RATE, 0)),
        zero.script().get(0));
    Scenario s = parse(BASE + "  - { at: 1ms, do: setTunable, name: idealDpcRate, value: 0x10 }\n");
    assertEquals(
        new ScriptAction(0, 1_000_000L, null, new Op.SetTunable(Tunable.IDEAL_DPC_RATE, 16)),
        s.script().get(0));
  }

  @Test
  @DisplayName("args in a script insert: at most two numbers")
  void args() {
    assertError(
        rejectsAction("{ at: 0us, cpu: 0, do: insert, dpc: a, args: [1, 2, 3] }"),
        11,
        50,
        "script[0].args",
        "args takes at most two numbers");
  }

  @Test
  @DisplayName("script must be a list and entries mappings; later entries get their index")
  void shape() {
    assertError(
        rejects(BASE.replace("script:\n", "script: { at: 0us }\n")),
        10,
        9,
        "script",
        "expected a list, found a mapping");
    assertError(
        rejects(BASE + "  - { at: 0us, cpu: 0, do: flush }\n  - flush\n"),
        12,
        5,
        "script[1]",
        "expected a mapping, found the scalar 'flush'");
  }
}
