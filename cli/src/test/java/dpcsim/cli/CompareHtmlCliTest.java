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
import dpcsim.report.CompareRows;
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
 * {@code dpcsim compare --html FILE}: the page holds the figures of the same compare's {@code
 * --json} and its table's cells; the file is checked before any profile runs and written whole.
 */
@DisplayName("dpcsim compare --html")
class CompareHtmlCliTest {
  private static final String TIMERS = examplePath("timers.yaml");
  private static final List<String> PROFILES = List.of("ws03", "textbook");

  @TempDir Path tmp;

  private static Result compare(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("compare", TIMERS, "--duration", "50ms", "--profiles", "ws03,textbook"));
    args.addAll(List.of(more));
    return dpcsim(args.toArray(String[]::new));
  }

  /** The value at {@code key} ({@code latencyNs.p99} for a nested one), as the page writes it. */
  private static String json(JsonNode profile, String key) {
    JsonNode n = profile;
    for (String part : key.split("\\.")) {
      n = n.get(part);
      assertTrue(n != null, () -> "no " + key + " in " + profile);
    }
    return n.asText();
  }

  @Test
  @DisplayName("every table cell and bar holds the --json figure of its profile and key")
  void figuresEqualJson() throws IOException {
    Path file = tmp.resolve("cmp.html");
    Result r = compare("--json", "--html", file.toString());
    assertEquals(0, r.status(), r.err());
    JsonNode profiles = parse(r.out()).get("profiles");
    Document doc = XmlPage.parse(Files.readString(file, StandardCharsets.UTF_8));

    List<Element> rows = XmlPage.withAttribute(doc, "tr", "data-key");
    assertEquals(
        CompareRows.ALL.stream().map(CompareRows.Row::key).toList(),
        rows.stream().map(e -> e.getAttribute("data-key")).toList(),
        "one row per CompareTable row, in order");
    for (Element row : rows) {
      String key = row.getAttribute("data-key");
      Map<String, Element> cells = XmlPage.childrenBy(row, "td", "data-profile");
      assertEquals(PROFILES, List.copyOf(cells.keySet()), key);
      for (int i = 0; i < PROFILES.size(); i++) {
        assertEquals(
            json(profiles.get(i), key),
            cells.get(PROFILES.get(i)).getAttribute("data-value"),
            PROFILES.get(i) + " " + key);
      }
    }

    List<Element> bars = XmlPage.withAttribute(doc, "rect", "data-figure");
    assertEquals(7 * PROFILES.size(), bars.size(), "7 figures, a bar per profile");
    List<String> figures = new ArrayList<>();
    for (Element bar : bars) {
      String key = bar.getAttribute("data-figure");
      int i = PROFILES.indexOf(bar.getAttribute("data-profile"));
      assertTrue(i >= 0, bar.getAttribute("data-profile"));
      assertEquals(json(profiles.get(i), key), bar.getAttribute("data-value"), key);
      assertEquals(1, bar.getElementsByTagName("title").getLength(), key);
      if (i == 0) {
        figures.add(key);
      }
    }
    assertEquals(
        List.of(
            "dpcInterrupts",
            "ipisSent",
            "latencyNs.p50",
            "latencyNs.p99",
            "latencyNs.max",
            "dpcTimeNs",
            "maxQueueDepth"),
        figures);
    // The figures differ where the profiles do: textbook interrupts the idle CPU.
    assertEquals("0", json(profiles.get(0), "ipisSent"));
    assertFalse(json(profiles.get(1), "ipisSent").equals("0"));
  }

  @Test
  @DisplayName("the cells read as the text table's; --json does not change the page")
  void cellsEqualTable() throws IOException {
    Path withTable = tmp.resolve("a.html");
    Path withJson = tmp.resolve("b.html");
    Result table = compare("--html", withTable.toString());
    Result json = compare("--json", "--html", withJson.toString());
    assertEquals(0, table.status(), table.err());
    assertEquals(0, json.status(), json.err());
    String html = Files.readString(withTable, StandardCharsets.UTF_8);
    assertEquals(html, Files.readString(withJson, StandardCharsets.UTF_8));
    Document doc = XmlPage.parse(html);
    for (Element row : XmlPage.withAttribute(doc, "tr", "data-key")) {
      List<String> page = XmlPage.cellTexts(row);
      String line =
          table.outLines().stream()
              .filter(l -> l.startsWith(page.get(0) + "  "))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no row " + page.get(0)));
      assertEquals(
          List.of(line.substring(page.get(0).length()).trim().split(" +")),
          page.subList(1, page.size()),
          page.get(0));
    }
    assertAll(
        () -> assertFalse(html.contains("<script"), "no script"),
        () -> assertFalse(html.contains(" src="), "nothing fetched"),
        () -> assertFalse(html.contains(" href="), "nothing linked"),
        () -> assertTrue(html.contains("<dd data-key=\"engine\">sequential</dd>")));
  }

  @Test
  @DisplayName("an existing file without --force: exit 2, one line, the file unchanged")
  void existingFile() throws IOException {
    Path file = tmp.resolve("cmp.html");
    Files.writeString(file, "keep me\n");
    assertOneLineError(
        compare("--html", file.toString()), "--html", file.toString(), "exists", "--force");
    assertEquals("keep me\n", Files.readString(file));
    assertEquals(List.of(file), filesIn(tmp));

    Result forced = compare("--html", file.toString(), "--force");
    assertEquals(0, forced.status(), forced.err());
    assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    assertEquals(List.of(file), filesIn(tmp), "no .part file left");
  }

  @Test
  @DisplayName("a missing folder: exit 2, one line, nothing created")
  void missingFolder() throws IOException {
    Path file = tmp.resolve("nowhere").resolve("cmp.html");
    assertOneLineError(compare("--html", file.toString()), "--html", "does not exist");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("--html - is refused: the comparison itself goes to standard output")
  void notStdout() throws IOException {
    assertOneLineError(compare("--html", "-"), "--html -", "give a file name");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("a bad profile list fails first, and leaves no page")
  void badProfilesNoPage() throws IOException {
    Path file = tmp.resolve("cmp.html");
    assertOneLineError(
        dpcsim("compare", TIMERS, "--profiles", "ws03,nope", "--html", file.toString()), "'nope'");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("compare --help lists --html")
  void help() {
    Result r = dpcsim("compare", "--help");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("--html=FILE"), r.out());
  }
}
