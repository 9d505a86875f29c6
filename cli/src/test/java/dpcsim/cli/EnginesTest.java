package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.actors.ActorEngine;
import dpcsim.actors.Engine;
import dpcsim.actors.Pauses;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine registry: names, the one unknown-name error every command gives, starting one. */
class EnginesTest {
  private static final String KNOWN = "(expected one of sequential, actors, local-nodes, cluster)";

  @Test
  @DisplayName("the registry names every engine once, sequential first")
  void names() {
    assertEquals(List.of("sequential", "actors", "local-nodes", "cluster"), Engines.names());
  }

  @Test
  @DisplayName("local-nodes-N is local-nodes; other names resolve to themselves")
  void counted() {
    assertEquals("local-nodes", Engines.check("--engines", "local-nodes-3"));
    assertEquals("sequential", Engines.check("--engine", "sequential"));
    assertThrows(UserError.class, () -> Engines.check("--engine", "sequential-2"));
    assertThrows(UserError.class, () -> Engines.check("--engine", "local-nodes-0"));
  }

  @Test
  @DisplayName("an unknown engine is one line naming the flag and the registry's names")
  void unknown() {
    UserError e = assertThrows(UserError.class, () -> Engines.check("--engine", "quantum"));
    assertEquals("--engine: unknown engine 'quantum' " + KNOWN, e.getMessage());
  }

  @Test
  @DisplayName("an engine that lacks a setting says which")
  void missingSettings() {
    assertThrows(
        UserError.class, () -> Engines.start("--engine", "cluster", Engines.Settings.DEFAULT));
    assertThrows(
        UserError.class, () -> Engines.start("--engine", "local-nodes", Engines.Settings.DEFAULT));
  }

  @Test
  @DisplayName(
      "the sequential engine from the registry gives SequentialEngine's trace on the caller's"
          + " thread")
  void sequentialFromRegistry() {
    Scenario s = ExampleScenarios.load(ExampleScenarios.files().get(0));
    try (Engine e = Engines.start("--engine", "sequential", Engines.Settings.DEFAULT)) {
      assertEquals(SequentialEngine.NAME, e.name());
      assertTrue(e.runsOnCallingThread(), "bench counts the caller's thread as its engine");
      RunResult r = e.run(s, null, TraceOutputs.NONE, ActorEngine.Options.DEFAULT, Pauses.NEVER);
      assertEquals(SequentialEngine.run(s, null, false).traceSha256(), r.traceSha256());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "compare", "debug"})
  @DisplayName("run, compare and debug refuse an unknown --engine with the same line")
  void everyCommand(String command) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(command, CliTest.examplePath("timers.yaml"), "--engine", "quantum"));
    if (command.equals("compare")) {
      args.addAll(List.of("--profiles", "win10"));
    }
    CliTest.Result r = CliTest.dpcsim(args.toArray(String[]::new));
    CliTest.assertOneLineError(r, "--engine: unknown engine 'quantum' " + KNOWN);
  }

  @Test
  @DisplayName("bench refuses an unknown engine with the same line, for --engines")
  void bench() {
    CliTest.Result r =
        CliTest.dpcsim("bench", "--workload", "storm", "--engines", "sequential,quantum");
    CliTest.assertOneLineError(r, "--engines: unknown engine 'quantum' " + KNOWN);
  }
}
