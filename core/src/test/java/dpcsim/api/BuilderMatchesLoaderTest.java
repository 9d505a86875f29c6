package dpcsim.api;

import static dpcsim.api.Action.flush;
import static dpcsim.api.Action.halt;
import static dpcsim.api.Action.insert;
import static dpcsim.api.Action.interrupt;
import static dpcsim.api.Action.lowerIrql;
import static dpcsim.api.Action.raiseIrql;
import static dpcsim.api.Action.remove;
import static dpcsim.api.Action.runThread;
import static dpcsim.api.Action.setImportance;
import static dpcsim.api.Action.setTarget;
import static dpcsim.api.Action.setTunable;
import static dpcsim.api.DurationSpec.exp;
import static dpcsim.api.DurationSpec.fixed;
import static dpcsim.api.DurationSpec.uniform;
import static dpcsim.scenario.Importance.HIGH;
import static dpcsim.scenario.Importance.LOW;
import static dpcsim.scenario.Importance.MEDIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.scenario.Dist;
import dpcsim.scenario.Interrupts;
import dpcsim.scenario.Irql;
import dpcsim.scenario.Op;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.Tunable;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A scenario written with the builder is the scenario the YAML loader makes of the same content.
 */
class BuilderMatchesLoaderTest {

  /** The text of a documentation example, loaded under the builder's source name. */
  private static Scenario example(String file) throws IOException {
    String text = Files.readString(ExampleScenarios.repoRoot().resolve(file));
    return Scenarios.fromYaml(text, ScenarioBuilder.SOURCE);
  }

  @Test
  @DisplayName("docs/examples/every-key.yaml, every key once, written with the builder")
  void everyKey() throws IOException {
    Scenario built =
        Scenarios.builder()
            .name("Every key once - a NIC, a disk and a script on four processors")
            .profile("win10")
            .processors(4)
            .seed(42)
            .duration("50ms")
            .clockTick("15.625ms")
            .ipiLatency("2us")
            .remoteInsertLatency("200ns")
            .tunable(Tunable.MAXIMUM_DPC_QUEUE_DEPTH, 4)
            .tunable(Tunable.MINIMUM_DPC_RATE, 3)
            .tunable(Tunable.ADJUST_DPC_THRESHOLD, 20)
            .tunable(Tunable.IDEAL_DPC_RATE, 20)
            .threadedDpcs(true)
            .haltAfter("100us")
            .load(0.3)
            .load(0, 0.9)
            .load(3, 0)
            .loadPeriod("1ms")
            .watchdog(0x500, 0x1e00, false)
            .dpc(
                "nicRx",
                d ->
                    d.module("ndis.sys")
                        .function("ndisInterruptDpc")
                        .importance(MEDIUM)
                        .untargeted()
                        .threaded(false)
                        .routine(
                            exp("20us"),
                            insert("nicTx").args(0x1, 2),
                            setImportance("nicTx", LOW).after("5us")))
            .dpc("nicTx", d -> d.importance(LOW).routine(uniform("3us", "7us")))
            .dpc(
                "diskDone",
                d ->
                    d.importance(HIGH)
                        .target(3)
                        .threaded()
                        .routine("30us", insert("nicTx").randomTarget(0.5)))
            .device("nic", d -> d.poisson("20000/s").cpus(0, 1).isr("2us", insert("nicRx")))
            .device(
                "disk",
                d ->
                    d.burst("10ms", 4, "20us")
                        .cpus(2)
                        .module("storport.sys")
                        .isr("3us", insert("diskDone").args(7)))
            .at("0us", 3, runThread("2ms"))
            .at("0us", 1, raiseIrql(Irql.DISPATCH))
            .at("1us", 1, insert("nicTx").args(0xabc123, 0x5678))
            .at("2us", 1, setImportance("nicTx", HIGH))
            .at("2us", 1, setTarget("nicTx", 2))
            .at("3us", 1, remove("nicTx"))
            .at("4us", 1, lowerIrql(Irql.PASSIVE))
            .at("5us", 2, interrupt("nic"))
            .at("6us", 0, flush())
            .at("7us", 3, halt())
            .at("10ms", setTunable(Tunable.MINIMUM_DPC_RATE, 2))
            .build();
    assertEquals(example("docs/examples/every-key.yaml"), built);
    assertEquals(11, built.script().size());
    assertEquals(new Dist.Uniform(3_000, 7_000), built.dpcs().get(1).routine().duration());
  }

  @Test
  @DisplayName("docs/examples/drivers.yaml: per-CPU KDPCs and devices, module and function")
  void perCpuAndLabels() throws IOException {
    Scenario built =
        Scenarios.builder()
            .name("ndis.sys and storport.sys on four processors")
            .processors(4)
            .duration("50ms")
            .dpc(
                "rx",
                d ->
                    d.perCpu().module("ndis.sys").function("ndisInterruptDpc").routine(exp("10us")))
            .dpc(
                "txDone",
                d ->
                    d.module("ndis.sys")
                        .function("ndisMSendCompleteNetBufferLists")
                        .routine(fixed("3us")))
            .dpc(
                "raid",
                d ->
                    d.module("storport.sys")
                        .function("RaidpAdapterDpcRoutine")
                        .importance(HIGH)
                        .target(0)
                        .routine(uniform("5us", "90us")))
            .device(
                "nic",
                d ->
                    d.perCpu()
                        .module("ndis.sys")
                        .function("ndisMiniportMessageInterrupt")
                        .poisson(10_000)
                        .isr("1us", insert("rx"), insert("txDone")))
            .device(
                "hba",
                d ->
                    d.module("storport.sys")
                        .function("RaidpAdapterInterruptRoutine")
                        .poisson(2_000)
                        .cpus(0, 1, 2, 3)
                        .isr("2us", insert("raid")))
            .build();
    assertEquals(example("docs/examples/drivers.yaml"), built);
    assertEquals("rx[3]", built.dpcs().get(3).name());
    assertEquals(3, built.dpcs().get(3).target());
    assertEquals(new Interrupts.Poisson(10_000), built.devices().get(0).interrupts());
  }

  @Test
  @DisplayName("defaults: a builder with processors and duration only is the two-line file")
  void defaults() {
    Scenario built = Scenarios.builder().processors(1).duration("1ms").build();
    Scenario file = Scenarios.fromYaml("processors: 1\nduration: 1ms\n", ScenarioBuilder.SOURCE);
    assertEquals(file, built);
    assertEquals("builder", built.name());
    assertEquals("ws03", built.profile());
    assertNull(built.threadedDpcs());
  }

  @Test
  @DisplayName("the issue's example: periodic devices, setTarget to null, seed, load default")
  void issueExample() {
    Scenario built =
        Scenarios.builder()
            .profile("win10")
            .processors(4)
            .seed(7)
            .duration("200ms")
            .load(0.25)
            .dpc("nicRx", d -> d.importance(HIGH).routine(exp("20us")))
            .device("nic", d -> d.poisson(20_000).cpus(0).isr("2us", insert("nicRx")))
            .device("timer", d -> d.periodic("1ms").cpus(1).isr("1us", setTarget("nicRx", null)))
            .build();
    String yaml =
        """
        profile: win10
        processors: 4
        seed: 7
        duration: 200ms
        load: { default: 0.25 }
        dpcs:
          nicRx: { importance: high, routine: { duration: { exp: 20us } } }
        devices:
          nic: { interrupts: { poisson: 20000/s }, cpus: [0], isr: { duration: 2us, then: [ { insert: nicRx } ] } }
          timer: { interrupts: { periodic: 1ms }, cpus: [1], isr: { duration: 1us, then: [ { setTarget: nicRx, target: null } ] } }
        """;
    assertEquals(Scenarios.fromYaml(yaml, ScenarioBuilder.SOURCE), built);
    assertEquals(
        List.of(new Op.SetTarget("nicRx", 0, null)),
        built.devices().get(1).isr().then().stream().map(s -> s.op()).toList());
    assertTrue(built.load().fraction(3) == 0.25);
  }

  @Test
  @DisplayName("names YAML would misread (yes, null, x[0], quotes, 123) stay the same text")
  void awkwardNames() {
    List<String> names = List.of("yes", "null", "x: y", "a\"b\\c", "123", "tab\there", "ünï");
    ScenarioBuilder b = Scenarios.builder().processors(2).duration("1ms");
    for (String n : names) {
      b.dpc(n, d -> d.module(n + ".sys").routine("1us"));
    }
    Scenario s = b.at("0us", 1, insert("yes")).at("0us", 0, insert("123")).build();
    assertEquals(names, s.dpcs().stream().map(d -> d.name()).toList());
    assertEquals("x: y.sys", s.dpcs().get(2).module());
    assertEquals(new Op.Insert("yes", 0, 0, 0, null), s.script().get(0).op());
  }
}
