package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The trace format is a contract: every example scenario, whole, under every profile, with and
 * without clock Tick lines, must keep the {@code traceSha256} recorded in {@code
 * scenarios/trace-hashes.tsv}. A change that alters one is a deliberate behaviour change: rerun
 * with {@code -Ddpcsim.regenerate=true} to rewrite the file, and say why in the commit.
 */
@DisplayName(
    "Every example's traceSha256 under every profile stays what scenarios/trace-hashes.tsv says")
class TraceHashesTest {
  private static final String HEADER = "# scenario\tprofile\tticks\tevents\ttraceSha256";

  @Test
  void examplesKeepTheirHashes() throws IOException {
    Path golden = ExampleScenarios.repoRoot().resolve("scenarios/trace-hashes.tsv");
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (Path file : ExampleScenarios.files()) {
      Scenario base = ExampleScenarios.load(file);
      for (String profile : Profiles.names()) {
        for (boolean ticks : new boolean[] {false, true}) {
          RunResult r = SequentialEngine.run(base.withProfile(profile), null, ticks);
          lines.add(
              String.join(
                  "\t",
                  file.getFileName().toString(),
                  profile,
                  ticks ? "ticks" : "-",
                  Long.toString(r.events()),
                  r.traceSha256()));
        }
      }
    }
    if (Boolean.getBoolean("dpcsim.regenerate")) {
      Files.write(golden, lines, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(golden), golden + " is missing: run with -Ddpcsim.regenerate=true");
    Map<String, String> expected = byKey(Files.readAllLines(golden, StandardCharsets.UTF_8));
    Map<String, String> actual = byKey(lines);
    assertEquals(expected.keySet(), actual.keySet(), "the set of examples and profiles changed");
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!e.getValue().equals(actual.get(e.getKey()))) {
        changed.add(e.getKey() + ": " + e.getValue() + " -> " + actual.get(e.getKey()));
      }
    }
    assertTrue(changed.isEmpty(), "traces changed:\n" + String.join("\n", changed));
  }

  private static Map<String, String> byKey(List<String> lines) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      m.put(f[0] + " " + f[1] + " " + f[2], f[3] + " " + f[4]);
    }
    return m;
  }
}
