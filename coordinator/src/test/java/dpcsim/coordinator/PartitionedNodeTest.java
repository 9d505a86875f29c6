package dpcsim.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dpcsim.ExampleScenarios;
import dpcsim.OneNodeCluster;
import dpcsim.ScenarioSources;
import dpcsim.actors.ActorEngine;
import dpcsim.actors.ClusterRun;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Phold;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One processor node running three hosts (dpcsim.node.partitions = 3), each a part of the two-level
 * coordinator with its own thread: the driver tells them apart by host, places processors on them
 * in order and synchronises them as it does nodes, with the sequential trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LogCapturingExtension.class)
class PartitionedNodeTest {
  ActorTestKit testKit;
  ActorRef<CoordinatorMessage> coordinator;

  @BeforeAll
  void startCluster() {
    Config config =
        ConfigFactory.parseString(
                """
                pekko.actor.serialize-messages = on
                pekko.actor.serialize-creators = off
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                dpcsim.node.partitions = 3
                """)
            .withFallback(ActorEngine.embeddedConfig())
            .resolve();
    OneNodeCluster node = OneNodeCluster.start(config);
    testKit = node.testKit();
    coordinator = node.coordinator();
  }

  @AfterAll
  void stopCluster() {
    testKit.shutdownTestKit();
  }

  private RunResult run(Scenario s, ScenarioSource source, int hosts) {
    return ClusterRun.submit(
        testKit.system(),
        coordinator,
        s,
        source,
        TraceOutputs.NONE,
        hosts,
        new ActorEngine.Options(Long.MAX_VALUE, Duration.ofSeconds(30), Duration.ofSeconds(20)));
  }

  @Test
  @DisplayName("PHOLD on 2 and 3 hosts of one node: the sequential trace, synchronised by grants")
  void phold() throws Exception {
    String yaml = Phold.yaml(12, 2, 0.5, "10us", 42, "3ms");
    Scenario s =
        ScenarioLoader.parse(
            yaml, "phold.yaml", new LinkedHashSet<>(dpcsim.kernel.Profiles.names()));
    RunResult seq = SequentialEngine.run(s, null, false);
    for (int hosts : new int[] {2, 3}) {
      RunResult a = run(s, new ScenarioSource(yaml, "phold.yaml", s.seed(), s.durationNs()), hosts);
      assertEquals(seq.traceSha256(), a.traceSha256(), hosts + " hosts");
      assertEquals(seq.stats(), a.stats());
      assertTrue(a.counters().localWindows() > 0, "the hosts ran local windows");
      assertEquals(hosts, a.placement().size(), "a range per host");
    }
  }

  @Test
  @DisplayName("shared KDPCs across hosts of one node: the sequential trace")
  void sharedKdpcs() {
    Path file =
        ExampleScenarios.files().stream()
            .filter(f -> f.getFileName().toString().equals("nic-storm-spread4.yaml"))
            .findFirst()
            .orElseThrow();
    Scenario s = ExampleScenarios.shortened(file);
    RunResult seq = SequentialEngine.run(s, null, false);
    RunResult a = run(s, ScenarioSources.source(s), 3);
    assertEquals(seq.traceSha256(), a.traceSha256());
    assertTrue(a.counters().sharedSteps() > 0);
  }

  @Test
  @DisplayName("per-CPU templates, expanded where each host parses the text: the sequential trace")
  void perCpuTemplates() throws Exception {
    String yaml =
        Files.readString(ExampleScenarios.repoRoot().resolve("docs/examples/per-cpu-timer.yaml"));
    Scenario s =
        ScenarioLoader.parse(
            yaml, "per-cpu-timer.yaml", new LinkedHashSet<>(dpcsim.kernel.Profiles.names()));
    RunResult seq = SequentialEngine.run(s, null, false);
    RunResult a =
        run(s, new ScenarioSource(yaml, "per-cpu-timer.yaml", s.seed(), s.durationNs()), 3);
    assertEquals(seq.traceSha256(), a.traceSha256());
    assertEquals(seq.stats(), a.stats());
    assertEquals(64, s.dpcs().size(), "tick[0] .. tick[63]");
  }

  @Test
  @DisplayName("histogram durations (an imported machine) on 3 hosts: the sequential trace")
  void histogramDurations() throws Exception {
    String yaml =
        Files.readString(ExampleScenarios.repoRoot().resolve("docs/examples/imported-4cpu.yaml"))
            .replace("duration: 10s", "duration: 100ms");
    Scenario s =
        ScenarioLoader.parse(
            yaml, "imported-4cpu.yaml", new LinkedHashSet<>(dpcsim.kernel.Profiles.names()));
    RunResult seq = SequentialEngine.run(s, null, false);
    RunResult a =
        run(s, new ScenarioSource(yaml, "imported-4cpu.yaml", s.seed(), s.durationNs()), 3);
    assertEquals(seq.traceSha256(), a.traceSha256());
    assertEquals(seq.stats(), a.stats());
    assertTrue(seq.events() > 1_000, "it ran");
  }

  @Test
  @DisplayName("recorded arrivals (interrupts: { times }) on 2 hosts: the sequential trace")
  void recordedArrivals() throws Exception {
    String yaml =
        "processors: 4\nduration: 2ms\ndpcs:\n  a: { target: 2, routine: { duration: 3us } }\n"
            + "devices:\n  d: { cpus: [3], interrupts: { times: [10us, 10us, 400us, 1200us] },"
            + " isr: { duration: 1us, then: [ { insert: a } ] } }\n"
            + "  e: { cpus: [0], interrupts: { times: [5us, 700us] }, isr: { duration: 2us } }\n";
    Scenario s =
        ScenarioLoader.parse(yaml, "t.yaml", new LinkedHashSet<>(dpcsim.kernel.Profiles.names()));
    RunResult seq = SequentialEngine.run(s, null, false);
    RunResult a = run(s, new ScenarioSource(yaml, "t.yaml", s.seed(), s.durationNs()), 2);
    assertEquals(seq.traceSha256(), a.traceSha256());
    assertEquals(4, seq.devices().get(0).isrCount());
  }
}
