package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.PROFILES;
import static dpcsim.scenario.ScenarioFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ScenarioLoader: valid scenarios and their defaults")
class ScenarioLoaderTest {

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ScenarioLoaderTest.class.getResource("/scenarios/" + name).toURI());
  }

  @Test
  @DisplayName("the full example of scenario-format.md loads to the expected model")
  void specExample() throws Exception {
    Scenario s = ScenarioLoader.load(resource("spec-example.yaml"), PROFILES);

    assertEquals("NIC receive storm on CPU 0", s.name());
    assertEquals("ws03", s.profile());
    assertEquals(8, s.processors());
    assertEquals(42L, s.seed());
    assertEquals(2_000_000_000L, s.durationNs());
    assertEquals(15_625_000L, s.tickNs());
    assertEquals(2_000L, s.ipiLatencyNs());
    assertEquals(200L, s.remoteInsertLatencyNs());
    assertEquals(
        Map.of(
            Tunable.MAXIMUM_DPC_QUEUE_DEPTH, 4L,
            Tunable.MINIMUM_DPC_RATE, 3L,
            Tunable.ADJUST_DPC_THRESHOLD, 20L,
            Tunable.IDEAL_DPC_RATE, 20L),
        s.tunables().values());
    assertEquals(Boolean.TRUE, s.threadedDpcs());
    assertEquals(50_000L, s.haltAfterNs());
    assertEquals(new Load(0.3, Map.of(0, 0.9), 1_000_000L), s.load());
    assertEquals(0.9, s.load().fraction(0));
    assertEquals(0.3, s.load().fraction(5));
    assertEquals(new WatchdogSpec(0x500L, 0x1e00L, false), s.watchdog());

    assertEquals(
        List.of(
            new DpcDef(
                "nicRx",
                Importance.MEDIUM,
                null,
                false,
                new Work(
                    new Dist.Exp(20_000L),
                    List.of(new Step(new Op.Insert("nicTx", 1, 1, 2, null), null)))),
            new DpcDef(
                "nicTx", Importance.LOW, null, false, new Work(new Dist.Fixed(5_000L), List.of()))),
        s.dpcs());
    assertEquals(
        List.of(
            new DeviceDef(
                "nic",
                new Interrupts.Poisson(20_000.0),
                List.of(0),
                new Work(
                    new Dist.Fixed(2_000L),
                    List.of(new Step(new Op.Insert("nicRx", 0, 0, 0, null), null))))),
        s.devices());

    assertEquals(
        List.of(
            new ScriptAction(0, 0L, 1, new Op.RunThread(1_000_000L)),
            new ScriptAction(1, 0L, 0, new Op.RaiseIrql(Irql.DISPATCH)),
            new ScriptAction(2, 1_000L, 0, new Op.Insert("nicRx", 0, 0xabc123L, 0x5678L, null)),
            new ScriptAction(3, 2_000L, 0, new Op.Insert("nicRx", 0, 1, 2, null)),
            new ScriptAction(4, 3_000L, 0, new Op.SetImportance("nicTx", 1, Importance.HIGH)),
            new ScriptAction(5, 3_000L, 0, new Op.SetTarget("nicTx", 1, 1)),
            new ScriptAction(6, 4_000L, 0, new Op.Remove("nicTx", 1)),
            new ScriptAction(7, 5_000L, 0, new Op.LowerIrql(Irql.PASSIVE)),
            new ScriptAction(8, 9_000L, 2, new Op.Interrupt("nic")),
            new ScriptAction(9, 10_000L, 0, new Op.Flush()),
            new ScriptAction(
                10, 20_000L, null, new Op.SetTunable(Tunable.MAXIMUM_DPC_QUEUE_DEPTH, 2))),
        s.script());
    assertEquals(resource("spec-example.yaml").toString(), s.source());
  }

  @Test
  @DisplayName("a minimal scenario takes every documented default")
  void defaults() throws Exception {
    Scenario s =
        ScenarioLoader.parse(
            """
            processors: 2
            duration: 10ms
            dpcs:
              d:
                routine: { duration: 1us }
            devices:
              dev:
                interrupts: { periodic: 1ms }
                isr: { duration: 1us }
            """,
            "scenarios/minimal.yaml",
            PROFILES);
    assertEquals("minimal", s.name());
    assertEquals("ws03", s.profile());
    assertEquals(0L, s.seed());
    assertEquals(15_625_000L, s.tickNs());
    assertEquals(2_000L, s.ipiLatencyNs());
    assertEquals(200L, s.remoteInsertLatencyNs());
    assertEquals(TunablesSpec.NONE, s.tunables());
    assertNull(s.threadedDpcs());
    assertNull(s.haltAfterNs());
    assertEquals(Load.NONE, s.load());
    assertNull(s.watchdog());
    assertEquals(
        new DpcDef("d", Importance.MEDIUM, null, false, new Work(new Dist.Fixed(1_000), List.of())),
        s.dpcs().get(0));
    assertEquals(List.of(0), s.devices().get(0).cpus());
    assertEquals(List.of(), s.script());
  }

  @Test
  @DisplayName("a load block without period or default uses 1ms and 0")
  void loadDefaults() throws Exception {
    Scenario s = parse("processors: 2\nduration: 1ms\nload: { cpus: { 1: 1 } }\n");
    assertEquals(new Load(0.0, Map.of(1, 1.0), 1_000_000L), s.load());
  }

  @Test
  @DisplayName("DPCs, devices and script keep file order, not name order")
  void fileOrder() throws Exception {
    Scenario s =
        parse(
            """
            processors: 1
            duration: 1ms
            dpcs:
              zeta: { routine: { duration: 1us, then: [ { insert: alpha } ] } }
              alpha: { routine: { duration: 1us } }
              mid: { routine: { duration: 1us } }
            devices:
              z: { interrupts: { periodic: 1ms }, isr: { duration: 1us } }
              a: { interrupts: { periodic: 1ms }, isr: { duration: 1us } }
            script:
              - { at: 5us, cpu: 0, do: flush }
              - { at: 1us, cpu: 0, do: halt }
            """);
    assertEquals(List.of("zeta", "alpha", "mid"), s.dpcs().stream().map(DpcDef::name).toList());
    assertEquals(List.of("z", "a"), s.devices().stream().map(DeviceDef::name).toList());
    assertEquals(
        List.of(
            new ScriptAction(0, 5_000L, 0, new Op.Flush()),
            new ScriptAction(1, 1_000L, 0, new Op.Halt())),
        s.script());
  }

  @Test
  @DisplayName("routine steps: after, setImportance, setTarget (also null), remove, other dists")
  void steps() throws Exception {
    Scenario s =
        parse(
            """
            processors: 2
            duration: 1ms
            dpcs:
              a:
                importance: mediumHigh
                target: 1
                threaded: true
                routine:
                  duration: { uniform: [5us, 9us] }
                  then:
                    - { insert: b, args: [0xffffffffffffffff], after: 3us }
                    - { setImportance: b, importance: high }
                    - { setTarget: b, target: null }
                    - { setTarget: b, target: 0 }
                    - { remove: b }
              b: { routine: { duration: { uniform: [2us, 2us] } } }
            devices:
              d:
                interrupts: { burst: { every: 10ms, count: 50, gap: 2us } }
                cpus: [1, 0]
                isr: { duration: { exp: 1us } }
            """);
    DpcDef a = s.dpcs().get(0);
    assertEquals(Importance.MEDIUM_HIGH, a.importance());
    assertEquals(1, a.target());
    assertEquals(true, a.threaded());
    assertEquals(
        new Work(
            new Dist.Uniform(5_000, 9_000),
            List.of(
                new Step(new Op.Insert("b", 1, -1L, 0L, null), 3_000L),
                new Step(new Op.SetImportance("b", 1, Importance.HIGH), null),
                new Step(new Op.SetTarget("b", 1, null), null),
                new Step(new Op.SetTarget("b", 1, 0), null),
                new Step(new Op.Remove("b", 1), null))),
        a.routine());
    assertEquals(new Dist.Uniform(2_000, 2_000), s.dpcs().get(1).routine().duration());
    DeviceDef d = s.devices().get(0);
    assertEquals(new Interrupts.Burst(10_000_000L, 50, 2_000L), d.interrupts());
    assertEquals(List.of(1, 0), d.cpus());
    assertEquals(new Dist.Exp(1_000), d.isr().duration());
  }

  @Test
  @DisplayName("an at equal to duration is allowed; seeds may be hex or negative")
  void boundaries() throws Exception {
    Scenario s =
        parse(
            """
            processors: 2048
            duration: 1ms
            seed: 0xffffffffffffffff
            script:
              - { at: 1ms, cpu: 2047, do: runThread, for: 1ms }
            """);
    assertEquals(1_000_000L, s.script().get(0).atNs());
    assertEquals(2047, s.script().get(0).cpu());
    assertEquals(-1L, s.seed());
    assertEquals(-7L, parse("processors: 1\nduration: 1ms\nseed: -7\n").seed());
  }

  @Test
  @DisplayName("JSON input is read like YAML, with positions")
  void json() throws Exception {
    Scenario s =
        ScenarioLoader.parse(
            """
            {"name": "j", "processors": 2, "duration": "1ms",
             "dpcs": {"a": {"importance": "high", "routine": {"duration": "3us"}}},
             "script": [{"at": "0us", "cpu": 1, "do": "insert", "dpc": "a", "args": [7, 8]}]}
            """,
            "x.json",
            PROFILES);
    assertEquals("j", s.name());
    assertEquals(Importance.HIGH, s.dpcs().get(0).importance());
    assertEquals(new ScriptAction(0, 0L, 1, new Op.Insert("a", 0, 7, 8, null)), s.script().get(0));

    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                ScenarioLoader.parse(
                    "{\"processors\": 2,\n \"duration\": \"1ms\", \"colour\": 1}",
                    "x.json",
                    PROFILES));
    assertEquals("x.json:2:21: colour: unknown key 'colour'", e.getMessage().split(" \\(")[0]);
  }

  @Test
  @DisplayName("load(Path) reads a file; a missing file is one 'cannot read' line")
  void files(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("storm.yml");
    Files.writeString(file, "processors: 1\nduration: 2s\n");
    Scenario s = ScenarioLoader.load(file, PROFILES);
    assertEquals("storm", s.name());
    assertEquals(file.toString(), s.source());

    Path missing = dir.resolve("nope.yaml");
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(missing, PROFILES));
    assertEquals(missing + ": cannot read: no such file", e.getMessage());
    assertEquals(0, e.line());
  }
}
