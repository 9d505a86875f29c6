package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static dpcsim.cli.CliTest.examplePath;
import static dpcsim.cli.CliTest.filesIn;
import static dpcsim.cli.CliTest.parse;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dpcsim.cli.CliTest.Result;
import dpcsim.report.html.XmlPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code dpcsim sweep --html FILE}: a line chart per figure whose points hold the same sweep's
 * {@code --json} figures, the table beneath as the text table; the file is checked before any point
 * runs and written whole.
 */
@DisplayName("dpcsim sweep --html")
class SweepHtmlCliTest {
  private static final String NIC = examplePath("nic-storm-cpu0.yaml");

  @TempDir Path tmp;

  private static Result sweep(String over, String... more) {
    List<String> args =
        new ArrayList<>(List.of("sweep", NIC, "--over", over, "--duration", "20ms"));
    args.addAll(List.of(more));
    return dpcsim(args.toArray(String[]::new));
  }

  /** The value at {@code key} ({@code latencyNs.p99} for a nested one), as text. */
  private static String json(JsonNode point, String key) {
    JsonNode n = point;
    for (String part : key.split("\\.")) {
      n = n.get(part);
      assertTrue(n != null, () -> "no " + key + " in " + point);
    }
    return n.asText();
  }

  private static Document page(Path file) throws IOException {
    return XmlPage.parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a chart per figure; every dot and cell holds the --json figure of its point")
  void figuresEqualJson() throws IOException {
    Path file = tmp.resolve("sweep.html");
    Result r =
        sweep(
            "dpcs.nicRx.target=0..3",
            "--json",
            "--html",
            file.toString(),
            "--show",
            "lat-p99,dpc,ipi-tx,hash");
    assertEquals(0, r.status(), r.err());
    JsonNode points = parse(r.out()).get("points");
    assertEquals(4, points.size());
    Document doc = page(file);
    Map<String, String> keys =
        Map.of(
            "lat-p99", "latencyNs.p99",
            "dpc", "dpcTimeNs",
            "ipi-tx", "ipisSent",
            "hash", "traceSha256");

    List<Element> charts = XmlPage.withAttribute(doc, "svg", "data-figure");
    assertEquals(
        List.of("lat-p99", "dpc", "ipi-tx"),
        charts.stream().map(e -> e.getAttribute("data-figure")).toList(),
        "a chart per figure that is a number, in --show order");
    for (Element chart : charts) {
      String figure = chart.getAttribute("data-figure");
      assertEquals("numeric", chart.getAttribute("data-axis"), "0..3 are numbers");
      List<Element> dots = new ArrayList<>();
      for (Element c : XmlPage.withAttribute(doc, "circle", "data-figure")) {
        if (c.getAttribute("data-figure").equals(figure)) {
          dots.add(c);
        }
      }
      assertEquals(4, dots.size(), figure + ": a dot per point");
      for (Element dot : dots) {
        int i = Integer.parseInt(dot.getAttribute("data-point"));
        assertAll(
            figure + " point " + i,
            () -> assertEquals(Integer.toString(i), dot.getAttribute("data-x")),
            () ->
                assertEquals(json(points.get(i), keys.get(figure)), dot.getAttribute("data-value")),
            () -> assertEquals(1, dot.getElementsByTagName("title").getLength()));
      }
    }

    List<Element> rows = XmlPage.withAttribute(doc, "tr", "data-point");
    assertEquals(4, rows.size());
    for (Element row : rows) {
      int i = Integer.parseInt(row.getAttribute("data-point"));
      Map<String, Element> cells = XmlPage.childrenBy(row, "td", "data-figure");
      assertEquals(List.of("lat-p99", "dpc", "ipi-tx", "hash"), List.copyOf(cells.keySet()));
      for (Map.Entry<String, Element> c : cells.entrySet()) {
        assertEquals(
            json(points.get(i), keys.get(c.getKey())),
            c.getValue().getAttribute("data-value"),
            c.getKey() + " point " + i);
      }
    }
    // Moving the Medium receive DPC off CPU 0 raises its p99 (docs/outputs.md): the chart shows it.
    assertTrue(
        points.get(1).get("latencyNs").get("p99").asLong()
            > points.get(0).get("latencyNs").get("p99").asLong());
  }

  @Test
  @DisplayName("the table's cells read as the text table's; --json does not change the page")
  void cellsEqualTable() throws IOException {
    Path withTable = tmp.resolve("a.html");
    Path withJson = tmp.resolve("b.html");
    Result table = sweep("dpcs.nicRx.target=0..2", "--html", withTable.toString(), "--jobs", "1");
    Result json = sweep("dpcs.nicRx.target=0..2", "--json", "--html", withJson.toString());
    assertEquals(0, table.status(), table.err());
    assertEquals(0, json.status(), json.err());
    String html = Files.readString(withTable, StandardCharsets.UTF_8);
    assertEquals(html, Files.readString(withJson, StandardCharsets.UTF_8), "the same bytes");
    List<String> lines = table.outLines();
    assertTrue(lines.get(3).startsWith("dpcs.nicRx.target "), lines.get(3));
    List<Element> rows = XmlPage.withAttribute(XmlPage.parse(html), "tr", "data-point");
    assertEquals(3, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(
          List.of(lines.get(4 + i).trim().split(" +")), XmlPage.cellTexts(rows.get(i)), "row " + i);
    }
    assertAll(
        () -> assertFalse(html.contains("<script"), "no script"),
        () -> assertFalse(html.contains(" src="), "nothing fetched"),
        () -> assertFalse(html.contains(" href="), "nothing linked"),
        () -> assertTrue(html.contains("<dd data-key=\"swept\">dpcs.nicRx.target</dd>")),
        () -> assertTrue(html.contains("<dd data-key=\"points\">3</dd>")));
  }

  @Test
  @DisplayName("values that are not numbers: a categorical axis, one slot per value in order")
  void categorical() throws IOException {
    Path file = tmp.resolve("importance.html");
    Result r =
        sweep("dpcs.nicRx.importance=low,medium,high", "--html", file.toString(), "--show", "dpc");
    assertEquals(0, r.status(), r.err());
    Document doc = page(file);
    Element chart = XmlPage.withAttribute(doc, "svg", "data-figure").get(0);
    assertEquals("categorical", chart.getAttribute("data-axis"));
    List<Element> dots = XmlPage.withAttribute(doc, "circle", "data-x");
    assertEquals(
        List.of("low", "medium", "high"),
        dots.stream().map(e -> e.getAttribute("data-x")).toList());
    List<Double> xs = dots.stream().map(e -> Double.parseDouble(e.getAttribute("cx"))).toList();
    assertTrue(xs.get(0) < xs.get(1) && xs.get(1) < xs.get(2), "left to right in order: " + xs);
    assertEquals(xs.get(1) - xs.get(0), xs.get(2) - xs.get(1), 0.11, "even slots");
  }

  @Test
  @DisplayName("an existing file without --force: exit 2, one line, the file unchanged")
  void existingFile() throws IOException {
    Path file = tmp.resolve("sweep.html");
    Files.writeString(file, "keep me\n");
    assertOneLineError(
        sweep("dpcs.nicRx.target=0..1", "--html", file.toString()),
        "--html",
        file.toString(),
        "exists",
        "--force");
    assertEquals("keep me\n", Files.readString(file));
    assertEquals(List.of(file), filesIn(tmp));

    Result forced = sweep("dpcs.nicRx.target=0..1", "--html", file.toString(), "--force");
    assertEquals(0, forced.status(), forced.err());
    assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    assertEquals(List.of(file), filesIn(tmp), "no .part file left");
  }

  @Test
  @DisplayName("a missing folder, --html -, a refused value: exit 2, one line, no file")
  void errorsLeaveNoFile() throws IOException {
    Path missing = tmp.resolve("nowhere").resolve("sweep.html");
    assertOneLineError(
        sweep("dpcs.nicRx.target=0..1", "--html", missing.toString()), "--html", "does not exist");
    assertOneLineError(
        sweep("dpcs.nicRx.target=0..1", "--html", "-"), "--html -", "give a file name");
    Path file = tmp.resolve("sweep.html");
    assertOneLineError(
        sweep("dpcs.nicRx.target=2..9", "--html", file.toString()), "--over dpcs.nicRx.target=4");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("sweep --help lists --html and --force")
  void help() {
    Result r = dpcsim("sweep", "--help");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("--html=FILE"), r.out());
    assertTrue(r.out().contains("--force"), r.out());
  }
}
