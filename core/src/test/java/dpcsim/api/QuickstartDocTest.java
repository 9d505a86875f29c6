package dpcsim.api;

import static dpcsim.api.Action.insert;
import static dpcsim.api.DurationSpec.exp;
import static dpcsim.scenario.Importance.HIGH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's quick start: its builder's toYaml is docs/examples/api-quickstart.yaml, and the
 * traceSha256 of Simulation.run is the one docs/api.md shows {@code dpcsim run} printing for that
 * file (DocExcerptsTest checks the command's side).
 */
class QuickstartDocTest {
  static Scenario quickstart() {
    return Scenarios.builder()
        .name("NIC receive DPC, built in Java")
        .profile("win10")
        .processors(4)
        .seed(7)
        .duration("200ms")
        .dpc("nicRx", d -> d.importance(HIGH).routine(exp("20us")))
        .device("nic", d -> d.poisson(20_000).cpus(0).isr("2us", insert("nicRx")))
        .build();
  }

  @Test
  @DisplayName("toYaml of the quick start's scenario is docs/examples/api-quickstart.yaml")
  void yamlFile() throws IOException {
    Path root = ExampleScenarios.repoRoot();
    assertEquals(
        Files.readString(root.resolve("docs/examples/api-quickstart.yaml")), quickstart().toYaml());
  }

  @Test
  @DisplayName("Simulation.run gives the traceSha256 docs/api.md shows dpcsim run printing")
  void sameHashAsTheCommand() throws IOException {
    String hash = Simulation.run(quickstart()).traceSha256();
    String doc = Files.readString(ExampleScenarios.repoRoot().resolve("docs/api.md"));
    assertTrue(doc.contains("traceSha256 " + hash), "docs/api.md does not show " + hash);
  }
}
