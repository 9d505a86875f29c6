package dpcsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DPC and ISR time by module and function")
class ModuleStatsTest {
  private static final String NIC =
      """
      processors: 2
      duration: 5ms
      dpcs:
        rx:
          perCpu: true
          module: ndis.sys
          function: ndisInterruptDpc
          routine: { duration: { exp: 10us } }
        tx: { module: ndis.sys, function: ndisSendComplete, routine: { duration: 3us } }
        disk: { routine: { duration: { uniform: [5us, 9us] } } }
      devices:
        nic:
          perCpu: true
          module: ndis.sys
          function: ndisMiniportIsr
          interrupts: { poisson: 20000/s }
          isr: { duration: 1us, then: [ { insert: rx }, { insert: tx } ] }
        ahci: { interrupts: { periodic: 500us }, isr: { duration: 2us, then: [ { insert: disk } ] } }
      """;

  @Test
  @DisplayName("KDPCs and devices sharing a module and function are one row; unset means the name")
  void grouped() throws Exception {
    Scenario s =
        ScenarioLoader.parse(NIC, "nic.yaml", Set.of("ws03", "win10", "reactos", "textbook"));
    RunResult r = SequentialEngine.run(s, null, false);
    List<ModuleStats> m = r.stats().modules();
    assertEquals(
        List.of(
            "DPC ndis.sys ndisInterruptDpc 2",
            "DPC ndis.sys ndisSendComplete 1",
            "DPC disk disk 1",
            "ISR ndis.sys ndisMiniportIsr 2",
            "ISR ahci ahci 1"),
        m.stream()
            .map(x -> x.type() + " " + x.module() + " " + x.function() + " " + x.members())
            .toList());
    List<DpcStats> d = r.dpcs();
    ModuleStats rx = m.get(0);
    assertEquals(d.get(0).dpcExecuted() + d.get(1).dpcExecuted(), rx.count());
    assertEquals(d.get(0).dpcTimeNs() + d.get(1).dpcTimeNs(), rx.timeNs());
    assertEquals(Math.max(d.get(0).durationMax(), d.get(1).durationMax()), rx.durationMax());
    // The union's median lies between the members' medians.
    long lo = Math.min(d.get(0).durationP50(), d.get(1).durationP50());
    long hi = Math.max(d.get(0).durationP50(), d.get(1).durationP50());
    assertEquals(true, rx.durationP50() >= lo && rx.durationP50() <= hi, rx.toString());
    ModuleStats tx = m.get(1);
    assertEquals(d.get(2).durationP99(), tx.durationP99(), "one member: its own figures");
    assertEquals(d.get(2).durationMean(), tx.durationMean());
    List<DeviceStats> v = r.devices();
    assertEquals(v.get(0).isrCount() + v.get(1).isrCount(), m.get(3).count());
    assertEquals(v.get(2).isrTimeNs(), m.get(4).timeNs());
  }

  @Test
  @DisplayName("an empty module is an error naming the default")
  void emptyModule() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dpcsim.scenario.ScenarioException.class,
            () ->
                ScenarioLoader.parse(
                    NIC.replace("module: ndis.sys, function: ndisSendComplete", "module: \"\""),
                    "nic.yaml",
                    Set.of("ws03")));
    assertEquals(
        "nic.yaml:9:17: dpcs.tx.module: module must not be empty (leave it out to use the name"
            + " 'tx')",
        e.getMessage());
  }
}
