package dpcsim.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.stats.ModuleStats;
import dpcsim.trace.TraceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("import wpa: a WPA DPC/ISR export replayed")
class WpaImportTest {
  static String sample() throws IOException {
    try (InputStream in = WpaImportTest.class.getResourceAsStream("/wpa/dpcisr-events.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ImportException rejects(String text) {
    return assertThrows(ImportException.class, () -> WpaCsvParser.parse(text, "w.csv"));
  }

  @Test
  @DisplayName("columns by heading in any order, units from the headings, quoted fields")
  void parses() throws Exception {
    WpaEvents e =
        WpaCsvParser.parse(
            "\uFEFFExit Time (ms),Function,Type,Module,CPU,Enter Time (ms),Count\r\n"
                + "\"1,000.5\",\"ndis!Dpc, rx\",DPC,ndis.sys,2,1000.25,1\r\n"
                + "2.000002,,Interrupt,\"acpi.sys\",0,2,1\r\n",
            "w.csv");
    assertEquals(
        List.of(
            new WpaEvents.Event(false, 2, "ndis.sys", "ndis!Dpc, rx", 1_000_250_000, 1_000_500_000),
            new WpaEvents.Event(true, 0, "acpi.sys", "acpi.sys", 2_000_000, 2_000_002)),
        e.events());
    assertEquals(3_225, WpaCsvParser.parse(sample(), "s.csv").events().size());
  }

  @Test
  @DisplayName("errors name the line and what is wrong")
  void errors() {
    assertEquals(
        "w.csv:1: no 'Exit Time' column (a WPA DPC/ISR export has Type, CPU, Module, Function,"
            + " Enter Time and Exit Time)",
        rejects("Type,CPU,Module,Function,Enter Time (s)\nDPC,0,a,b,1\n").getMessage());
    String head = "Type,CPU,Module,Function,Enter Time (s),Exit Time (s)\n";
    assertEquals(
        "w.csv:2: type 'Thread' is neither DPC nor ISR",
        rejects(head + "Thread,0,a,b,1,2\n").getMessage());
    assertEquals(
        "w.csv:3: the Exit Time is before the Enter Time",
        rejects(head + "DPC,0,a,b,1,2\nDPC,0,a,b,2,1\n").getMessage());
    assertEquals(
        "w.csv:2: Enter Time 'soon' is not a number",
        rejects(head + "DPC,0,a,b,soon,2\n").getMessage());
    assertEquals("w.csv: no rows under the headings", rejects(head).getMessage());
  }

  @Test
  @DisplayName("the replay: every ISR at its recorded instant; counts exact (DPCs within 1%)")
  void roundTrip() throws Exception {
    WpaEvents in = WpaCsvParser.parse(sample(), "s.csv");
    String yaml = WpaScenario.yaml(in, "dpcisr-events.csv");
    Scenario s = ScenarioLoader.parse(yaml, "w.yaml", Set.of("ws03"));
    long origin = in.events().stream().mapToLong(WpaEvents.Event::enterNs).min().orElseThrow();
    List<Long> recorded = new ArrayList<>();
    for (WpaEvents.Event e : in.events()) {
      if (e.isr()) {
        recorded.add(e.enterNs() - origin + 1_000);
      }
    }
    recorded.sort(null);
    List<Long> started = new ArrayList<>();
    RunResult r =
        SequentialEngine.run(
            s,
            new TraceOutputs(
                null,
                false,
                List.of(
                    ev -> {
                      if (ev instanceof TraceEvent.IsrStart i
                          && !s.devices()
                              .get(indexOf(s, i.device()))
                              .module()
                              .endsWith("(DPC source)")) {
                        started.add(i.t());
                      }
                    })));
    started.sort(null);
    assertEquals(recorded.size(), started.size(), "every recorded ISR ran");
    // An ISR that arrives while another runs on its processor waits for it (ISRs there run one
    // at a time): the invented sample has a few such overlaps, a real trace has none.
    int exact = 0;
    long worst = 0;
    for (int i = 0; i < recorded.size(); i++) {
      long late = started.get(i) - recorded.get(i);
      exact += late == 0 ? 1 : 0;
      worst = Math.max(worst, Math.abs(late));
    }
    assertTrue(exact >= recorded.size() * 0.99, exact + " of " + recorded.size() + " exact");
    assertTrue(worst <= 5_000, "at most an ISR late: " + worst + " ns");
    Map<String, Long> dpcCalls = new HashMap<>();
    Map<String, Long> isrCalls = new HashMap<>();
    for (WpaEvents.Event e : in.events()) {
      (e.isr() ? isrCalls : dpcCalls).merge(e.module() + "!" + e.function(), 1L, Long::sum);
    }
    for (ModuleStats m : r.stats().modules()) {
      if (m.module().endsWith("(DPC source)")) {
        continue;
      }
      String key = m.module() + "!" + m.function();
      if (m.type().equals("ISR")) {
        assertEquals(isrCalls.get(key), m.count(), key);
      } else {
        assertEquals(dpcCalls.get(key), m.count(), dpcCalls.get(key) * 0.01, key);
      }
    }
    assertTrue(r.stats().modules().size() >= 6);
  }

  private static int indexOf(Scenario s, String device) {
    for (int i = 0; i < s.devices().size(); i++) {
      if (s.devices().get(i).name().equals(device)) {
        return i;
      }
    }
    throw new AssertionError(device);
  }
}
