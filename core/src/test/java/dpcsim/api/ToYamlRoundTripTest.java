package dpcsim.api;

import static dpcsim.api.Action.insert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Scenario#toYaml()} loads back to an equal scenario. */
class ToYamlRoundTripTest {

  /** Every scenario of scenarios/ and docs/examples/ that loads (the bad-*.yaml ones do not). */
  private static List<Path> examples() throws IOException {
    List<Path> files = new ArrayList<>(ExampleScenarios.files());
    try (Stream<Path> s = Files.list(ExampleScenarios.repoRoot().resolve("docs/examples"))) {
      s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().startsWith("bad-"))
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  private static Scenario reload(Scenario s) {
    return Scenarios.fromYaml(s.toYaml(), s.source());
  }

  @Test
  @DisplayName("every example scenario: toYaml loads back to an equal scenario")
  void examplesRoundTrip() throws IOException {
    List<Path> files = examples();
    assertTrue(files.size() >= 13, "examples found: " + files);
    for (Path file : files) {
      Scenario s = Scenarios.load(file);
      assertEquals(s, reload(s), file.toString());
    }
  }

  @Test
  @DisplayName("the bad examples are refused, so the round trip skips only what cannot load")
  void badExamplesDoNotLoad() throws IOException {
    try (Stream<Path> s = Files.list(ExampleScenarios.repoRoot().resolve("docs/examples"))) {
      for (Path bad :
          s.filter(p -> p.getFileName().toString().startsWith("bad-")).sorted().toList()) {
        assertFalse(loads(bad), bad + " loads: add it to the round trip");
      }
    }
  }

  private static boolean loads(Path file) {
    try {
      Scenarios.load(file);
      return true;
    } catch (InvalidScenarioException e) {
      return false;
    }
  }

  @Test
  @DisplayName("toYaml of a built scenario: per-CPU instances written out, defaults left out")
  void builtRoundTrip() {
    Scenario built =
        Scenarios.builder()
            .processors(2)
            .duration("5ms")
            .seed(-1)
            .load(1, 0.125)
            .dpc("rx", d -> d.perCpu().module("ndis.sys").routine("3us"))
            .device("nic", d -> d.perCpu().poisson(0.1).isr("1us", insert("rx").args(-1L)))
            .build();
    assertEquals(built, reload(built));
    String yaml = built.toYaml();
    assertEquals(
        """
        name: builder
        profile: ws03
        processors: 2
        seed: -1
        duration: 5ms
        load:
          default: 0.0
          cpus: { 1: 0.125 }
          period: 1ms
        dpcs:
          "rx[0]":
            importance: medium
            target: 0
            module: ndis.sys
            function: rx
            routine: { duration: 3us }
          "rx[1]":
            importance: medium
            target: 1
            module: ndis.sys
            function: rx
            routine: { duration: 3us }
        devices:
          "nic[0]":
            interrupts: { poisson: 0.1/s }
            cpus: [0]
            module: nic
            function: nic
            isr: { duration: 1us, then: [{ insert: "rx[0]", args: [0xffffffffffffffff] }] }
          "nic[1]":
            interrupts: { poisson: 0.1/s }
            cpus: [1]
            module: nic
            function: nic
            isr: { duration: 1us, then: [{ insert: "rx[1]", args: [0xffffffffffffffff] }] }
        """,
        yaml);
  }

  @Test
  @DisplayName("a run of the written scenario has the original's trace hash")
  void sameTrace() {
    Scenario s = Scenarios.load(ExampleScenarios.repoRoot().resolve("scenarios/script-tour.yaml"));
    assertEquals(
        Simulation.run(s).traceSha256(),
        Simulation.run(Scenarios.fromYaml(s.toYaml())).traceSha256());
  }

  @Test
  @DisplayName("recorded arrivals and histogram durations, from YAML and from the builder")
  void timesAndHistograms() {
    Scenario s =
        Scenarios.fromYaml(
            "processors: 2\nduration: 1ms\ndpcs:\n  a: { routine: { duration: { histogram:"
                + " [[0us, 1us, 3], [8us, 16us, 2990]] } } }\ndevices:\n  d: { cpus: [1],"
                + " interrupts: { times: [10us, 10us, 250us] }, isr: { duration: 1us, then: [ {"
                + " insert: a } ] } }\n",
            "t.yaml");
    assertEquals(s, reload(s));
    Scenario built =
        Scenarios.builder()
            .processors(2)
            .duration("1ms")
            .dpc(
                "a",
                d ->
                    d.routine(
                        DurationSpec.histogram(
                            List.of(List.of("0us", "1us", 3), List.of("8us", "16us", 2990)))))
            .build();
    assertEquals(s.dpcs().get(0).routine().duration(), built.dpcs().get(0).routine().duration());
  }
}
