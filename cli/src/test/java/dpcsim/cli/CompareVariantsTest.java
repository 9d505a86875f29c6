package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.ExampleScenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code compare} with variants, with several files, and either under several profiles. */
class CompareVariantsTest {
  static final Path NIC = ExampleScenarios.repoRoot().resolve("scenarios/nic-storm-cpu0.yaml");
  static final Path RSS = ExampleScenarios.repoRoot().resolve("scenarios/nic-rss-spread8.yaml");

  record Result(int status, String out, String err) {}

  static Result dpcsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  static String runHash(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--engine", "sequential", "--duration", "20ms", "--json"));
    Result r = dpcsim(all.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    Matcher m = Pattern.compile("\"traceSha256\":\"([0-9a-f]{64})\"").matcher(r.out());
    assertTrue(m.find());
    return m.group(1);
  }

  @Test
  @DisplayName("variants under a profile: a column each, the runs with those settings")
  void variants() throws Exception {
    Result r =
        dpcsim(
            "compare",
            NIC.toString(),
            "--variant",
            "normal:",
            "--variant",
            "threaded:dpcs.nicRx.threaded=true;dpcs.nicTx.threaded=true",
            "--profiles",
            "win10",
            "--duration",
            "20ms",
            "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode cols = new ObjectMapper().readTree(r.out()).get("profiles");
    assertEquals(2, cols.size());
    assertEquals("normal/win10", cols.get(0).get("column").asText());
    assertEquals("win10", cols.get(0).get("profile").asText());
    assertEquals("threaded/win10", cols.get(1).get("column").asText());
    assertEquals(
        runHash("run", NIC.toString(), "--set", "profile=win10"),
        cols.get(0).get("traceSha256").asText());
    assertEquals(
        runHash(
            "run",
            NIC.toString(),
            "--set",
            "profile=win10",
            "--set",
            "dpcs.nicRx.threaded=true",
            "--set",
            "dpcs.nicTx.threaded=true"),
        cols.get(1).get("traceSha256").asText());

    Result table =
        dpcsim(
            "compare",
            NIC.toString(),
            "--variant",
            "normal:",
            "--variant",
            "high:dpcs.nicRx.importance=high",
            "--duration",
            "20ms");
    assertEquals(0, table.status(), table.err());
    assertTrue(table.out().lines().anyMatch(l -> l.matches(" +normal +high")), table.out());
  }

  @Test
  @DisplayName("two files: a column each, named by file; with --profiles, each under each")
  void files() throws Exception {
    Result r =
        dpcsim(
            "compare",
            NIC.toString(),
            RSS.toString(),
            "--profiles",
            "ws03,win10",
            "--duration",
            "20ms",
            "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode cols = new ObjectMapper().readTree(r.out()).get("profiles");
    List<String> labels = new ArrayList<>();
    cols.forEach(c -> labels.add(c.get("column").asText()));
    assertEquals(
        List.of(
            "nic-storm-cpu0/ws03",
            "nic-storm-cpu0/win10",
            "nic-rss-spread8/ws03",
            "nic-rss-spread8/win10"),
        labels);
    assertEquals(runHash("run", RSS.toString()), cols.get(2).get("traceSha256").asText());
    // Without --profiles, each file under its own profile; the JSON of plain profiles has no
    // column key.
    Result plain = dpcsim("compare", NIC.toString(), "--profiles", "ws03", "--json");
    assertTrue(!plain.out().contains("\"column\""), plain.out());
  }

  @Test
  @DisplayName("mistakes: one line each, naming the flag, before anything runs")
  void mistakes() {
    assertEquals(
        "dpcsim: compare needs columns: --profiles P1,P2,..., --variant NAME:PATH=VALUE;... (once"
            + " per column), or several SCENARIO files",
        dpcsim("compare", NIC.toString()).err().strip());
    assertTrue(
        dpcsim("compare", NIC.toString(), RSS.toString(), "--variant", "a:")
            .err()
            .contains("--variant compares variants of one file"));
    assertTrue(
        dpcsim("compare", NIC.toString(), "--variant", "no colon")
            .err()
            .contains("expected NAME:"));
    assertTrue(
        dpcsim("compare", NIC.toString(), "--variant", "a:", "--variant", "a:")
            .err()
            .contains("the name 'a' is used twice"));
    Result bad =
        dpcsim(
            "compare", NIC.toString(), "--variant", "far:dpcs.nicRx.target=9", "--variant", "a:");
    assertEquals(2, bad.status());
    assertTrue(
        bad.err().strip().startsWith("dpcsim: --variant far: --set dpcs.nicRx.target=9: "),
        bad.err());
    assertEquals("", bad.out());
  }
}
