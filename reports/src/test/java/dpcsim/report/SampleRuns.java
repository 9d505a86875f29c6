package dpcsim.report;

import dpcsim.ExampleScenarios;
import dpcsim.engine.EngineCounters;
import dpcsim.engine.RunResult;
import dpcsim.scenario.Scenario;
import dpcsim.stats.CpuStats;
import dpcsim.stats.DeviceStats;
import dpcsim.stats.DpcStats;
import dpcsim.stats.Percentiles;
import dpcsim.stats.RunStats;
import java.util.List;

/** A hand-made run result over scenarios/remote-high.yaml (4 processors), for report tests. */
final class SampleRuns {
  private SampleRuns() {}

  static final long SIMULATED = 20_000_000;

  static RunResult remoteHigh(String oddName) {
    Scenario s =
        ExampleScenarios.load(
            ExampleScenarios.repoRoot().resolve("scenarios").resolve("remote-high.yaml"));
    List<CpuStats> cpus =
        List.of(
            new CpuStats(0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            new CpuStats(
                1, 12_345, 12_000, 300, 0, 1, 3, 5_000_000, 1_200_000, 0, 1_500, 40_000, 2_000_000,
                1, 10_000, 250_000, 1_500_000, 4_000, 7, 30_000, 90_000),
            new CpuStats(
                2, 1, 1, 0, 0, 0, 1, 10_000, 0, 19_000_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            new CpuStats(3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    List<DpcStats> dpcs =
        List.of(
            new DpcStats(
                "toBusy", 12_000, 12_000, 300, 2, 3, 4_000_000, 1_500, 40_000, 2_000_000, 10_000,
                250_000, 1_500_000, 1, 5, 30_000, 90_000),
            new DpcStats(oddName, 345, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    List<DeviceStats> devices =
        List.of(new DeviceStats("nic", 4_000, 1_200_000, 250, 900, 12_000, 0));
    return new RunResult(
        s,
        "sequential",
        1,
        SIMULATED,
        false,
        99,
        "ab".repeat(32),
        new RunStats(
            cpus, dpcs, devices, new Percentiles(1_500, 42_000, 250_000, 12_345, 0), List.of()),
        1234,
        RunResult.local(s),
        new EngineCounters(0, 0, 0, 0));
  }
}
