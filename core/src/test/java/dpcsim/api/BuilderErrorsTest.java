package dpcsim.api;

import static dpcsim.api.Action.insert;
import static dpcsim.api.Action.raiseIrql;
import static dpcsim.api.Action.setTunable;
import static dpcsim.api.DurationSpec.exp;
import static dpcsim.api.DurationSpec.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dpcsim.scenario.Irql;
import dpcsim.scenario.Tunable;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A builder's mistake fails with the YAML loader's message and field path, as the same mistake in a
 * file does (docs/scenario-format.md, "Every kind of error"), without a line and column.
 */
class BuilderErrorsTest {
  /**
   * Four processors, 10 ms, a KDPC nicRx and a device nic: valid until {@code change} spoils it.
   */
  private static ScenarioBuilder base() {
    return Scenarios.builder()
        .processors(4)
        .duration("10ms")
        .dpc("nicRx", d -> d.routine("20us"))
        .dpc("nicTx", d -> d.routine("5us"))
        .device("nic", d -> d.periodic("1ms").isr("2us", insert("nicRx")));
  }

  private static InvalidScenarioException fails(UnaryOperator<ScenarioBuilder> change) {
    return assertThrows(InvalidScenarioException.class, () -> change.apply(base()).build());
  }

  /** The loader's error for {@code yaml}, a file: its path and detail must be the builder's. */
  private static InvalidScenarioException fileFails(String yaml) {
    return assertThrows(InvalidScenarioException.class, () -> Scenarios.fromYaml(yaml));
  }

  @Test
  @DisplayName("an out-of-range target names dpcs.nicRx.target and the processor range")
  void targetOutOfRange() {
    InvalidScenarioException e = fails(b -> b.dpc("nicRx", d -> d.target(9)));
    assertEquals(
        "builder: dpcs.nicRx.target: processor 9 is out of range (the scenario has 4 processors:"
            + " 0..3)",
        e.getMessage());
    assertEquals("dpcs.nicRx.target", e.path());
    InvalidScenarioException file =
        fileFails(
            """
            processors: 4
            duration: 10ms
            dpcs:
              nicRx: { target: 9, routine: { duration: 20us } }
            """);
    assertEquals("yaml:4:20: dpcs.nicRx.target: " + e.detail(), file.getMessage());
  }

  @Test
  @DisplayName("a duration without a unit: the file's message, not a Java one")
  void durationWithoutUnit() {
    InvalidScenarioException e = fails(b -> b.duration("20"));
    assertEquals("duration", e.path());
    assertEquals("duration '20' has no unit (write it with ns, us, ms or s, e.g. 2us)", e.detail());
    InvalidScenarioException file = fileFails("processors: 1\nduration: 20\n");
    assertEquals(file.detail(), e.detail());
  }

  @Test
  @DisplayName("missing processors: the loader's 'missing required key' message")
  void missingProcessors() {
    InvalidScenarioException e =
        assertThrows(
            InvalidScenarioException.class, () -> Scenarios.builder().duration("1ms").build());
    InvalidScenarioException file = fileFails("duration: 1ms\n");
    assertEquals(file.detail(), e.detail());
    assertEquals(
        "builder: processors: missing required key 'processors' (1..2048)", e.getMessage());
  }

  @Test
  @DisplayName("the processor count, a profile, a rate, a fraction, a distribution")
  void values() {
    assertEquals(
        "processors must be between 1 and 2048, found 4096",
        fails(b -> b.processors(4096)).detail());
    assertEquals(
        "unknown profile 'win11' (expected reactos, textbook, win10, ws03)",
        fails(b -> b.profile("win11")).detail());
    InvalidScenarioException rate = fails(b -> b.device("nic", d -> d.poisson(-5)));
    assertEquals("devices.nic.interrupts.poisson", rate.path());
    assertEquals("negative rate '-5/s'", rate.detail());
    InvalidScenarioException load = fails(b -> b.load(2, 1.5));
    assertEquals("load.cpus.2", load.path());
    assertEquals("fraction 1.5 is outside 0..1", load.detail());
    InvalidScenarioException reversed =
        fails(b -> b.dpc("nicTx", d -> d.routine(uniform("9us", "5us"))));
    assertEquals("dpcs.nicTx.routine.duration.uniform", reversed.path());
    assertEquals(
        "uniform bounds are reversed: low 9us is greater than high 5us", reversed.detail());
    assertEquals(
        "duration must be greater than zero, found '0us'",
        fails(b -> b.dpc("nicTx", d -> d.routine(exp("0us")))).detail());
    assertEquals(
        "a tunable is an unsigned 32-bit count, 0..4294967295 (0xFFFFFFFF), found -1",
        fails(b -> b.tunable(Tunable.IDEAL_DPC_RATE, -1)).detail());
  }

  @Test
  @DisplayName("steps and script actions: what a routine may not do, unknown names, late actions")
  void operations() {
    InvalidScenarioException step =
        fails(b -> b.dpc("nicRx", d -> d.routine("20us", raiseIrql(Irql.HIGH))));
    assertEquals("dpcs.nicRx.routine.then[0].raiseIrql", step.path());
    assertEquals(
        "a routine or ISR cannot raiseIrql (allowed: insert, remove, setImportance, setTarget)",
        step.detail());
    InvalidScenarioException unknown = fails(b -> b.at("1us", 0, insert("nicTX")));
    assertEquals("script[0].dpc", unknown.path());
    assertEquals("unknown DPC 'nicTX' (defined: nicRx, nicTx)", unknown.detail());
    assertEquals(
        "at 20ms is past the scenario's duration (10ms)",
        fails(b -> b.at("20ms", 0, insert("nicTx"))).detail());
    assertEquals(
        "setTunable changes a global tunable and takes no cpu",
        fails(b -> b.at("1us", 0, setTunable(Tunable.IDEAL_DPC_RATE, 2))).detail());
    InvalidScenarioException random = fails(b -> b.at("1us", 0, insert("nicTx").randomTarget(0.5)));
    assertEquals("script[0].target", random.path());
    assertEquals(
        "a script insert takes no target (target: { random: P } is for routine and ISR then"
            + " steps; use setTarget before the insert)",
        random.detail());
    assertEquals(
        "unknown IRQL level 'DEVICE' (expected PASSIVE, APC, DISPATCH, HIGH)",
        fails(b -> b.at("1us", 0, raiseIrql(Irql.DEVICE))).detail());
    assertEquals(
        "cpus must name at least one processor",
        fails(b -> b.device("nic", d -> d.cpus())).detail());
  }

  @Test
  @DisplayName("fromYaml keeps the line and column; a YAML error has no path")
  void fromYamlErrors() {
    InvalidScenarioException e = fileFails("processors: 1\nduration: 1ms\nseeed: 3\n");
    assertEquals(3, e.scenarioException().line());
    assertEquals(1, e.scenarioException().column());
    assertEquals("seeed", e.path());
    assertEquals("", fileFails("processors: [1\n").path());
  }
}
