package dpcsim.stats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** On every example: the per-KDPC and per-device figures add up to the per-processor ones. */
@DisplayName("per-KDPC and per-device statistics of the examples")
class RunStatsConsistencyTest {
  private static <T> long sum(List<T> xs, ToLongFunction<T> f) {
    return xs.stream().mapToLong(f).sum();
  }

  private static <T> long max(List<T> xs, ToLongFunction<T> f) {
    return xs.stream().mapToLong(f).max().orElse(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dpcsim.ExampleScenarios#files")
  @DisplayName("add up to the processors' figures, one row per KDPC and device in file order")
  void addUp(Path file) {
    Scenario s = ExampleScenarios.shortened(file);
    RunResult r = SequentialEngine.run(s, null, false);
    List<CpuStats> c = r.cpus();
    List<DpcStats> d = r.dpcs();
    List<DeviceStats> v = r.devices();
    assertAll(
        file.getFileName().toString(),
        () ->
            assertEquals(
                s.dpcs().stream().map(DpcDef::name).toList(),
                d.stream().map(DpcStats::dpc).toList()),
        () ->
            assertEquals(
                s.devices().stream().map(DeviceDef::name).toList(),
                v.stream().map(DeviceStats::device).toList()),
        () -> assertEquals(sum(c, CpuStats::dpcInserted), sum(d, DpcStats::dpcInserted)),
        () -> assertEquals(sum(c, CpuStats::dpcExecuted), sum(d, DpcStats::dpcExecuted)),
        () -> assertEquals(sum(c, CpuStats::dpcTimeNs), sum(d, DpcStats::dpcTimeNs)),
        () -> assertEquals(sum(c, CpuStats::isrTimeNs), sum(v, DeviceStats::isrTimeNs)),
        () -> assertEquals(sum(c, CpuStats::isrCount), sum(v, DeviceStats::isrCount)),
        () -> assertEquals(max(c, CpuStats::maxQueueDepth), max(d, DpcStats::maxQueueDepth)),
        () -> assertEquals(max(c, CpuStats::latencyMax), max(d, DpcStats::latencyMax)),
        () -> assertEquals(max(c, CpuStats::durationMax), max(d, DpcStats::durationMax)),
        () -> assertTrue(sum(d, DpcStats::dpcInterrupts) <= sum(c, CpuStats::dpcInterrupts)),
        () -> assertTrue(sum(d, DpcStats::ipisSent) <= sum(c, CpuStats::ipisSent)),
        () -> assertTrue(sum(d, DpcStats::watchdog) <= sum(c, CpuStats::watchdog)),
        () -> {
          for (DpcStats x : d) {
            assertTrue(x.dpcInterrupts() <= x.dpcInserted(), x.toString());
            assertTrue(x.ipisSent() <= x.dpcInterrupts(), x.toString());
            assertTrue(x.latencyP50() <= x.latencyP99() && x.latencyP99() <= x.latencyMax());
            assertTrue(x.durationP50() <= x.durationP99() && x.durationP99() <= x.durationMax());
            assertTrue(x.dpcTimeNs() <= x.dpcExecuted() * x.durationMax(), x.toString());
          }
        });
  }
}
