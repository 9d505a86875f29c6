package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The latency-over-time chart and the depth chart's legend on real runs: each slice's p99 equals
 * the trace's, slices without a DPC start have no dot or cell, and every lane and colour is named.
 */
@DisplayName("HtmlReport: latency over time, depth levels")
class LatencyChartTest {
  /** The trace's latencies by "cpu/slice", paired as the collector pairs them. */
  private static Map<String, List<Long>> latencies(HtmlReportTest.Rendered r) {
    long bucketNs = r.data().bucketNs();
    int buckets = r.data().buckets();
    Map<String, Long> queuedAt = new HashMap<>();
    Map<String, List<Long>> out = new HashMap<>();
    for (JsonNode n : r.trace()) {
      int cpu = n.get("cpu").asInt();
      long t = n.get("t").asLong();
      String key = cpu + "/" + (n.has("dpc") ? n.get("dpc").asText() : "");
      switch (n.get("ev").asText()) {
        case "DpcInsert" -> {
          if (n.get("ok").asBoolean()) {
            queuedAt.put(key, t);
          }
        }
        case "DpcRemove" -> queuedAt.remove(key);
        case "DpcStart" -> {
          Long at = queuedAt.remove(key);
          if (at != null) {
            int b = (int) Math.min(buckets - 1, t / bucketNs);
            out.computeIfAbsent(cpu + "/" + b, k -> new ArrayList<>()).add(t - at);
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /** The nearest-rank p99 of {@code values}, as the summary table computes it. */
  private static long p99(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
  }

  @Test
  @DisplayName("nic-storm-cpu0: a dot per slice where a DPC started, at the trace's p99; gaps else")
  void p99EqualsTrace() {
    HtmlReportTest.Rendered r =
        HtmlReportTest.render(
            HtmlReportTest.example("nic-storm-cpu0.yaml").withDuration(50_000_000L));
    Map<String, List<Long>> expected = latencies(r);
    List<Element> dots = r.select("//circle[@data-p99-ns]");
    Map<String, Element> byCell = new HashMap<>();
    for (Element dot : dots) {
      byCell.put(dot.getAttribute("data-cpu") + "/" + dot.getAttribute("data-bucket"), dot);
    }
    assertEquals(expected.keySet(), byCell.keySet(), "a dot exactly where a DPC started");
    assertTrue(dots.size() > 150, "CPU 0 starts DPCs in most slices: " + dots.size());
    for (Map.Entry<String, List<Long>> e : expected.entrySet()) {
      Element dot = byCell.get(e.getKey());
      long shown = Long.parseLong(dot.getAttribute("data-p99-ns"));
      long exact = p99(e.getValue());
      List<Long> values = e.getValue();
      assertAll(
          e.getKey(),
          () -> assertEquals(values.size(), Long.parseLong(dot.getAttribute("data-count"))),
          () ->
              assertEquals(
                  values.stream().mapToLong(Long::longValue).max().orElseThrow(),
                  Long.parseLong(dot.getAttribute("data-max-ns"))),
          () -> {
            if (values.size() < 100) {
              assertEquals(exact, shown, "exact below 100 DPCs");
            } else {
              assertTrue(shown >= exact && shown <= exact + exact / 8, shown + " vs " + exact);
            }
          },
          () -> assertEquals(1, dot.getElementsByTagName("title").getLength()));
    }
    Element chart = r.one("//*[@id='latency-chart']");
    assertAll(
        () -> assertEquals("lines", chart.getAttribute("data-mode")),
        () -> assertFalse(r.select("//*[@id='latency-chart']//polyline").isEmpty(), "a line"),
        () -> assertEquals("-1", lane(r, "1").getAttribute("data-max-p99-ns"), "CPU 1: none"),
        () -> assertTrue(lane(r, "1").getTextContent().contains("no DPC started")),
        () ->
            assertEquals(
                "DPC latency over time (p99 per slice)",
                r.one("//section[@id='latency-over-time']/h2").getTextContent()),
        () ->
            assertTrue(
                r.one("//section[@id='latency-over-time']/p")
                    .getTextContent()
                    .contains("A gap means no DPC started there.")),
        () ->
            assertTrue(
                r.select("//*[@id='latency-chart']//*[@class='axis-title']").stream()
                    .anyMatch(t -> t.getTextContent().equals("simulated time"))));
    // The right-hand ticks name the scale's edges in time units.
    List<String> ticks =
        r.select("//text[@data-tick-ns]").stream().map(Element::getTextContent).toList();
    assertTrue(ticks.containsAll(List.of("10us", "100us")), ticks.toString());
  }

  private static Element lane(HtmlReportTest.Rendered r, String cpu) {
    return r.one("//*[@class='latency-row'][@data-cpu='" + cpu + "']");
  }

  @Test
  @DisplayName("64 processors: a heat map, a cell per slice with a DPC start, a named colour scale")
  void heatMap() {
    HtmlReportTest.Rendered r =
        HtmlReportTest.render(HtmlReportTest.example("server-64.yaml").withDuration(2_000_000L));
    Map<String, List<Long>> expected = latencies(r);
    List<Element> cells = r.select("//rect[@data-p99-ns]");
    assertEquals(expected.size(), cells.size());
    for (Element cell : cells) {
      List<Long> values =
          expected.get(cell.getAttribute("data-cpu") + "/" + cell.getAttribute("data-bucket"));
      assertTrue(values != null, () -> "no DPC started there: " + cell.getAttribute("data-cpu"));
      if (values.size() < 100) {
        assertEquals(p99(values), Long.parseLong(cell.getAttribute("data-p99-ns")));
      }
    }
    assertEquals("heat", r.one("//*[@id='latency-chart']").getAttribute("data-mode"));
    assertEquals(64, r.select("//*[@class='latency-row']").size());
    List<String> legend =
        r.select("//*[@data-legend='p99 latency']//text[@data-swatch]").stream()
            .map(Element::getTextContent)
            .toList();
    assertEquals("no DPC started", legend.get(0));
    assertTrue(legend.size() >= 2, legend.toString());
    // Every cell's colour is one of the legend's.
    List<String> swatches =
        r.select("//*[@data-legend='p99 latency']//text[@data-swatch]").stream()
            .map(e -> e.getAttribute("data-swatch"))
            .toList();
    for (Element cell : cells) {
      assertTrue(swatches.contains(cell.getAttribute("fill")), cell.getAttribute("fill"));
    }
  }

  @Test
  @DisplayName("a queue at most 2 deep: a colour per level, named in the legend; a line per level")
  void depthLevels() {
    HtmlReportTest.Rendered r =
        HtmlReportTest.render(
            HtmlReportTest.example("nic-storm-cpu0.yaml").withDuration(50_000_000L));
    assertEquals("2", r.one("//*[@id='depth-chart']").getAttribute("data-max-depth"));
    Map<String, String> legend = new HashMap<>();
    for (Element t : r.select("//*[@data-legend='queue depth']//text[@data-swatch]")) {
      legend.put(t.getTextContent(), t.getAttribute("data-swatch"));
    }
    assertEquals(3, legend.size(), legend.toString());
    for (Element bar : r.select("//rect[@data-depth]")) {
      assertEquals(legend.get(bar.getAttribute("data-depth")), bar.getAttribute("fill"));
    }
    assertFalse(r.select("//rect[@data-depth='1']").isEmpty(), "depth-1 slices");
    assertFalse(r.select("//rect[@data-depth='2']").isEmpty(), "depth-2 slices");
    // 4 lanes with a dashed line at depth 1 and 2 each.
    assertEquals(8, r.select("//line[@class='level']").size());
    assertTrue(r.html().contains("Each depth has its own colour"));
  }
}
