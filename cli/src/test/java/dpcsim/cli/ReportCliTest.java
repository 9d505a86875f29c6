package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static dpcsim.cli.CliTest.examplePath;
import static dpcsim.cli.CliTest.filesIn;
import static dpcsim.cli.CliTest.footer;
import static dpcsim.cli.CliTest.runExample;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.cli.CliTest.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpcsim run --report FILE}: the file is written whole after the run, on every engine. Its
 * checks as an output file (no overwriting without --force, bad paths refused before the run) are
 * {@link OutputFileCliTest}'s.
 */
@DisplayName("dpcsim run --report")
class ReportCliTest {
  private static final Pattern SHA = Pattern.compile("data-key=\"traceSha256\">([0-9a-f]{64})<");

  @TempDir Path tmp;

  /** The trace hash a report shows. */
  static String shaIn(String html) {
    Matcher m = SHA.matcher(html);
    assertTrue(m.find(), "traceSha256 in the report");
    return m.group(1);
  }

  @Test
  @DisplayName("writes one HTML file holding the run's hash; the summary is printed as usual")
  void writesReport() throws IOException {
    Path file = tmp.resolve("report.html");
    Result r = runExample("remote-high.yaml", "--report", file.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertAll(
        () -> assertTrue(html.startsWith("<!DOCTYPE html>"), "a page"),
        () -> assertEquals(footer(r.outLines()).sha256(), shaIn(html)),
        () -> assertTrue(html.contains("id=\"ipi-chart\"")),
        () -> assertTrue(html.contains("<rect data-from=\"0\" data-to=\"1\" data-count=\"1\"")),
        () -> assertEquals(List.of(file), filesIn(tmp), "no .part file left"));
  }

  @Test
  @DisplayName("the actor engine writes the same report (only the engine differs)")
  void actorsEngine() throws IOException {
    Path seq = tmp.resolve("seq.html");
    Path actors = tmp.resolve("actors.html");
    String scenario = examplePath("remote-high.yaml");
    Result a = dpcsim("run", scenario, "--engine", "sequential", "--report", seq.toString());
    Result b = dpcsim("run", scenario, "--report", actors.toString());
    assertEquals(0, a.status(), a.err());
    assertEquals(0, b.status(), b.err());
    String engine = "<dd data-key=\"engine\">";
    assertEquals(
        Files.readString(seq).replace(engine + "sequential<", engine + "X<"),
        Files.readString(actors).replace(engine + "actors<", engine + "X<"));
  }

  @Test
  @DisplayName("a scenario that does not load leaves no report")
  void badScenario() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nprocessors: 2\nduration: 1ms\nbogus: 3\n");
    Path file = tmp.resolve("report.html");
    Result r = dpcsim("run", bad.toString(), "--engine", "sequential", "--report", file.toString());
    assertOneLineError(r, "bogus");
    assertEquals(List.of(bad), filesIn(tmp));
  }

  @Test
  @DisplayName("run --help lists --report")
  void help() {
    Result r = dpcsim("run", "--help");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("--report=FILE"), r.out());
  }
}
