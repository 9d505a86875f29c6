package dpcsim.imports;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.stats.ModuleStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The round trip: a report imported, the scenario run, and the run's per-module figures set beside
 * the report's. Tolerances: counts within 5% (Poisson arrivals over the run, and an insert that
 * finds the KDPC still queued merges, R-12); the p50 and p99 durations in the same power-of-two
 * bucket as the report's (the histogram is reproduced bucket by bucket; a DPC's duration may also
 * hold an ISR that preempted it, up to one bucket more).
 */
@DisplayName("import xperf, then run: the per-module figures match the report's")
class XperfRoundTripTest {
  static RunResult importAndRun(String sample) throws Exception {
    XperfData d = XperfParser.parse(XperfParserTest.sample(sample), sample);
    String yaml = XperfScenario.yaml(d, sample);
    Scenario s = ScenarioLoader.parse(yaml, sample + ".yaml", Set.of("ws03", "win10"));
    return SequentialEngine.run(s, null, false);
  }

  /** The bucket (0 for (0,1] us, k for (2^(k-1), 2^k]) of a nearest-rank percentile. */
  static int percentileBucket(XperfData.Module m, double p) {
    long rank = (long) Math.ceil(p / 100.0 * m.count());
    long seen = 0;
    for (XperfData.Bucket b : m.buckets()) {
      seen += b.count();
      if (seen >= rank) {
        return b.open() ? 64 - Long.numberOfLeadingZeros(b.lowUs()) + 1 : bucketOfUs(b.highUs());
      }
    }
    throw new IllegalStateException();
  }

  static int bucketOfUs(long hiUs) {
    return 63 - Long.numberOfLeadingZeros(hiUs);
  }

  static int bucketOfNs(long ns) {
    int b = 0;
    for (long hi = 1_000; ns > hi; hi *= 2) {
      b++;
    }
    return b;
  }

  private static ModuleStats row(RunResult r, String type, String module) {
    return r.stats().modules().stream()
        .filter(m -> m.type().equals(type) && m.module().equals(module))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " row for " + module));
  }

  @Test
  @DisplayName("4 CPUs, 10 s: counts within 5%, p50 and p99 in the report's bucket (p99 one more)")
  void fourCpus() throws Exception {
    RunResult r = importAndRun("dpcisr-4cpu.txt");
    XperfData d = XperfParser.parse(XperfParserTest.sample("dpcisr-4cpu.txt"), "x");
    List<Runnable> checks = new ArrayList<>();
    for (XperfData.Module m : d.dpcs()) {
      ModuleStats got = row(r, "DPC", m.name());
      checks.add(
          () ->
              assertEquals(
                  m.count(), got.count(), m.count() * 0.05, m.name() + " DPC count " + got));
      checks.add(
          () ->
              assertEquals(
                  percentileBucket(m, 50),
                  bucketOfNs(got.durationP50()),
                  m.name() + " DPC p50 " + got));
      int p99 = percentileBucket(m, 99);
      int gotP99 = bucketOfNs(got.durationP99());
      checks.add(
          () -> assertTrue(gotP99 == p99 || gotP99 == p99 + 1, m.name() + " DPC p99 " + got));
    }
    for (XperfData.Module m : d.isrs()) {
      ModuleStats got = row(r, "ISR", m.name());
      checks.add(
          () ->
              assertEquals(
                  m.count(), got.count(), m.count() * 0.05, m.name() + " ISR count " + got));
      checks.add(
          () ->
              assertEquals(
                  percentileBucket(m, 99),
                  bucketOfNs(got.durationP99()),
                  m.name() + " ISR p99 " + got));
    }
    assertAll(checks.stream().map(c -> (org.junit.jupiter.api.function.Executable) c::run));
  }

  @Test
  @DisplayName("the open last bucket and a span not from 0: the counts still match")
  void sparse() throws Exception {
    RunResult r = importAndRun("dpcisr-sparse.txt");
    assertEquals(3_000, row(r, "DPC", "nvlddmkm.sys").count(), 150);
    assertEquals(700, row(r, "DPC", "tcpip.sys").count(), 35 + 10);
    assertEquals(3_100, row(r, "ISR", "nvlddmkm.sys").count(), 155);
    assertTrue(row(r, "DPC", "nvlddmkm.sys").durationMax() <= 4_096_000 + 10_000);
  }
}
