package dpcsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Importance;
import dpcsim.scenario.Op;
import dpcsim.scenario.Phold;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("bench workloads: generated scenario text")
class WorkloadsTest {
  private static Scenario load(String text) throws Exception {
    return ScenarioLoader.parse(text, "gen.yaml", new LinkedHashSet<>(Profiles.names()));
  }

  @ParameterizedTest(name = "storm-{0}")
  @ValueSource(ints = {1, 8, 2048})
  @DisplayName("storm: per processor one NIC queue and one rx/tx pair on that processor")
  void storm(int n) throws Exception {
    Scenario s = load(Workloads.storm(n, 7, "1ms"));
    assertEquals("storm-" + n, s.name());
    assertEquals(n, s.processors());
    assertEquals(7, s.seed());
    assertEquals(1_000_000, s.durationNs());
    assertEquals(2 * n, s.dpcs().size());
    assertEquals(n, s.devices().size());
    for (int c = 0; c < n; c++) {
      DpcDef rx = s.dpcs().get(2 * c);
      DpcDef tx = s.dpcs().get(2 * c + 1);
      assertEquals("rx" + c, rx.name());
      assertEquals(Importance.MEDIUM, rx.importance());
      assertEquals(c, rx.target());
      assertEquals("tx" + c, tx.name());
      assertEquals(Importance.LOW, tx.importance());
      assertEquals(c, tx.target());
      DeviceDef d = s.devices().get(c);
      assertEquals(List.of(c), d.cpus());
    }
  }

  @ParameterizedTest(name = "spread-{0}")
  @ValueSource(ints = {1, 8, 2048})
  @DisplayName("spread: rx/tx per queue plus a High completion on the next processor")
  void spread(int n) throws Exception {
    Scenario s = load(Workloads.spread(n, 42, "1ms"));
    assertEquals("spread-" + n, s.name());
    assertEquals(n, s.processors());
    assertEquals(3 * n, s.dpcs().size());
    assertEquals(n, s.devices().size());
    for (int c = 0; c < n; c++) {
      DpcDef done = s.dpcs().get(3 * c + 2);
      assertEquals("done" + c, done.name());
      assertEquals(Importance.HIGH, done.importance());
      assertEquals((c + 1) % n, done.target());
    }
  }

  @Test
  @DisplayName("storm crosses no processors; spread sends cross-processor messages")
  void crossProcessorTraffic() throws Exception {
    RunResult storm = SequentialEngine.run(load(Workloads.storm(4, 42, "5ms")), TraceOutputs.NONE);
    RunResult spread =
        SequentialEngine.run(load(Workloads.spread(4, 42, "20ms")), TraceOutputs.NONE);
    assertTrue(storm.dpcExecuted() > 0);
    assertEquals(0, storm.counters().crossCpuMessages());
    assertTrue(spread.dpcExecuted() > 0);
    assertTrue(spread.counters().crossCpuMessages() > 0);
    assertEquals(0, spread.counters().windows(), "the sequential engine has no windows");
  }

  @Test
  @DisplayName("default durations shrink with processors, never below 1ms")
  void defaultDurations() {
    assertEquals(8, Workloads.defaultProcessors("storm"));
    assertEquals(64, Workloads.defaultProcessors("phold"));
    assertEquals(8, Workloads.defaultProcessors("spread"));
    long storm8 = Workloads.defaultDurationNs("storm", 8);
    assertEquals(storm8 / 2, Workloads.defaultDurationNs("storm", 16));
    assertEquals(1_000_000, Workloads.defaultDurationNs("phold", 2048 * 1024));
    assertTrue(
        Workloads.yaml(new Workloads.Spec("spread", 8, 1, null, 0, 0, null))
            .contains("duration: " + Workloads.defaultDurationNs("spread", 8) + "ns\n"));
  }

  @Test
  @DisplayName("phold: N*K self-reinserting token KDPCs, each started by a script insert at 0us")
  void phold() throws Exception {
    String y = Phold.yaml(2, 3, 0.25, "10us", 9, "50ms");
    Scenario s = load(y);
    assertEquals(2, s.processors());
    assertEquals(9, s.seed());
    assertEquals(50_000_000L, s.durationNs());
    assertEquals(6, s.dpcs().size(), "N*K KDPCs");
    for (DpcDef d : s.dpcs()) {
      assertEquals(Importance.MEDIUM, d.importance(), d.name());
      assertEquals(1, d.routine().then().size(), d.name());
      Op.Insert self = (Op.Insert) d.routine().then().get(0).op();
      assertEquals(d.name(), self.dpc(), "each routine inserts its own KDPC again");
      assertEquals(0.25, self.remote(), d.name());
    }
    assertEquals(6, s.script().size(), "one starting insert per KDPC");
    assertTrue(
        Workloads.yaml(new Workloads.Spec("phold", 2, 9, "50ms", 3, 0.25, "10us")).equals(y),
        "--workload phold is Phold.yaml");
  }
}
