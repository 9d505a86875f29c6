package dpcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.report.html.HtmlReport;
import dpcsim.report.html.ReportCollector;
import dpcsim.report.html.XmlPage;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.stats.ModuleStats;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@DisplayName("module: and function: group the tables, --json and the HTML report")
class ModuleGroupingTest {
  private static final String DRIVERS =
      """
      name: NIC and disk drivers
      processors: 2
      duration: 5ms
      dpcs:
        rx: { perCpu: true, module: ndis.sys, function: ndisInterruptDpc, routine: { duration: 9us } }
        disk:
          module: storport.sys
          function: RaidpAdapterDpcRoutine
          routine: { duration: { uniform: [5us, 90us] } }
      devices:
        nic:
          perCpu: true
          module: ndis.sys
          function: ndisMiniportIsr
          interrupts: { poisson: 10000/s }
          isr: { duration: 1us, then: [ { insert: rx } ] }
        ahci: { interrupts: { periodic: 500us }, isr: { duration: 2us, then: [ { insert: disk } ] } }
      """;

  private static RunResult run(String yaml, ReportCollector html) throws Exception {
    Scenario s = ScenarioLoader.parse(yaml, "drivers.yaml", Set.of("ws03"));
    return html == null
        ? SequentialEngine.run(s, null, false)
        : SequentialEngine.run(s, new TraceOutputs(null, false, List.of(html)));
  }

  @Test
  @DisplayName("run's table: one row per type, module and function, names left-aligned")
  void table() throws Exception {
    RunResult r = run(DRIVERS, null);
    List<String> lines = SummaryTable.render(r);
    int head = lines.indexOf(lines.stream().filter(l -> l.startsWith("type ")).findFirst().get());
    assertTrue(
        lines.get(head).matches("type  module {8}function {16}count +time +share.*"),
        lines.get(head));
    assertTrue(lines.get(head + 1).startsWith("DPC   ndis.sys      ndisInterruptDpc "));
    assertTrue(lines.get(head + 2).startsWith("DPC   storport.sys  RaidpAdapterDpcRoutine "));
    assertTrue(lines.get(head + 3).startsWith("ISR   ndis.sys      ndisMiniportIsr "));
    assertTrue(lines.get(head + 4).startsWith("ISR   ahci          ahci "));
    ModuleStats rx = r.stats().modules().get(0);
    assertTrue(lines.get(head + 1).contains(" " + rx.count() + "  "), lines.get(head + 1));
    assertTrue(
        Headline.lines(r).get(0).contains("(storport.sys!RaidpAdapterDpcRoutine, disk)"),
        Headline.lines(r).get(0));
  }

  @Test
  @DisplayName("no by-module table when every KDPC and device is its own module")
  void noTableWithoutModules() throws Exception {
    RunResult r =
        run(
            DRIVERS
                .replace("perCpu: true, module: ndis.sys, function: ndisInterruptDpc, ", "")
                .replace("    module: storport.sys\n    function: RaidpAdapterDpcRoutine\n", "")
                .replace(
                    "    perCpu: true\n    module: ndis.sys\n    function: ndisMiniportIsr\n", ""),
            null);
    assertFalse(SummaryTable.modulesGrouped(r.stats().modules()));
    assertTrue(SummaryTable.render(r).stream().noneMatch(l -> l.startsWith("type ")));
    assertTrue(Headline.lines(r).get(0).contains("(disk)"), Headline.lines(r).get(0));
  }

  @Test
  @DisplayName("--json modules and the HTML table carry the same figures")
  void jsonAndHtml() throws Exception {
    ReportCollector collector = new ReportCollector(2, 5_000_000L);
    RunResult r = run(DRIVERS, collector);
    JsonNode json = new ObjectMapper().readTree(StatsJson.render(r));
    JsonNode first = json.get("modules").get(0);
    ModuleStats rx = r.stats().modules().get(0);
    assertEquals("DPC", first.get("type").asText());
    assertEquals("ndis.sys", first.get("module").asText());
    assertEquals("ndisInterruptDpc", first.get("function").asText());
    assertEquals(2, first.get("members").asInt());
    assertEquals(rx.count(), first.get("count").asLong());
    assertEquals(rx.durationP99(), first.get("durationNs").get("p99").asLong());
    assertEquals(4, json.get("modules").size());
    Document page = XmlPage.parse(HtmlReport.render(r, collector.data()));
    List<Element> rows = XmlPage.withAttribute(page, "tr", "data-module");
    assertEquals(4, rows.size());
    assertEquals("ndis.sys", rows.get(0).getAttribute("data-module"));
    assertEquals("DPC", XmlPage.cellTexts(rows.get(0)).get(0));
    assertEquals(Long.toString(rx.count()), XmlPage.cellTexts(rows.get(0)).get(3));
  }
}
