package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.ScenarioBuilder;
import dpcsim.interconnect.WindowedEngine;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    ScenarioBuilder b =
        ScenarioBuilder.machine(Profiles.names().get(profile), processors, seed, "30ms")
            .set("clock", "{ tick: 1ms }")
            .set("latency", "{ ipi: 1500ns, remoteInsert: 300ns }")
            .set("idle", "{ haltAfter: 40us }")
            .set("threadedDpcs", "true")
            .set("load", "{ default: 0.3, period: 300us }");
    if (stop) {
      b.set("watchdog", "{ single: 3, cumulative: 12, action: stop }");
    }
    String[] imp = {"low", "medium", "high", "mediumHigh"};
    for (int i = 0; i < dpcs; i++) {
      List<String> fields = new ArrayList<>(List.of("importance: " + imp[(int) ((seed + i) % 4)]));
      if (i % 2 == 1) {
        fields.add("target: " + (i * 7 + seed) % processors);
      }
      fields.add("threaded: " + (i % 4 == 3));
      StringBuilder then = new StringBuilder("{ insert: d" + (i + 1) % dpcs + ", after: 2us }");
      if (i == 0) {
        then.append(", { remove: d").append(dpcs - 1).append(" }");
      }
      if (i == 2) {
        // A random retarget of a KDPC others insert too: shared, its Number changes in flight.
        then.append(", { insert: d").append((i + 3) % dpcs).append(", target: { random: 0.5 } }");
      }
      fields.add("routine: { duration: { exp: " + (5 + i * 3) + "us }, then: [ " + then + " ] }");
      b.dpc("d" + i, fields.toArray(String[]::new));
    }
    for (int c = 0; c < processors; c++) {
      b.device(
          "dev" + c,
          "interrupts: { poisson: 4000/s }",
          "cpus: [" + c + ", " + (c + 1) % processors + "]",
          "isr: { duration: { uniform: [1us, 3us] }, then: [ { insert: d" + c % dpcs + " } ] }");
    }
    return b.script("at: 3ms", "cpu: 0", "do: flush")
        .script("at: 4ms", "cpu: " + (processors - 1), "do: remove", "dpc: d0")
        .script(
            "at: 5ms",
            "cpu: 0",
            "do: setTarget",
            "dpc: d" + Math.min(1, dpcs - 1),
            "target: " + (processors - 1))
        .script("at: 6ms", "do: setTunable", "name: maximumDpcQueueDepth", "value: 2")
        .script("at: 8ms", "cpu: 0", "do: raiseIrql", "level: DISPATCH")
        .script("at: 25ms", "cpu: 0", "do: lowerIrql", "level: PASSIVE")
        .yaml();
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
