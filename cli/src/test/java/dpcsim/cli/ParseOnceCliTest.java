package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenario is parsed once per JVM per run: the command, the coordinator and every processor
 * host in this JVM share one parse ({@code ScenarioLoader.parses()} counts them). Each run gets a
 * text of its own (a fresh comment), so an earlier test's parse cannot hide one.
 */
class ParseOnceCliTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sequential", "actors", "local-nodes-2"})
  @DisplayName("run parses the scenario once in this JVM, whatever the engine")
  void oneParsePerRun(String engine) throws IOException {
    Path file = dir.resolve("once.yaml");
    Files.writeString(
        file, "# " + UUID.randomUUID() + "\n" + Files.readString(CliTest.example("timers.yaml")));
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "--duration", "20ms"));
    if (engine.startsWith("local-nodes-")) {
      args.addAll(List.of("--local-nodes", engine.substring("local-nodes-".length())));
    } else {
      args.addAll(List.of("--engine", engine));
    }
    long before = ScenarioLoader.parses();
    CliTest.Result r = CliTest.dpcsim(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    assertEquals(1, ScenarioLoader.parses() - before, "parses in this JVM for one run");
  }
}
