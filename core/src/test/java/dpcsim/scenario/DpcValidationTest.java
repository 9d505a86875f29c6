package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.rejects;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Validation of dpcs: KDPC settings, routines and their then steps")
class DpcValidationTest {

  /** Three header lines; the DPC definition under test goes on line 4. */
  private static final String HEAD = "processors: 4\nduration: 1ms\ndpcs:\n";

  private static final String OTHER = "  b: { routine: { duration: 1us } }\n";

  @Test
  @DisplayName("an unknown importance lists the four spellings")
  void unknownImportance() {
    ScenarioException e =
        rejects(HEAD + "  nicRx:\n    importance: hihg\n    routine: { duration: 1us }\n");
    assertError(
        e,
        5,
        17,
        "dpcs.nicRx.importance",
        "unknown importance 'hihg' (expected low, medium, high, mediumHigh)");
  }

  @Test
  @DisplayName("a DPC target must be a processor of the scenario")
  void targetOutOfRange() {
    assertError(
        rejects(HEAD + "  a: { target: 4, routine: { duration: 1us } }\n"),
        4,
        16,
        "dpcs.a.target",
        "processor 4 is out of range (the scenario has 4 processors: 0..3)");
    assertError(
        rejects(HEAD + "  a: { target: -1, routine: { duration: 1us } }\n"),
        4,
        16,
        "dpcs.a.target",
        "processor -1 is out of range");
  }

  @Test
  @DisplayName("an unknown DPC key names the allowed ones")
  void unknownKey() {
    assertError(
        rejects(HEAD + "  a: { priority: high, routine: { duration: 1us } }\n"),
        4,
        8,
        "dpcs.a.priority",
        "unknown key 'priority' (allowed keys: importance, target, threaded, routine, module, function, perCpu)");
  }

  @Test
  @DisplayName("threaded must be a boolean")
  void threaded() {
    assertError(
        rejects(HEAD + "  a: { threaded: 1, routine: { duration: 1us } }\n"),
        4,
        18,
        "dpcs.a.threaded",
        "expected true or false");
  }

  @Test
  @DisplayName("routine and its duration are required")
  void routineRequired() {
    assertError(
        rejects(HEAD + "  a: { importance: low }\n"),
        4,
        6,
        "dpcs.a.routine",
        "missing required key 'routine' (what the DeferredRoutine does)");
    assertError(
        rejects(HEAD + "  a: { routine: { then: [] } }\n"),
        4,
        17,
        "dpcs.a.routine.duration",
        "missing required key 'duration'");
    assertError(rejects(HEAD + "  a:\n"), 4, 5, "dpcs.a", "expected a mapping, found null");
  }

  @Test
  @DisplayName("routine durations must be > 0: fixed, exp mean, uniform bounds")
  void routineDurations() {
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 0us } }\n"),
        4,
        29,
        "dpcs.a.routine.duration",
        "greater than zero");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: { exp: 0us } } }\n"),
        4,
        36,
        "dpcs.a.routine.duration.exp",
        "greater than zero");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: { uniform: [0us, 2us] } } }\n"),
        4,
        41,
        "dpcs.a.routine.duration.uniform[0]",
        "greater than zero");
  }

  @Test
  @DisplayName("uniform takes exactly two bounds, low <= high")
  void uniformShape() {
    assertError(
        rejects(HEAD + "  a: { routine: { duration: { uniform: [9us, 5us] } } }\n"),
        4,
        40,
        "dpcs.a.routine.duration.uniform",
        "uniform bounds are reversed: low 9us is greater than high 5us");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: { uniform: [9us] } } }\n"),
        4,
        40,
        "dpcs.a.routine.duration.uniform",
        "uniform takes exactly two durations [low, high], found 1");
  }

  @Test
  @DisplayName("a distribution is exactly one of exp, uniform, histogram")
  void distKind() {
    assertError(
        rejects(HEAD + "  a: { routine: { duration: { normal: 5us } } }\n"),
        4,
        31,
        "dpcs.a.routine.duration.normal",
        "unknown key 'normal' (allowed keys: exp, uniform, histogram)");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: { exp: 1us, uniform: [1us, 2us] } } }\n"),
        4,
        29,
        "dpcs.a.routine.duration",
        "exactly one of exp, uniform, histogram");
  }

  @Test
  @DisplayName("a then step naming an unknown DPC lists the defined ones")
  void thenUnknownDpc() {
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { insert: c } ] } }\n" + OTHER),
        4,
        52,
        "dpcs.a.routine.then[0].insert",
        "unknown DPC 'c' (defined: a, b)");
  }

  @Test
  @DisplayName("a then step may not use a script-only operation")
  void thenScriptOnlyOp() {
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { raiseIrql: HIGH } ] } }\n"),
        4,
        44,
        "dpcs.a.routine.then[0].raiseIrql",
        "a routine or ISR cannot raiseIrql (allowed: insert, remove, setImportance, setTarget)");
  }

  @Test
  @DisplayName("a then step has exactly one operation and only its own keys")
  void thenShape() {
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { insert: a, remove: a } ] } }\n"),
        4,
        55,
        "dpcs.a.routine.then[0].remove",
        "one operation per step, found both 'insert' and 'remove'");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { after: 1us } ] } }\n"),
        4,
        42,
        "dpcs.a.routine.then[0]",
        "a step needs one operation: insert, remove, setImportance, setTarget");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { insrt: a } ] } }\n"),
        4,
        44,
        "dpcs.a.routine.then[0].insrt",
        "unknown key 'insrt'; a step needs one operation: insert, remove, setImportance, setTarget");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { remove: a, args: [1] } ] } }\n"),
        4,
        55,
        "dpcs.a.routine.then[0].args",
        "unknown key 'args' (allowed keys: remove, after)");
  }

  @Test
  @DisplayName("then step fields: after > 0, importance and target required and valid")
  void thenFields() {
    assertError(
        rejects(
            HEAD + "  a: { routine: { duration: 1us, then: [ { insert: a, after: 0us } ] } }\n"),
        4,
        62,
        "dpcs.a.routine.then[0].after",
        "greater than zero");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { setImportance: a } ] } }\n"),
        4,
        42,
        "dpcs.a.routine.then[0].importance",
        "missing required key 'importance'");
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { setTarget: a } ] } }\n"),
        4,
        42,
        "dpcs.a.routine.then[0].target",
        "missing required key 'target' (a processor number, or null");
    assertError(
        rejects(
            HEAD + "  a: { routine: { duration: 1us, then: [ { setTarget: a, target: 7 } ] } }\n"),
        4,
        66,
        "dpcs.a.routine.then[0].target",
        "processor 7 is out of range");
  }

  @Test
  @DisplayName("args: a list of at most two unsigned 64-bit numbers")
  void args() {
    String step = "  a: { routine: { duration: 1us, then: [ { insert: a, args: %s } ] } }\n";
    assertError(
        rejects(HEAD + step.formatted("[1, 2, 3]")),
        4,
        61,
        "dpcs.a.routine.then[0].args",
        "args takes at most two numbers (SystemArgument1, SystemArgument2), found 3");
    assertError(
        rejects(HEAD + step.formatted("7")),
        4,
        61,
        "dpcs.a.routine.then[0].args",
        "args must be a list of at most two numbers");
    assertError(
        rejects(HEAD + step.formatted("[-1]")),
        4,
        62,
        "dpcs.a.routine.then[0].args[0]",
        "expected an unsigned integer (decimal or 0x hex, up to 64 bits), found '-1'");
    assertError(
        rejects(HEAD + step.formatted("[0, 0x10000000000000000]")),
        4,
        65,
        "dpcs.a.routine.then[0].args[1]",
        "number '0x10000000000000000' does not fit in 64 bits");
    assertError(
        rejects(HEAD + step.formatted("[1.5]")),
        4,
        62,
        "dpcs.a.routine.then[0].args[0]",
        "expected an unsigned integer");
  }
}
