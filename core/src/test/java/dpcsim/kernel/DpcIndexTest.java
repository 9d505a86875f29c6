package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dpcsim.ExampleScenarios;
import dpcsim.ScenarioBuilder;
import dpcsim.engine.SequentialEngine;
import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Importance;
import dpcsim.scenario.Op;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScriptAction;
import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KDPC an operation names is resolved to its position under {@code dpcs} when the scenario
 * loads, so that performing the operation hashes no name; an operation built by hand without the
 * position still finds its KDPC by name.
 */
@DisplayName("Operations name their KDPC by the index resolved at load")
class DpcIndexTest {

  static Stream<Path> scenarios() {
    return ExampleScenarios.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("every loaded DPC operation carries the position of the DPC it names")
  void loadedOpsCarryTheirIndex(Path file) {
    Scenario s = ExampleScenarios.load(file);
    List<Op> ops = dpcOps(s);
    assertFalse(ops.isEmpty(), "no DPC operation to check");
    for (Op op : ops) {
      int index = index(op);
      assertNotEquals(Op.UNRESOLVED, index, op.toString());
      assertEquals(name(op), s.dpcs().get(index).name(), op.toString());
    }
  }

  @Test
  @DisplayName("a DPC named before its definition gets its position in the file")
  void forwardReference() {
    Scenario s =
        ScenarioBuilder.machine("ws03", 2, 1, "1ms")
            .dpc("a", "routine: { duration: 1us, then: [ { insert: c, args: [5] } ] }")
            .dpc("b", "routine: { duration: 1us }")
            .dpc("c", "routine: { duration: 1us, then: [ { remove: a } ] }")
            .device(
                "d",
                "interrupts: { periodic: 1ms }",
                "isr: { duration: 1us, then: [ { setTarget: b, target: 1 } ] }")
            .script("at: 0us", "cpu: 0", "do: setImportance", "dpc: c", "importance: high")
            .build();
    assertEquals(new Op.Insert("c", 2, 5, 0, null), s.dpcs().get(0).routine().then().get(0).op());
    assertEquals(new Op.Remove("a", 0), s.dpcs().get(2).routine().then().get(0).op());
    assertEquals(new Op.SetTarget("b", 1, 1), s.devices().get(0).isr().then().get(0).op());
    assertEquals(new Op.SetImportance("c", 2, Importance.HIGH), s.script().get(0).op());
  }

  @Test
  @DisplayName("operations built by name only run exactly like the loaded ones")
  void unresolvedOpsRunTheSame() {
    Scenario loaded =
        ExampleScenarios.load(ExampleScenarios.repoRoot().resolve("scenarios/script-tour.yaml"));
    Scenario byName = mapOps(loaded, DpcIndexTest::unresolved);
    for (Op op : dpcOps(byName)) {
      assertEquals(Op.UNRESOLVED, index(op), op.toString());
    }
    assertEquals(
        SequentialEngine.run(loaded, null, false).traceSha256(),
        SequentialEngine.run(byName, null, false).traceSha256());
  }

  private static Op unresolved(Op op) {
    if (op instanceof Op.Insert i) {
      return new Op.Insert(i.dpc(), i.arg1(), i.arg2(), i.remote());
    } else if (op instanceof Op.Remove r) {
      return new Op.Remove(r.dpc());
    } else if (op instanceof Op.SetImportance si) {
      return new Op.SetImportance(si.dpc(), si.importance());
    } else if (op instanceof Op.SetTarget st) {
      return new Op.SetTarget(st.dpc(), st.target());
    }
    return op;
  }

  /** {@code s} with every operation (script, routines, ISRs) replaced by {@code f}'s result. */
  private static Scenario mapOps(Scenario s, UnaryOperator<Op> f) {
    List<DpcDef> dpcs = new ArrayList<>();
    for (DpcDef d : s.dpcs()) {
      dpcs.add(new DpcDef(d.name(), d.importance(), d.target(), d.threaded(), map(d.routine(), f)));
    }
    List<DeviceDef> devices = new ArrayList<>();
    for (DeviceDef d : s.devices()) {
      devices.add(new DeviceDef(d.name(), d.interrupts(), d.cpus(), map(d.isr(), f)));
    }
    List<ScriptAction> script = new ArrayList<>();
    for (ScriptAction a : s.script()) {
      script.add(new ScriptAction(a.index(), a.atNs(), a.cpu(), f.apply(a.op())));
    }
    return new Scenario(
        s.source(),
        s.name(),
        s.profile(),
        s.processors(),
        s.seed(),
        s.durationNs(),
        s.tickNs(),
        s.ipiLatencyNs(),
        s.remoteInsertLatencyNs(),
        s.tunables(),
        s.threadedDpcs(),
        s.haltAfterNs(),
        s.load(),
        s.watchdog(),
        dpcs,
        devices,
        script);
  }

  private static Work map(Work w, UnaryOperator<Op> f) {
    List<Step> then = new ArrayList<>();
    for (Step step : w.then()) {
      then.add(new Step(f.apply(step.op()), step.afterNs()));
    }
    return new Work(w.duration(), then);
  }

  /** Every operation of {@code s} that names a DPC. */
  private static List<Op> dpcOps(Scenario s) {
    List<Op> all = new ArrayList<>();
    s.script().forEach(a -> all.add(a.op()));
    s.dpcs().forEach(d -> d.routine().then().forEach(step -> all.add(step.op())));
    s.devices().forEach(d -> d.isr().then().forEach(step -> all.add(step.op())));
    return all.stream().filter(op -> name(op) != null).toList();
  }

  private static String name(Op op) {
    if (op instanceof Op.Insert i) {
      return i.dpc();
    } else if (op instanceof Op.Remove r) {
      return r.dpc();
    } else if (op instanceof Op.SetImportance si) {
      return si.dpc();
    } else if (op instanceof Op.SetTarget st) {
      return st.dpc();
    }
    return null;
  }

  private static int index(Op op) {
    if (op instanceof Op.Insert i) {
      return i.dpcIndex();
    } else if (op instanceof Op.Remove r) {
      return r.dpcIndex();
    } else if (op instanceof Op.SetImportance si) {
      return si.dpcIndex();
    } else if (op instanceof Op.SetTarget st) {
      return st.dpcIndex();
    }
    throw new IllegalArgumentException("names no DPC: " + op);
  }
}
