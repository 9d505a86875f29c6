package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.report.CompareRows;
import dpcsim.report.ProfileFigures;
import dpcsim.report.ProfileOutcome;
import dpcsim.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** CompareHtml on made-up outcomes: a faulted column, bar heights, escaping. */
@DisplayName("CompareHtml")
class CompareHtmlTest {
  static final Scenario SCENARIO =
      HtmlReportTest.parse(
          """
          name: two <cpus> & more
          processors: 2
          duration: 1s
          dpcs:
            a: { routine: { duration: 1us } }
          script:
            - { at: 1us, cpu: 0, do: insert, dpc: a }
          """);

  /** Figures of a 2-processor run of {@code simulatedNs} with {@code dpcNs} of DPC time. */
  static ProfileFigures figures(String profile, long simulatedNs, long dpcNs) {
    return new ProfileFigures(
        profile,
        2,
        simulatedNs,
        false,
        10,
        0,
        10,
        4,
        2,
        3,
        dpcNs,
        1_000,
        5_000,
        0,
        2_000,
        9_000,
        3_000,
        0,
        77,
        "ab".repeat(32));
  }

  @Test
  @DisplayName("a faulted profile: 'fault' in its column and panels, its message below the table")
  void faultedColumn() {
    String message = "processor 0 makes no progress at 7 ns <&>";
    Document doc =
        XmlPage.parse(
            CompareHtml.render(
                SCENARIO,
                "sequential",
                List.of(
                    new ProfileOutcome.Ran(figures("ws03", 1_000_000_000L, 500_000_000L)),
                    new ProfileOutcome.Faulted("win10", message))));
    List<Element> rows = XmlPage.withAttribute(doc, "tr", "data-key");
    assertEquals(CompareRows.ALL.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Element cell = XmlPage.childrenBy(rows.get(i), "td", "data-profile").get("win10");
      assertEquals(message, cell.getAttribute("data-fault"));
      assertFalse(cell.hasAttribute("data-value"));
      assertEquals(i == 0 ? "fault" : "-", cell.getTextContent());
    }
    List<Element> faults = XmlPage.withAttribute(doc, "p", "data-profile");
    List<Element> bars = XmlPage.withAttribute(doc, "rect", "data-profile");
    List<Element> marks = XmlPage.withAttribute(doc, "text", "data-profile");
    Map<String, Element> heads =
        XmlPage.childrenBy(
            (Element) XmlPage.withAttribute(doc, "th", "data-profile").get(0).getParentNode(),
            "th",
            "data-profile");
    assertAll(
        () -> assertEquals("fault", heads.get("win10").getAttribute("class")),
        () -> assertEquals("", heads.get("ws03").getAttribute("class")),
        () -> assertEquals(1, faults.size()),
        () -> assertEquals("win10: fault: " + message, faults.get(0).getTextContent()),
        () -> assertEquals(7, bars.size(), "ws03's bars only"),
        () ->
            assertTrue(bars.stream().allMatch(b -> b.getAttribute("data-profile").equals("ws03"))),
        () -> assertEquals(7, marks.size(), "one fault mark per panel"),
        () -> assertTrue(marks.get(0).getTextContent().startsWith("fault")),
        () ->
            assertEquals(
                "two <cpus> & more", doc.getElementsByTagName("h1").item(0).getTextContent()));
  }

  @Test
  @DisplayName("bars scale to the largest; a time by its share (a run stopped early is shorter)")
  void heights() {
    Document doc =
        XmlPage.parse(
            CompareHtml.render(
                SCENARIO,
                "actors",
                List.of(
                    // 0.5 s of 2 x 1 s is 25%; 0.5 s of 2 x 0.5 s is 50%.
                    new ProfileOutcome.Ran(figures("ws03", 1_000_000_000L, 500_000_000L)),
                    new ProfileOutcome.Ran(figures("win10", 500_000_000L, 500_000_000L)))));
    Map<String, Element> dpc = bars(doc, "dpcTimeNs");
    Map<String, Element> p50 = bars(doc, "latencyNs.p50");
    Map<String, Element> depth = bars(doc, "maxQueueDepth");
    assertAll(
        () -> assertEquals("65", dpc.get("ws03").getAttribute("height")),
        () -> assertEquals("130", dpc.get("win10").getAttribute("height")),
        () -> assertEquals("500000000", dpc.get("ws03").getAttribute("data-value")),
        () -> assertEquals("2000000000", dpc.get("ws03").getAttribute("data-of-ns")),
        () -> assertEquals("0", p50.get("ws03").getAttribute("height"), "a zero has no bar"),
        () -> assertEquals("130", depth.get("ws03").getAttribute("height")),
        () ->
            assertEquals(
                "ws03: DPC time 25.0%",
                dpc.get("ws03").getElementsByTagName("title").item(0).getTextContent()));
  }

  private static Map<String, Element> bars(Document doc, String figure) {
    Map<String, Element> out = new java.util.LinkedHashMap<>();
    for (Element e : XmlPage.withAttribute(doc, "rect", "data-figure")) {
      if (e.getAttribute("data-figure").equals(figure)) {
        out.put(e.getAttribute("data-profile"), e);
      }
    }
    return out;
  }
}
