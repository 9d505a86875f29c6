package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.ExampleScenarios;
import dpcsim.ScenarioBuilder;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.Profiles;
import dpcsim.report.SummaryTable;
import dpcsim.report.Units;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.stats.CpuStats;
import dpcsim.stats.DeviceStats;
import dpcsim.stats.DpcStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * HtmlReport on real runs ({@code --engine sequential}): the page parses as XML, and the figures in
 * its {@code data-*} attributes equal those of the trace and of {@code RunResult.cpus()}.
 */
@DisplayName("HtmlReport")
class HtmlReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SIMPLE =
      Pattern.compile("//(\\*|\\w+)((?:\\[@[\\w-]+(?:='[^']*')?\\])*)");
  private static final Pattern CONDITION = Pattern.compile("\\[@([\\w-]+)(?:='([^']*)')?\\]");

  /** A rendered run with its trace (JSON Lines, parsed) and the page (parsed as XML). */
  record Rendered(
      RunResult result, ReportData data, List<JsonNode> trace, String html, Document doc) {
    /**
     * Elements matching {@code xpath}. The simple form {@code //tag[@a='v'][@b]} is matched here
     * over all elements: the JDK's XPath copies the whole document on every call, which takes
     * seconds over a few hundred queries.
     */
    List<Element> select(String xpath) {
      Matcher m = SIMPLE.matcher(xpath);
      if (m.matches()) {
        List<String[]> conds = new ArrayList<>();
        Matcher c = CONDITION.matcher(m.group(2));
        while (c.find()) {
          conds.add(new String[] {c.group(1), c.group(2)});
        }
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName(m.group(1));
        for (int i = 0; i < all.getLength(); i++) {
          Element e = (Element) all.item(i);
          boolean ok = true;
          for (String[] cond : conds) {
            ok &=
                e.hasAttribute(cond[0])
                    && (cond[1] == null || cond[1].equals(e.getAttribute(cond[0])));
          }
          if (ok) {
            out.add(e);
          }
        }
        return out;
      }
      try {
        NodeList nodes =
            (NodeList)
                XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
          out.add((Element) nodes.item(i));
        }
        return out;
      } catch (javax.xml.xpath.XPathExpressionException e) {
        throw new IllegalArgumentException(xpath, e);
      }
    }

    Element one(String xpath) {
      List<Element> found = select(xpath);
      assertEquals(1, found.size(), () -> "exactly one " + xpath);
      return found.get(0);
    }

    long number(String xpath, String attr) {
      return Long.parseLong(one(xpath).getAttribute(attr));
    }
  }

  static Rendered render(Scenario s) {
    ReportCollector collector = new ReportCollector(s.processors(), s.durationNs());
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    RunResult r = SequentialEngine.run(s, new TraceOutputs(trace, false, List.of(collector)));
    String html = HtmlReport.render(r, collector.data());
    List<JsonNode> events = new ArrayList<>();
    for (String line : trace.toString(StandardCharsets.UTF_8).lines().toList()) {
      try {
        events.add(JSON.readTree(line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Rendered(r, collector.data(), events, html, parseXml(html));
  }

  /** The whole page is well-formed XML (the report writes it so): anything else fails here. */
  static Document parseXml(String html) {
    return XmlPage.parse(html);
  }

  static Scenario example(String name) {
    return ExampleScenarios.load(ExampleScenarios.repoRoot().resolve("scenarios").resolve(name));
  }

  static Scenario parse(String yaml) {
    try {
      return ScenarioLoader.parse(yaml, "test.yaml", new LinkedHashSet<>(Profiles.names()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<JsonNode> events(Rendered r, String ev) {
    return r.trace().stream().filter(n -> n.get("ev").asText().equals(ev)).toList();
  }

  @Test
  @DisplayName("remote-high: IPI cells equal the trace's IpiSend counts (0->1 and 0->3 one each)")
  void ipiMatrix() {
    Rendered r = render(example("remote-high.yaml"));
    long[][] expected = new long[4][4];
    for (JsonNode n : events(r, "IpiSend")) {
      expected[n.get("cpu").asInt()][n.get("to").asInt()]++;
    }
    assertEquals(16, r.select("//rect[@data-from]").size());
    for (int from = 0; from < 4; from++) {
      for (int to = 0; to < 4; to++) {
        String cell = "//rect[@data-from='" + from + "'][@data-to='" + to + "']";
        assertEquals(expected[from][to], r.number(cell, "data-count"), cell);
      }
    }
    assertAll(
        () -> assertEquals(1, r.number("//rect[@data-from='0'][@data-to='1']", "data-count")),
        () -> assertEquals(1, r.number("//rect[@data-from='0'][@data-to='3']", "data-count")),
        () -> assertEquals(0, r.number("//rect[@data-from='0'][@data-to='2']", "data-count")),
        () -> assertEquals(2, r.number("//*[@data-sent][1]", "data-sent")));
  }

  @Test
  @DisplayName("remote-high: time-share segments carry RunResult.cpus()'s nanoseconds")
  void timeShare() {
    Rendered r = render(example("remote-high.yaml"));
    long sim = r.result().simulatedNs();
    for (CpuStats c : r.result().cpus()) {
      String row = "//rect[@data-cpu='" + c.cpu() + "'][@data-kind='";
      long other = sim - c.dpcTimeNs() - c.isrTimeNs() - c.idleTimeNs();
      assertAll(
          () -> assertEquals(c.dpcTimeNs(), r.number(row + "dpc']", "data-ns")),
          () -> assertEquals(c.isrTimeNs(), r.number(row + "isr']", "data-ns")),
          () -> assertEquals(c.idleTimeNs(), r.number(row + "idle']", "data-ns")),
          () -> assertEquals(other, r.number(row + "other']", "data-ns")),
          () ->
              assertEquals(
                  Html.pct(c.dpcTimeNs(), sim), r.one(row + "dpc']").getAttribute("data-pct")));
    }
    // CPU 2 and 3 are idle, CPU 0 busy with its thread load.
    assertEquals(
        "100.0", r.one("//rect[@data-cpu='0'][@data-kind='other']").getAttribute("data-pct"));
  }

  @Test
  @DisplayName("remote-high: histogram bars equal the durations paired from the trace")
  void histograms() {
    Rendered r = render(example("remote-high.yaml"));
    long[] latency = new long[LatencyBuckets.COUNT];
    long[] execution = new long[LatencyBuckets.COUNT];
    Map<String, Long> queuedAt = new HashMap<>();
    Map<Integer, Deque<Long>> running = new HashMap<>();
    for (JsonNode n : r.trace()) {
      int cpu = n.get("cpu").asInt();
      long t = n.get("t").asLong();
      switch (n.get("ev").asText()) {
        case "DpcInsert" -> {
          if (n.get("ok").asBoolean()) {
            queuedAt.put(cpu + "/" + n.get("dpc").asText(), t);
          }
        }
        case "DpcStart" -> {
          Long at = queuedAt.remove(cpu + "/" + n.get("dpc").asText());
          latency[LatencyBuckets.index(t - at)]++;
          running.computeIfAbsent(cpu, k -> new ArrayDeque<>()).push(t);
        }
        case "DpcEnd" -> execution[LatencyBuckets.index(t - running.get(cpu).pop())]++;
        default -> {}
      }
    }
    for (int i = 0; i < LatencyBuckets.COUNT; i++) {
      String bar = "//rect[@data-hist='%s'][@data-bucket='" + i + "']";
      assertEquals(
          latency[i], r.number(bar.formatted("dpc-latency"), "data-count"), "latency " + i);
      assertEquals(
          execution[i], r.number(bar.formatted("dpc-execution"), "data-count"), "execution " + i);
      assertEquals(0, r.number(bar.formatted("isr-execution"), "data-count"), "no ISRs");
    }
    // 0 ns (idle poll), 2 us twice (IPI), 13.6 ms (a Low DPC waiting for the tick); 10 us routines.
    assertAll(
        () -> assertEquals(1, latency[0]),
        () -> assertEquals(2, latency[2]),
        () -> assertEquals(1, latency[12]),
        () -> assertEquals(4, execution[4]));
    Element lm = r.one("//span[@data-hist='dpc-execution'][@data-latencymon='0']");
    assertAll(
        () -> assertEquals("4", lm.getAttribute("data-count")),
        () -> assertTrue(lm.getTextContent().startsWith("DPC count (execution time <250 µs):")),
        () -> assertTrue(lm.getTextContent().endsWith(" 4"), lm.getTextContent()),
        () ->
            assertEquals(
                "1",
                r.one("//span[@data-hist='dpc-latency'][@data-latencymon='5']")
                    .getAttribute("data-count")));
  }

  @Test
  @DisplayName("remote-high: depth cells equal a replay of the trace; lanes peak at max-depth")
  void depth() {
    Rendered r = render(example("remote-high.yaml"));
    ReportData d = r.data();
    int[][] expected = new int[4][d.buckets()];
    int[] depth = new int[4];
    int[] last = new int[4];
    for (JsonNode n : r.trace()) {
      int cpu = n.get("cpu").asInt();
      int b = (int) Math.min(d.buckets() - 1, n.get("t").asLong() / d.bucketNs());
      for (int k = last[cpu]; k <= b; k++) {
        expected[cpu][k] = Math.max(expected[cpu][k], depth[cpu]);
      }
      last[cpu] = b;
      String ev = n.get("ev").asText();
      boolean ok = !n.has("ok") || n.get("ok").asBoolean();
      if (ev.equals("DpcInsert") && ok) {
        depth[cpu]++;
      } else if (ev.equals("DpcStart") || (ev.equals("DpcRemove") && ok)) {
        depth[cpu]--;
      }
      expected[cpu][b] = Math.max(expected[cpu][b], depth[cpu]);
    }
    // One query for all cells: an XPath per bucket would take seconds.
    Map<String, Element> cells = new HashMap<>();
    for (Element e : r.select("//rect[@data-depth]")) {
      assertTrue(
          cells.put(e.getAttribute("data-cpu") + "/" + e.getAttribute("data-bucket"), e) == null,
          () -> "one depth cell per processor and bucket: " + describe(e));
    }
    for (int cpu = 0; cpu < 4; cpu++) {
      for (int k = last[cpu]; k < d.buckets(); k++) {
        expected[cpu][k] = Math.max(expected[cpu][k], depth[cpu]);
      }
      for (int b = 0; b < d.buckets(); b++) {
        Element cell = cells.get(cpu + "/" + b);
        long shown = cell == null ? 0 : Long.parseLong(cell.getAttribute("data-depth"));
        assertEquals(expected[cpu][b], shown, "cpu " + cpu + " bucket " + b);
      }
      CpuStats c = r.result().cpus().get(cpu);
      assertEquals(
          c.maxQueueDepth(),
          r.number("//*[@class='depth-row'][@data-cpu='" + cpu + "']", "data-max-depth"));
    }
    // The Low DPC queued on CPU 1 at 2 ms waits for its tick: a long run of depth-1 buckets.
    assertTrue(r.select("//rect[@data-cpu='1'][@data-depth='1']").size() > 100);
  }

  @Test
  @DisplayName("the header and the summary table hold the run's numbers")
  void headerAndTable() {
    Rendered r = render(example("remote-high.yaml"));
    RunResult res = r.result();
    assertAll(
        () -> assertEquals(res.scenario().name(), r.one("//h1").getTextContent()),
        () ->
            assertEquals(
                res.traceSha256(), r.one("//dd[@data-key='traceSha256']").getTextContent()),
        () -> assertEquals("ws03", r.one("//dd[@data-key='profile']").getTextContent()),
        () -> assertEquals("4", r.one("//dd[@data-key='processors']").getTextContent()),
        () -> assertEquals("5", r.one("//dd[@data-key='seed']").getTextContent()),
        () -> assertEquals("20.0ms", r.one("//dd[@data-key='simulated']").getTextContent()),
        () -> assertEquals("sequential", r.one("//dd[@data-key='engine']").getTextContent()),
        () ->
            assertEquals(
                Long.toString(res.events()),
                r.one("//dd[@data-key='trace events']").getTextContent()));
    for (CpuStats c : res.cpus()) {
      String row = "//tr[@data-cpu='" + c.cpu() + "']/td[@data-key='%s']";
      assertAll(
          () ->
              assertEquals(
                  Long.toString(c.dpcInserted()),
                  r.one(row.formatted("dpcInserted")).getTextContent()),
          () ->
              assertEquals(
                  Long.toString(c.ipisSent()), r.one(row.formatted("ipisSent")).getTextContent()),
          () -> assertEquals(c.dpcTimeNs(), r.number(row.formatted("dpcTimeNs"), "data-ns")));
    }
  }

  /** The text table of {@code SummaryTable} whose header starts with {@code first}, as cells. */
  private static List<List<String>> textTable(List<String> lines, String first) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines) {
      if (rows.isEmpty() ? line.startsWith(first + " ") : !line.isBlank()) {
        rows.add(List.of(line.trim().split(" +")));
      } else if (!rows.isEmpty()) {
        break;
      }
    }
    assertFalse(rows.isEmpty(), () -> "a text table headed " + first);
    return rows;
  }

  /** The HTML table's rows as cell texts, empty cells left out (as the text table drops them). */
  private static List<List<String>> htmlTable(Element table) {
    List<List<String>> rows = new ArrayList<>();
    NodeList trs = table.getElementsByTagName("tr");
    for (int i = 0; i < trs.getLength(); i++) {
      rows.add(
          XmlPage.cellTexts((Element) trs.item(i)).stream().filter(t -> !t.isEmpty()).toList());
    }
    return rows;
  }

  @Test
  @DisplayName("nic-storm-cpu0: the three tables have SummaryTable's columns and cells, in order")
  void tablesAsText() {
    Rendered r = render(example("nic-storm-cpu0.yaml").withDuration(50_000_000L));
    List<String> text = SummaryTable.render(r.result());
    assertAll(
        () ->
            assertEquals(textTable(text, "cpu"), htmlTable(r.one("//table[@id='summary-table']"))),
        () -> assertEquals(textTable(text, "dpc"), htmlTable(r.one("//table[@id='dpc-table']"))),
        () ->
            assertEquals(
                textTable(text, "device"), htmlTable(r.one("//table[@id='device-table']"))));
    assertEquals(
        List.of(
            "dpc",
            "inserted",
            "coalesced",
            "executed",
            "dpc-int",
            "ipi-tx",
            "max-depth",
            "time",
            "share"),
        textTable(text, "dpc").get(0).subList(0, 9));
  }

  @Test
  @DisplayName("nic-storm-cpu0: per-KDPC and per-device cells carry RunResult's raw figures")
  void dpcAndDeviceFigures() {
    Rendered r = render(example("nic-storm-cpu0.yaml").withDuration(50_000_000L));
    RunResult res = r.result();
    long all = res.simulatedNs() * res.cpus().size();
    assertEquals(List.of("nicRx", "nicTx"), res.dpcs().stream().map(DpcStats::dpc).toList());
    assertEquals(2, r.select("//tr[@data-dpc]").size());
    for (DpcStats d : res.dpcs()) {
      Map<String, Element> c =
          XmlPage.childrenBy(r.one("//tr[@data-dpc='" + d.dpc() + "']"), "td", "data-key");
      assertAll(
          d.dpc(),
          () -> assertEquals(d.dpc(), c.get("dpc").getTextContent()),
          () -> assertEquals(d.dpcInserted(), text(c, "dpcInserted")),
          () -> assertEquals(d.dpcExecuted(), text(c, "dpcExecuted")),
          () -> assertEquals(d.dpcInterrupts(), text(c, "dpcInterrupts")),
          () -> assertEquals(d.ipisSent(), text(c, "ipisSent")),
          () -> assertEquals(d.maxQueueDepth(), text(c, "maxQueueDepth")),
          () -> assertEquals(d.dpcTimeNs(), ns(c, "dpcTimeNs")),
          () -> assertEquals(Units.duration(d.dpcTimeNs()), c.get("dpcTimeNs").getTextContent()),
          () -> assertEquals(d.dpcTimeNs(), ns(c, "share")),
          () -> assertEquals(all, Long.parseLong(c.get("share").getAttribute("data-of-ns"))),
          () -> assertEquals(Units.percent(d.dpcTimeNs(), all), c.get("share").getTextContent()),
          () -> assertEquals(d.latencyP50(), ns(c, "latencyNs.p50")),
          () -> assertEquals(d.latencyP99(), ns(c, "latencyNs.p99")),
          () -> assertEquals(d.latencyMax(), ns(c, "latencyNs.max")),
          () -> assertEquals(d.durationP50(), ns(c, "durationNs.p50")),
          () -> assertEquals(d.durationP99(), ns(c, "durationNs.p99")),
          () -> assertEquals(d.durationMax(), ns(c, "durationNs.max")),
          () -> assertEquals(d.watchdog(), text(c, "watchdog")));
    }
    DeviceStats nic = res.devices().get(0);
    Map<String, Element> c =
        XmlPage.childrenBy(r.one("//tr[@data-device='nic']"), "td", "data-key");
    assertAll(
        () -> assertEquals(1, res.devices().size()),
        () -> assertEquals(nic.isrCount(), text(c, "isrCount")),
        () -> assertEquals(nic.isrTimeNs(), ns(c, "isrTimeNs")),
        () -> assertEquals(nic.isrTimeNs(), ns(c, "share")),
        () -> assertEquals(nic.durationP50(), ns(c, "durationNs.p50")),
        () -> assertEquals(nic.durationP99(), ns(c, "durationNs.p99")),
        () -> assertEquals(nic.durationMax(), ns(c, "durationNs.max")));
    // The per-processor table gained the text table's dur columns: CPU 0's from CpuStats.
    CpuStats cpu0 = res.cpus().get(0);
    Map<String, Element> c0 = XmlPage.childrenBy(r.one("//tr[@data-cpu='0']"), "td", "data-key");
    assertAll(
        () -> assertEquals(cpu0.durationP99(), ns(c0, "durationNs.p99")),
        () -> assertEquals(cpu0.latencyMax(), ns(c0, "latencyNs.max")),
        () -> assertEquals("-", cellOf(r, 1, "durationNs.max"), "CPU 1 runs no DPC"));
  }

  private static String cellOf(Rendered r, int cpu, String key) {
    return XmlPage.childrenBy(r.one("//tr[@data-cpu='" + cpu + "']"), "td", "data-key")
        .get(key)
        .getTextContent();
  }

  private static long text(Map<String, Element> cells, String key) {
    return Long.parseLong(cells.get(key).getTextContent());
  }

  private static long ns(Map<String, Element> cells, String key) {
    return Long.parseLong(cells.get(key).getAttribute("data-ns"));
  }

  @Test
  @DisplayName("nic-storm-cpu0: the DPC-time bars are RunResult.dpcs() by time, longest first")
  void dpcTimeChart() {
    Rendered r = render(example("nic-storm-cpu0.yaml").withDuration(50_000_000L));
    RunResult res = r.result();
    List<Element> bars = r.select("//rect[@data-rank]");
    assertEquals(2, bars.size());
    DpcStats rx = res.dpcs().get(0);
    DpcStats tx = res.dpcs().get(1);
    assertTrue(rx.dpcTimeNs() > tx.dpcTimeNs(), "nicRx's routine is the longer one");
    long all = res.simulatedNs() * 4;
    assertAll(
        () -> assertEquals("nicRx", bars.get(0).getAttribute("data-dpc")),
        () -> assertEquals("1", bars.get(0).getAttribute("data-rank")),
        () -> assertEquals(rx.dpcTimeNs(), Long.parseLong(bars.get(0).getAttribute("data-ns"))),
        () -> assertEquals(all, Long.parseLong(bars.get(0).getAttribute("data-of-ns"))),
        () -> assertEquals(rx.dpcExecuted(), r.number("//rect[@data-rank='1']", "data-executed")),
        () -> assertEquals("nicTx", bars.get(1).getAttribute("data-dpc")),
        () -> assertEquals(tx.dpcTimeNs(), Long.parseLong(bars.get(1).getAttribute("data-ns"))),
        () ->
            assertTrue(
                bars.get(0).getTextContent().startsWith("nicRx: " + Units.duration(rx.dpcTimeNs())),
                bars.get(0).getTextContent()),
        () -> assertTrue(r.select("//rect[@data-others]").isEmpty()));
  }

  @Test
  @DisplayName("23 KDPCs: the top 20 by time (ties by name), then one bar for the other 3")
  void dpcTimeTop20() {
    ScenarioBuilder b = ScenarioBuilder.machine("ws03", 1, 0, "1ms").set("name", "many kdpcs");
    for (int i = 0; i < 23; i++) {
      // Durations 1..7 us repeat: ties that only the name breaks.
      b.dpc("d%02d".formatted(i), "routine: { duration: %dus }".formatted(i % 7 + 1));
    }
    for (int i = 0; i < 23; i++) {
      b.script(
          "at: %dus".formatted(10 + 10 * i), "cpu: 0", "do: insert", "dpc: d%02d".formatted(i));
    }
    Rendered r = render(parse(b.yaml()));
    List<DpcStats> dpcs = r.result().dpcs();
    assertEquals(23, dpcs.size());
    List<Element> bars = r.select("//rect[@data-rank]");
    assertEquals(21, bars.size());
    // d06, d13, d20 run 7 us; d05, d12, d19 6 us; ... and d00, d07, d14, d21 1 us.
    List<String> names = bars.subList(0, 20).stream().map(e -> e.getAttribute("data-dpc")).toList();
    assertEquals(List.of("d06", "d13", "d20", "d05", "d12", "d19"), names.subList(0, 6));
    assertEquals(List.of("d01", "d08", "d15", "d22", "d00"), names.subList(15, 20));
    Element others = bars.get(20);
    assertAll(
        () -> assertEquals("3", others.getAttribute("data-others")),
        () -> assertEquals("21", others.getAttribute("data-rank")),
        () -> assertEquals(3_000, Long.parseLong(others.getAttribute("data-ns"))),
        () -> assertEquals(3, Long.parseLong(others.getAttribute("data-executed"))),
        () -> assertEquals(7_000, r.number("//rect[@data-dpc='d06']", "data-ns")),
        () -> assertTrue(r.html().contains("The 3 KDPCs after the top 20 make up the last bar.")),
        () -> assertEquals(23, r.select("//tr[@data-dpc]").size(), "the table has them all"));
  }

  @Test
  @DisplayName("every chart element with a figure has a data attribute and a <title> tooltip")
  void tooltips() {
    Rendered r = render(example("nic-storm-cpu0.yaml").withDuration(50_000_000L));
    List<Element> rects =
        r.select(
            "//*[local-name()='svg']//rect[not(@class='lane')][not(ancestor::*[@class='legend'])]");
    assertTrue(rects.size() > 200, "rects: " + rects.size());
    for (Element e : rects) {
      boolean hasData = false;
      for (int i = 0; i < e.getAttributes().getLength(); i++) {
        hasData |= e.getAttributes().item(i).getNodeName().startsWith("data-");
      }
      boolean plain = "not-simulated".equals(e.getAttribute("class"));
      assertTrue(hasData || plain, () -> "no data attribute: " + describe(e));
      assertEquals(1, e.getElementsByTagName("title").getLength(), () -> describe(e));
    }
    assertEquals(
        8,
        r.select("//*[local-name()='svg'][contains(@class,'chart')]").size(),
        "depth, latency over time, time share, DPC time by KDPC, three histograms, IPI matrix");
  }

  private static String describe(Element e) {
    StringBuilder s = new StringBuilder("<" + e.getTagName());
    for (int i = 0; i < e.getAttributes().getLength(); i++) {
      s.append(' ').append(e.getAttributes().item(i));
    }
    return s.append('>').toString();
  }

  @Test
  @DisplayName("scenario names are escaped: markup in a name stays text")
  void escaping() {
    String name = "<script>alert(\"x\")</script> & 'q' <b>";
    Scenario s =
        parse(
            """
            name: '<script>alert("x")</script> & ''q'' <b>'
            processors: 1
            duration: 1ms
            dpcs:
              "a<b>&": { routine: { duration: 1us } }
            script:
              - { at: 1us, cpu: 0, do: insert, dpc: "a<b>&" }
            """);
    Rendered r = render(s);
    assertAll(
        () -> assertEquals(name, r.one("//h1").getTextContent()),
        () ->
            assertEquals(
                "dpcsim report: " + name,
                r.one("//title[not(ancestor::*[local-name()='svg'])]").getTextContent()),
        () -> assertTrue(r.select("//script").isEmpty(), "no script element"),
        () -> assertTrue(r.select("//b[not(ancestor::p)]").isEmpty(), "no b element from the name"),
        () -> assertFalse(r.html().contains("<script")));
  }

  @Test
  @DisplayName("the same run gives the same page, byte for byte (no wall clock)")
  void deterministic() {
    Scenario s = example("remote-high.yaml");
    assertEquals(render(s).html(), render(s).html());
  }

  @Test
  @DisplayName("130 processors: ranges of 3 per row and column, a 44x44 IPI matrix")
  void groups() throws IOException {
    Path file = ExampleScenarios.repoRoot().resolve("scenarios").resolve("remote-high.yaml");
    Scenario s =
        parse(Files.readString(file).replace("processors: 4", "processors: 130"))
            .withDuration(3_000_000L);
    Rendered r = render(s);
    assertAll(
        () -> assertEquals(44 * 44, r.select("//rect[@data-from]").size()),
        () -> assertEquals(1, r.number("//rect[@data-from='0-2'][@data-to='0-2']", "data-count")),
        () -> assertEquals(1, r.number("//rect[@data-from='0-2'][@data-to='3-5']", "data-count")),
        () -> assertEquals(44, r.select("//*[@class='depth-row']").size()),
        () -> assertEquals(44, r.select("//*[@class='share-row']").size()),
        () -> assertEquals(130, r.select("//tr[@data-cpu]").size()),
        () -> assertTrue(r.html().contains("a range of 3 processors")));
  }

  @Test
  @DisplayName("a watchdog stop: the header says so, the rest of the time is greyed out")
  void watchdogStop() {
    Scenario s = parse(ExampleScenarios.WATCHDOG_STOP);
    Rendered r = render(s);
    Optional<Element> grey = r.select("//rect[@class='not-simulated']").stream().findFirst();
    assertAll(
        () ->
            assertEquals(
                "78.1ms (stopped by the DPC watchdog)",
                r.one("//dd[@data-key='simulated']").getTextContent()),
        () -> assertTrue(grey.isPresent(), "not-simulated area"),
        () -> assertEquals(1, r.data().dpcsRunningAtEnd()),
        () -> assertTrue(r.html().contains("1 routine was still running at the end")));
  }
}
