package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Every processor's lane is named, on 64 processors too: the hot one is never anonymous. */
class LaneLabelsTest {
  @Test
  @DisplayName(
      "64 processors: every row of the time-share, queue-depth, latency and IPI charts is named")
  void everyLaneNamed() {
    HtmlReportTest.Rendered r =
        HtmlReportTest.render(HtmlReportTest.example("server-64.yaml").withDuration(2_000_000L));
    List<String> expected = new ArrayList<>();
    for (int cpu = 0; cpu < 64; cpu++) {
      expected.add("cpu " + cpu);
    }
    for (String chart : List.of("time-share-chart", "depth-chart", "latency-chart")) {
      List<String> names = new ArrayList<>();
      for (Element t : r.select("//*[@id='" + chart + "']//text[@text-anchor='end']")) {
        if (t.getTextContent().startsWith("cpu ")) {
          names.add(t.getTextContent());
          assertEquals("small", t.getAttribute("class"), "small type above 16 lanes");
        }
      }
      assertEquals(expected, names, chart);
    }
    // The matrix: 64 senders at the left, 64 receivers on top, a sent count per sender.
    List<Element> sent = r.select("//*[@id='ipi-chart']//text[@data-sent]");
    assertEquals(64, sent.size());
    int receivers = 0;
    for (Element t : r.select("//*[@id='ipi-chart']//text[@transform][@class='small']")) {
      assertTrue(
          t.getAttribute("transform").startsWith("rotate(-90 "), t.getAttribute("transform"));
      receivers++;
    }
    assertEquals(64, receivers);
  }

  @Test
  @DisplayName("1 processor: its lane is named in every chart; the latency lane is a line chart")
  void oneProcessor() throws java.io.IOException {
    String yaml =
        java.nio.file.Files.readString(
                dpcsim.ExampleScenarios.repoRoot().resolve("scenarios/nic-storm-cpu0.yaml"))
            .replace("processors: 4", "processors: 1");
    HtmlReportTest.Rendered r =
        HtmlReportTest.render(HtmlReportTest.parse(yaml).withDuration(20_000_000L));
    for (String chart : List.of("time-share-chart", "depth-chart", "latency-chart")) {
      List<String> names =
          r.select("//*[@id='" + chart + "']//text[@text-anchor='end']").stream()
              .map(Element::getTextContent)
              .filter(t -> t.startsWith("cpu "))
              .toList();
      assertEquals(List.of("cpu 0"), names, chart);
    }
    assertEquals("lines", r.one("//*[@id='latency-chart']").getAttribute("data-mode"));
    assertTrue(r.select("//circle[@data-cpu='0'][@data-p99-ns]").size() > 50);
  }
}
