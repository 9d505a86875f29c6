package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.parse;
import static dpcsim.scenario.ScenarioFixtures.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("perCpu: true makes one KDPC or device per processor")
class PerCpuTemplatesTest {

  /** A per-processor timer: each processor's clock device queues that processor's KDPC. */
  private static final String TIMER =
      """
      processors: 3
      duration: 1ms
      dpcs:
        tick:
          perCpu: true
          importance: high
          routine: { duration: 2us, then: [ { insert: log } ] }
        log:
          routine: { duration: 1us, then: [ { insert: "tick[2]" } ] }
      devices:
        clock:
          perCpu: true
          interrupts: { periodic: 100us }
          isr: { duration: 1us, then: [ { insert: tick } ] }
      """;

  @Test
  @DisplayName("instance i is named x[i], targets processor i, and is placed where x was written")
  void kdpcInstances() throws Exception {
    Scenario s = parse(TIMER);
    assertEquals(
        List.of("tick[0]", "tick[1]", "tick[2]", "log"),
        s.dpcs().stream().map(DpcDef::name).toList());
    for (int i = 0; i < 3; i++) {
      DpcDef d = s.dpcs().get(i);
      assertEquals(i, d.target(), d.name());
      assertEquals(Importance.HIGH, d.importance(), d.name());
    }
    assertNull(s.dpcs().get(3).target());
  }

  @Test
  @DisplayName("a per-CPU device interrupts processor i only, and its ISR inserts x[i]")
  void deviceInstances() throws Exception {
    Scenario s = parse(TIMER);
    assertEquals(
        List.of("clock[0]", "clock[1]", "clock[2]"),
        s.devices().stream().map(DeviceDef::name).toList());
    for (int i = 0; i < 3; i++) {
      DeviceDef d = s.devices().get(i);
      assertEquals(List.of(i), d.cpus(), d.name());
      Op.Insert insert = (Op.Insert) d.isr().then().get(0).op();
      assertEquals("tick[" + i + "]", insert.dpc());
      assertEquals(i, insert.dpcIndex(), "the instance's position under dpcs");
    }
  }

  @Test
  @DisplayName(
      "a plain routine names an instance explicitly; a script action's bare name is its own processor's")
  void explicitAndScriptInstances() throws Exception {
    Scenario s =
        parse(
            TIMER
                + "script:\n  - { at: 0us, cpu: 1, do: insert, dpc: tick }\n"
                + "  - { at: 0us, cpu: 2, do: interrupt, device: clock }\n");
    Op.Insert fromLog = (Op.Insert) s.dpcs().get(3).routine().then().get(0).op();
    assertEquals("tick[2]", fromLog.dpc());
    assertEquals("tick[1]", ((Op.Insert) s.script().get(0).op()).dpc());
    assertEquals("clock[2]", ((Op.Interrupt) s.script().get(1).op()).device());
  }

  @Test
  @DisplayName(
      "a bare template name where no processor is implied is an error naming the instances")
  void bareNameInPlainRoutine() {
    assertError(
        rejects(TIMER.replace("insert: \"tick[2]\"", "insert: tick")),
        9,
        49,
        "dpcs.log.routine.then[0].insert",
        "'tick' is a per-CPU KDPC (perCpu: true): name one instance, tick[0] .. tick[2]");
  }

  @Test
  @DisplayName("a per-CPU KDPC takes no target and a per-CPU device no cpus")
  void noTargetNoCpus() {
    assertError(
        rejects(
            TIMER.replace(
                "perCpu: true\n    importance", "perCpu: true\n    target: 1\n    importance")),
        6,
        5,
        "dpcs.tick.target",
        "a per-CPU KDPC targets each processor in turn; it takes no target");
    assertError(
        rejects(TIMER.replace("interrupts: { periodic", "cpus: [0]\n    interrupts: { periodic")),
        13,
        5,
        "devices.clock.cpus",
        "a per-CPU device interrupts each processor in turn; it takes no cpus");
  }

  @Test
  @DisplayName("an instance name given twice is an error at the later key")
  void clash() {
    assertError(
        rejects(
            TIMER.replace("  log:\n", "  \"tick[1]\": { routine: { duration: 1us } }\n  log:\n")),
        8,
        3,
        "dpcs.tick[1]",
        "'tick[1]' is already the name of an instance of the per-CPU KDPC tick");
  }

  @Test
  @DisplayName("perCpu must be a boolean")
  void flagIsBoolean() {
    assertError(
        rejects(TIMER.replace("perCpu: true\n    importance", "perCpu: 1\n    importance")),
        5,
        13,
        "dpcs.tick.perCpu",
        "expected true or false");
  }

  @Test
  @DisplayName("perCpu: false is a plain KDPC")
  void falseIsPlain() throws Exception {
    Scenario s =
        parse(
            TIMER
                .replace("perCpu: true\n    importance", "perCpu: false\n    importance")
                .replace("{ insert: tick }", "{ insert: log }")
                .replace("\"tick[2]\"", "tick"));
    assertEquals("tick", s.dpcs().get(0).name());
    assertNull(s.dpcs().get(0).target());
  }
}
