package dpcsim.report;

import static dpcsim.TestTrace.feed;
import static dpcsim.TestTrace.insert;
import static dpcsim.TestTrace.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.stats.CpuStats;
import dpcsim.stats.Percentiles;
import dpcsim.stats.StatsCollector;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcRemove;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The report side of {@code dpcsim compare}: machine-wide latency, the per-profile figures, the
 * table with a faulted column, the JSON and the note on what the scenario overrides.
 */
@DisplayName("compare reports")
class CompareReportTest {
  private static Scenario example(String name) {
    return ExampleScenarios.load(ExampleScenarios.repoRoot().resolve("scenarios").resolve(name));
  }

  private static RunResult run(Scenario s) {
    return SequentialEngine.run(s, TraceOutputs.NONE);
  }

  @Test
  @DisplayName(
      "machine-wide latency pairs insert and start over all processors; a removed DPC has none")
  void machineLatencyByHand() {
    Percentiles m =
        feed(
                new StatsCollector(2),
                2_000,
                insert(100, 0, "a", 1),
                new DpcInsert(100, 1, "a", 0, true, "normal", "tail", 1), // another queue's entry
                start(130, 0, "a"),
                new DpcInsert(140, 1, "b", 1, false, null, null, 0), // FALSE: nothing queued
                start(150, 1, "b"),
                new DpcRemove(160, 1, "a", 1, true),
                start(170, 1, "a"), // removed: no latency
                insert(200, 1, "c", 1),
                start(1_200, 1, "c"))
            .stats()
            .machineLatency();
    assertEquals(2, m.count());
    assertEquals(new Percentiles(30, 1_000, 1_000, 2, 515), m);
  }

  @Test
  @DisplayName("one processor: the machine-wide latency is that processor's")
  void oneProcessorLatency() {
    Scenario s = example("nic-storm-cpu0.yaml").withDuration(100_000_000L);
    RunResult o = run(s);
    CpuStats cpu0 = o.cpus().get(0);
    assertTrue(cpu0.dpcExecuted() > 1_000, "a busy CPU 0");
    for (int cpu = 1; cpu < s.processors(); cpu++) {
      assertEquals(0, o.cpus().get(cpu).dpcExecuted(), "only CPU 0 runs DPCs");
    }
    Percentiles machine = o.stats().machineLatency();
    assertEquals(cpu0.latencyP50(), machine.p50());
    assertEquals(cpu0.latencyP99(), machine.p99());
    assertEquals(cpu0.latencyMax(), machine.max());
  }

  @Test
  @DisplayName("ProfileFigures sums the processors (largest depth and latency max over them)")
  void figuresSumProcessors() {
    Scenario s =
        ExampleScenarios.shortened(
            ExampleScenarios.repoRoot().resolve("scenarios/nic-rss-spread8.yaml"));
    RunResult o = run(s);
    ProfileFigures f = ProfileFigures.of(o);
    List<CpuStats> cpus = o.cpus();
    assertEquals("ws03", f.profile());
    assertEquals(8, f.processors());
    assertEquals(cpus.stream().mapToLong(CpuStats::dpcExecuted).sum(), f.dpcExecuted());
    assertEquals(cpus.stream().mapToLong(CpuStats::dpcInserted).sum(), f.dpcInserted());
    assertEquals(cpus.stream().mapToLong(CpuStats::dpcInterrupts).sum(), f.dpcInterrupts());
    assertEquals(cpus.stream().mapToLong(CpuStats::ipisSent).sum(), f.ipisSent());
    assertEquals(cpus.stream().mapToLong(CpuStats::dpcTimeNs).sum(), f.dpcTimeNs());
    assertEquals(cpus.stream().mapToLong(CpuStats::idleTimeNs).sum(), f.idleTimeNs());
    assertEquals(
        cpus.stream().mapToInt(CpuStats::maxQueueDepth).max().orElseThrow(), f.maxQueueDepth());
    assertEquals(cpus.stream().mapToLong(CpuStats::latencyMax).max().orElseThrow(), f.latencyMax());
    assertTrue(f.latencyP50() <= f.latencyP99() && f.latencyP99() <= f.latencyMax());
    assertEquals(8 * s.durationNs(), f.cpuTimeNs());
    assertEquals(o.traceSha256(), f.traceSha256());
    assertEquals(o.events(), f.events());
  }

  private static ProfileFigures figures(String profile, long executed) {
    return new ProfileFigures(
        profile,
        2,
        1_000_000,
        false,
        executed,
        0,
        executed,
        3,
        1,
        2,
        250_000,
        10_000,
        500_000,
        0,
        1_500,
        42_000,
        9_000,
        0,
        99,
        "0123456789abcdef".repeat(4));
  }

  @Test
  @DisplayName("the table: profiles as columns, figures right-aligned, a faulted column says so")
  void tableWithFault() {
    Scenario s = example("timers.yaml");
    List<String> lines =
        CompareTable.render(
            s,
            "sequential",
            List.of(
                new ProfileOutcome.Ran(figures("ws03", 7)),
                new ProfileOutcome.Faulted("win10", "processor 1 makes no progress at 5 ns"),
                new ProfileOutcome.Ran(figures("textbook", 12345))));
    assertEquals(s.name(), lines.get(0));
    assertEquals(
        "2 processors | seed 7 | duration 1.00s | engine sequential | the file's profile: ws03",
        lines.get(1));
    assertEquals("", lines.get(2));
    String header = lines.get(3);
    assertTrue(header.matches(" +ws03 +win10 +textbook"), header);
    int end = header.length();
    assertEquals(List.of("simulated", "1.00ms", "fault", "1.00ms"), cells(lines.get(4)));
    assertEquals(List.of("DPCs coalesced", "0", "-", "0"), cells(lines.get(6)));
    assertEquals(List.of("DPCs executed", "7", "-", "12345"), cells(lines.get(7)));
    assertEquals(List.of("DPC time", "12.5%", "-", "12.5%"), cells(lines.get(11)));
    assertEquals(List.of("latency p99", "1.50us", "-", "1.50us"), cells(lines.get(15)));
    assertEquals(List.of("traceSha256", "0123456789ab", "-", "0123456789ab"), cells(lines.get(20)));
    for (int i = 4; i <= 19; i++) {
      assertEquals(end, lines.get(i).length(), "right-aligned under the header: " + lines.get(i));
    }
    assertTrue(
        lines.contains("win10: fault: processor 1 makes no progress at 5 ns"), lines.toString());
  }

  /** A row's label and cells (labels may hold one space; cells hold none). */
  private static List<String> cells(String line) {
    String[] parts = line.trim().split(" {2,}");
    return List.of(parts);
  }

  @Test
  @DisplayName("the JSON: fixed key order, a faulted profile as {profile, fault}")
  void json() {
    Scenario s = example("timers.yaml");
    String json =
        CompareJson.render(
            s,
            List.of(
                new ProfileOutcome.Ran(figures("ws03", 7)),
                new ProfileOutcome.Faulted("win10", "a \"quoted\" fault")));
    assertEquals(
        "{\"scenario\":\""
            + s.name()
            + "\",\"seed\":7,\"processors\":2,\"profiles\":[{\"profile\":\"ws03\","
            + "\"simulatedNs\":1000000,\"stoppedByWatchdog\":false,\"dpcInserted\":7,\"dpcCoalesced\":0,"
            + "\"dpcExecuted\":7,\"dpcInterrupts\":3,\"ipisSent\":1,\"maxQueueDepth\":2,"
            + "\"dpcTimeNs\":250000,\"isrTimeNs\":10000,\"idleTimeNs\":500000,"
            + "\"latencyNs\":{\"p50\":0,\"p99\":1500,\"max\":42000,\"mean\":9000},\"watchdog\":0,\"events\":99,"
            + "\"traceSha256\":\""
            + "0123456789abcdef".repeat(4)
            + "\"},{\"profile\":\"win10\",\"fault\":\"a \\\"quoted\\\" fault\"}]}",
        json);
  }

  @Test
  @DisplayName("overrides: a scenario without any says every column has its profile's defaults")
  void noOverrides() {
    assertEquals(
        List.of(
            "the scenario sets no tunables, threadedDpcs or watchdog: every column has its"
                + " profile's defaults"),
        ScenarioOverrides.describe(example("timers.yaml"), List.of("ws03", "win10")));
  }

  @Test
  @DisplayName("overrides: threadedDpcs and watchdog are kept, naming profiles they cannot affect")
  void overridesNamed() {
    assertEquals(
        List.of(
            "kept from the scenario under every profile (over the profile's defaults):",
            "  threadedDpcs: true (no effect under reactos: no DPC threads (R-32))"),
        ScenarioOverrides.describe(
            example("threaded-vs-normal.yaml"), List.of("ws03", "win10", "reactos")));
    assertEquals(
        List.of(
            "kept from the scenario under every profile (over the profile's defaults):",
            "  watchdog: single 0x40, cumulative 0x200, action record (no effect under ws03,"
                + " textbook: no DPC watchdog (R-29))"),
        ScenarioOverrides.describe(example("watchdog.yaml"), List.of("ws03", "win10", "textbook")));
  }

  @Test
  @DisplayName("overrides: tunables are listed in R-10 order, whatever the file's order")
  void tunablesNamed() throws Exception {
    Scenario s =
        ScenarioLoader.parse(
            """
            name: t
            processors: 1
            duration: 1ms
            tunables: { idealDpcRate: 5, maximumDpcQueueDepth: 2 }
            """,
            "t.yaml",
            new LinkedHashSet<>(Profiles.names()));
    assertEquals(
        List.of(
            "kept from the scenario under every profile (over the profile's defaults):",
            "  tunables: maximumDpcQueueDepth 2, idealDpcRate 5 (R-10)"),
        ScenarioOverrides.describe(s, List.of("ws03")));
  }
}
