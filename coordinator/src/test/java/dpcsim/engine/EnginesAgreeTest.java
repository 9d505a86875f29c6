package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.interconnect.WindowedEngine;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.util.LinkedHashSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random machines with every cross-processor feature (targeted and untargeted KDPCs inserted from
 * several processors, retargeting, random retargeting, remote removal, flushes, idle-halt, a
 * stopping watchdog): the windowed protocol, with any window cap and participant order, gives the
 * sequential engine's trace. Deterministic per generated values; jqwik prints the seed of a
 * failure.
 */
class EnginesAgreeTest {
  static String scenario(long seed, int processors, int dpcs, int profile, boolean stop) {
    StringBuilder y = new StringBuilder();
    y.append("profile: ").append(Profiles.names().get(profile)).append('\n');
    y.append("processors: ").append(processors).append('\n');
    y.append("seed: ").append(seed).append('\n');
    y.append("duration: 30ms\n");
    y.append("clock: { tick: 1ms }\n");
    y.append("latency: { ipi: 1500ns, remoteInsert: 300ns }\n");
    y.append("idle: { haltAfter: 40us }\n");
    y.append("threadedDpcs: true\n");
    y.append("load: { default: 0.3, period: 300us }\n");
    if (stop) {
      y.append("watchdog: { single: 3, cumulative: 12, action: stop }\n");
    }
    y.append("dpcs:\n");
    String[] imp = {"low", "medium", "high", "mediumHigh"};
    for (int i = 0; i < dpcs; i++) {
      y.append("  d").append(i).append(": { importance: ").append(imp[(int) ((seed + i) % 4)]);
      if (i % 2 == 1) {
        y.append(", target: ").append((i * 7 + seed) % processors);
      }
      y.append(", threaded: ").append(i % 4 == 3);
      y.append(", routine: { duration: { exp: ").append(5 + i * 3).append("us }");
      y.append(", then: [ { insert: d").append((i + 1) % dpcs).append(", after: 2us }");
      if (i == 0) {
        y.append(", { remove: d").append(dpcs - 1).append(" }");
      }
      if (i == 2) {
        // A random retarget of a KDPC others insert too: shared, its Number changes in flight.
        y.append(", { insert: d").append((i + 3) % dpcs).append(", target: { random: 0.5 } }");
      }
      y.append(" ] } }\n");
    }
    y.append("devices:\n");
    for (int c = 0; c < processors; c++) {
      y.append("  dev")
          .append(c)
          .append(": { interrupts: { poisson: 4000/s }, cpus: [")
          .append(c)
          .append(", ")
          .append((c + 1) % processors)
          .append("], isr: { duration: { uniform: [1us, 3us] }, then: [ { insert: d")
          .append(c % dpcs)
          .append(" } ] } }\n");
    }
    y.append("script:\n");
    y.append("  - { at: 3ms, cpu: 0, do: flush }\n");
    y.append("  - { at: 4ms, cpu: ").append(processors - 1).append(", do: remove, dpc: d0 }\n");
    y.append("  - { at: 5ms, cpu: 0, do: setTarget, dpc: d")
        .append(Math.min(1, dpcs - 1))
        .append(", target: ")
        .append(processors - 1)
        .append(" }\n");
    y.append("  - { at: 6ms, do: setTunable, name: maximumDpcQueueDepth, value: 2 }\n");
    y.append("  - { at: 8ms, cpu: 0, do: raiseIrql, level: DISPATCH }\n");
    y.append("  - { at: 25ms, cpu: 0, do: lowerIrql, level: PASSIVE }\n");
    return y.toString();
  }

  static Scenario load(String yaml) {
    try {
      return ScenarioLoader.parse(yaml, "generated.yaml", new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage() + "\n" + yaml, e);
    }
  }

  @Property(tries = 25)
  void windowedMatchesSequential(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 6) int processors,
      @ForAll @IntRange(min = 1, max = 6) int dpcs,
      @ForAll @IntRange(min = 0, max = 3) int profile,
      @ForAll boolean stop,
      @ForAll @IntRange(min = 0, max = 2) int capChoice,
      @ForAll @IntRange(min = 1, max = 3) int nodes) {
    String yaml = scenario(seed, processors, dpcs, profile, stop);
    Scenario s = load(yaml);
    long cap = new long[] {Long.MAX_VALUE, 2_000, 350}[capChoice];
    RunResult seq = SequentialEngine.run(s, null, false);
    RunResult win = WindowedEngine.run(s, null, false, cap, seed, Math.min(nodes, processors));
    assertEquals(
        seq.traceSha256(), win.traceSha256(), "cap " + cap + ", nodes " + nodes + "\n" + yaml);
    assertEquals(seq.simulatedNs(), win.simulatedNs());
  }
}
