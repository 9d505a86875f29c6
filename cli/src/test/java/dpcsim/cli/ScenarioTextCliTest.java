package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.cli.CliTest.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario text is data, never terminal control: names with ESC, CR or LF reach the terminal, the
 * errors, the HTML report, Perfetto and the debugger as visible escapes ({@code \e}, {@code \r},
 * {@code \n}) and never start a line of their own. The JSON Lines trace keeps its JSON escaping.
 */
@DisplayName("scenario text is shown escaped")
class ScenarioTextCliTest {
  @TempDir Path tmp;

  /**
   * A name that would forge an error line, a KDPC that would clear the screen, a device with LF.
   */
  private static final String EVIL =
      """
      name: "evil\\e[31m\\r\\nfake.yaml:1:1: forged"
      processors: 1
      duration: 1ms
      dpcs:
        "rx\\e[2J": { routine: { duration: 5us } }
      devices:
        "nic\\n": { interrupts: { periodic: 100us }, isr: { duration: 1us, then: [ { insert: "rx\\e[2J" } ] } }
      script:
        - { at: 0us, cpu: 0, do: raiseIrql, level: DISPATCH }
        - { at: 1us, cpu: 0, do: insert, dpc: "rx\\e[2J" }
        - { at: 50us, cpu: 0, do: lowerIrql, level: PASSIVE }
      """;

  private static final String NAME = "evil\\e[31m\\r\\nfake.yaml:1:1: forged";

  private Path evil() throws IOException {
    Path p = tmp.resolve("evil.yaml");
    Files.writeString(p, EVIL);
    return p;
  }

  private static void assertNoControl(String text) {
    for (char c : text.toCharArray()) {
      assertTrue(c == '\n' || c >= 0x20 && c != 0x7f, () -> "raw U+" + (int) c + " in:\n" + text);
    }
  }

  @Test
  @DisplayName("validate: the name on its line, escaped")
  void validate() throws IOException {
    Result r = dpcsim("validate", evil().toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(2, r.outLines().size(), r.out());
    assertTrue(r.outLines().get(0).contains(": ok: \"" + NAME + "\", profile ws03"), r.out());
    assertTrue(r.outLines().get(1).contains("KDPC rx\\e[2J: "), r.out());
    assertNoControl(r.out());
  }

  @Test
  @DisplayName("an error quoting a forged profile is one line")
  void forgedProfile() throws IOException {
    Path p = tmp.resolve("profile.yaml");
    Files.writeString(p, "processors: 1\nduration: 1ms\nprofile: \"x\\ny.yaml:1:1: fake\"\n");
    Result r = dpcsim("validate", p.toString());
    assertOneLineError(r, p + ":3:10: profile: unknown profile 'x\\ny.yaml:1:1: fake'");
    assertNoControl(r.err());
  }

  @Test
  @DisplayName("a path with control characters is escaped in an error too")
  void path() {
    Result r = dpcsim("validate", tmp.resolve("x\ny.yaml:1:1: \u001b[2Jfake").toString());
    assertOneLineError(r, "x\\ny.yaml:1:1: \\e[2Jfake: cannot read: no such file");
    assertNoControl(r.err());
  }

  @Test
  @DisplayName("run: the summary names the scenario, KDPC and device escaped")
  void runSummary() throws IOException {
    Result r = dpcsim("run", evil().toString(), "--engine", "sequential");
    assertEquals(0, r.status(), r.err());
    assertEquals(NAME, r.outLines().get(0));
    assertTrue(r.out().contains("rx\\e[2J"), r.out());
    assertTrue(r.out().contains("nic\\n"), r.out());
    assertNoControl(r.out());
  }

  @Test
  @DisplayName("the HTML report and Perfetto show the escapes; the trace keeps JSON's")
  void files() throws IOException {
    Path html = tmp.resolve("r.html");
    Path perfetto = tmp.resolve("p.json");
    Path trace = tmp.resolve("t.jsonl");
    Result r =
        dpcsim(
            "run",
            evil().toString(),
            "--engine",
            "sequential",
            "--report",
            html.toString(),
            "--perfetto",
            perfetto.toString(),
            "--trace",
            trace.toString());
    assertEquals(0, r.status(), r.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertNoControl(page);
    assertTrue(page.contains("evil\\e[31m\\r\\nfake.yaml:1:1: forged"), "the title, escaped");
    assertTrue(page.contains("rx\\e[2J"), "the KDPC, escaped");
    Set<String> names = new HashSet<>();
    for (JsonNode e : new ObjectMapper().readTree(perfetto.toFile()).get("traceEvents")) {
      names.add(e.get("name").asText());
    }
    assertTrue(names.contains("rx\\e[2J"), names.toString());
    assertTrue(names.contains("nic\\n"), names.toString());
    assertFalse(names.contains("rx\u001b[2J"), names.toString());
    String lines = Files.readString(trace, StandardCharsets.UTF_8);
    assertTrue(lines.contains("\"rx\\u001b[2J\""), "JSON's own escape, unchanged");
  }

  @Test
  @DisplayName("the debugger shows the KDPC escaped")
  void debugger() throws IOException {
    Path commands = tmp.resolve("commands.txt");
    Files.write(commands, List.of("!dpcs", "q"));
    Result r =
        dpcsim(
            "debug",
            evil().toString(),
            "--engine",
            "sequential",
            "--break-at",
            "10us",
            "--commands",
            commands.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("rx\\e[2J"), r.out());
    assertNoControl(r.out());
  }
}
