package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.interconnect.WindowedEngine;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The partitioned protocol's oracle on machines nobody wrote: random processors, profiles, KDPCs
 * (targeted or not, threaded or not, any importance) inserting, removing and retargeting each other
 * from routines and ISRs, devices with random affinities, thread load and idle-halt. For each, the
 * windowed engine on 1, 2, 3 and as many partitions as processors gives the sequential engine's
 * trace hash and statistics. A failure prints the scenario, which reproduces it as a file.
 *
 * <p>{@link EnginesAgreeTest} puts every cross-processor feature into machines of one shape (and
 * checks window caps and up to 3 nodes); this test varies the shape itself, and partitions down to
 * one processor per partition, as a node-level protocol must survive.
 */
class RandomMachinesTest {
  private static final String[] PROFILES = {"ws03", "win10", "textbook", "reactos"};
  private static final String[] IMPORTANCE = {"low", "medium", "high", "mediumHigh"};

  // A fixed seed: the build checks the same 100 machines every time (2,000 random ones passed on
  // 2026-12-07; drop the seed to explore).
  /** Seeds of a machine whose fixed-target inserts were missed as messages (2026-12-07). */
  @Example
  void regressions() {
    for (long seed : new long[] {59L}) {
      everyPartitioningGivesTheSequentialTrace(seed);
    }
  }

  @Property(tries = 100, seed = "20261207")
  void everyPartitioningGivesTheSequentialTrace(@ForAll @LongRange(min = 0) long seed) {
    String yaml = machine(new SplittableRandom(seed));
    Scenario s = parse(yaml);
    RunResult seq = SequentialEngine.run(s, null, false);
    for (int partitions : partitionCounts(s.processors())) {
      RunResult w = WindowedEngine.run(s, null, false, Long.MAX_VALUE, seed, partitions);
      assertEquals(seq.traceSha256(), w.traceSha256(), partitions + " partitions of\n" + yaml);
      assertEquals(seq.stats(), w.stats(), partitions + " partitions of\n" + yaml);
    }
  }

  private static List<Integer> partitionCounts(int processors) {
    List<Integer> out = new ArrayList<>();
    for (int p : new int[] {1, 2, 3, processors}) {
      if (p <= processors && !out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  static Scenario parse(String yaml) {
    try {
      return ScenarioLoader.parse(yaml, "random.yaml", new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      throw new AssertionError("the generator wrote a scenario that does not load:\n" + yaml, e);
    }
  }

  /** A random machine as scenario text. */
  static String machine(SplittableRandom r) {
    int n = 1 + r.nextInt(r.nextInt(4) == 0 ? 64 : 8);
    StringBuilder y = new StringBuilder();
    line(y, "name: random");
    line(y, "profile: %s", PROFILES[r.nextInt(PROFILES.length)]);
    line(y, "processors: %d", n);
    line(y, "seed: %d", r.nextLong());
    line(y, "duration: %dus", 500 + r.nextInt(n > 8 ? 1500 : 12_000));
    line(y, "clock: { tick: %dus }", 100 + r.nextInt(900));
    line(
        y,
        "latency: { ipi: %dns, remoteInsert: %dns }",
        100 + r.nextInt(3000),
        50 + r.nextInt(2000));
    if (r.nextBoolean()) {
      line(y, "load: { default: 0.%d, period: %dus }", r.nextInt(8), 50 + r.nextInt(500));
    }
    if (r.nextInt(3) == 0) {
      line(y, "idle: { haltAfter: %dus }", 1 + r.nextInt(50));
    }
    int dpcs = 1 + r.nextInt(6);
    line(y, "dpcs:");
    for (int d = 0; d < dpcs; d++) {
      String target = r.nextInt(3) == 0 ? "null" : String.valueOf(r.nextInt(n));
      line(
          y,
          "  d%d: { importance: %s, target: %s, threaded: %b, routine: { duration: %s%s } }",
          d,
          IMPORTANCE[r.nextInt(IMPORTANCE.length)],
          target,
          r.nextInt(4) == 0,
          duration(r, 20),
          steps(r, dpcs, n, d));
    }
    int devices = 1 + r.nextInt(3);
    line(y, "devices:");
    for (int v = 0; v < devices; v++) {
      line(
          y,
          "  v%d: { interrupts: { poisson: %d/s }, cpus: %s, isr: { duration: %s%s } }",
          v,
          2_000 + r.nextInt(60_000),
          cpus(r, n),
          duration(r, 3),
          steps(r, dpcs, n, -1));
    }
    return y.toString();
  }

  /** A routine's or ISR's duration: fixed, exponential or uniform, about {@code meanUs}. */
  static String duration(SplittableRandom r, int meanUs) {
    int us = 1 + r.nextInt(meanUs);
    return switch (r.nextInt(3)) {
      case 0 -> us + "us";
      case 1 -> "{ exp: " + us + "us }";
      default -> "{ uniform: [" + us + "us, " + (us + 1 + r.nextInt(10)) + "us] }";
    };
  }

  /** A routine's or ISR's steps: inserts mostly, sometimes a remove or a retarget. */
  private static String steps(SplittableRandom r, int dpcs, int n, int self) {
    int count = r.nextInt(3);
    if (count == 0) {
      return "";
    }
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int d = r.nextInt(dpcs);
      String after = r.nextBoolean() ? ", after: " + (1 + r.nextInt(10)) + "us" : "";
      int op = r.nextInt(10);
      if (op < 6 || d == self) {
        String random = r.nextInt(4) == 0 ? ", target: { random: 0." + r.nextInt(10) + " }" : "";
        steps.add("{ insert: d" + d + ", args: [" + r.nextInt(100) + "]" + random + after + " }");
      } else if (op < 8) {
        steps.add("{ remove: d" + d + after + " }");
      } else {
        String t = r.nextInt(3) == 0 ? "null" : String.valueOf(r.nextInt(n));
        steps.add("{ setTarget: d" + d + ", target: " + t + after + " }");
      }
    }
    return ", then: [ " + String.join(", ", steps) + " ]";
  }

  private static String cpus(SplittableRandom r, int n) {
    int k = 1 + r.nextInt(Math.min(n, 4));
    List<String> c = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      c.add(String.valueOf(r.nextInt(n)));
    }
    return "[" + String.join(", ", c) + "]";
  }

  static void line(StringBuilder y, String format, Object... args) {
    y.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
