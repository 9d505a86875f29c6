package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.Runs;
import dpcsim.trace.TraceEvent;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random small machines, deterministic per seed (same seed, same trace; a failure prints the seed
 * and sizes; rerun with {@code @Property(seed = "...")} locally, never committed). Every run goes
 * through {@link Runs}, the real {@code SequentialRun} with every invariant of {@code
 * dpcsim.invariant.Invariants} checked after each event.
 */
class KernelPropertiesTest {
  private static String scenario(
      String profile, int processors, long seed, int dpcs, int remoteEvery, boolean threaded) {
    StringBuilder y = new StringBuilder();
    y.append("profile: ").append(profile).append('\n');
    y.append("processors: ").append(processors).append('\n');
    y.append("seed: ").append(seed).append('\n');
    y.append("duration: 40ms\n");
    y.append("clock: { tick: 1ms }\n");
    y.append("idle: { haltAfter: 30us }\n");
    y.append("threadedDpcs: ").append(threaded).append('\n');
    y.append("load: { default: 0.4, period: 200us }\n");
    y.append("dpcs:\n");
    String[] imp = {"low", "medium", "high", "mediumHigh"};
    for (int i = 0; i < dpcs; i++) {
      y.append("  d").append(i).append(": { importance: ").append(imp[i % 4]);
      if (i % remoteEvery == 0) {
        y.append(", target: ").append(i % processors);
      }
      y.append(", threaded: ").append(i % 3 == 0);
      y.append(", routine: { duration: { exp: 8us }");
      if (i + 1 < dpcs) {
        y.append(", then: [ { insert: d").append(i + 1).append(" } ]");
      }
      y.append(" } }\n");
    }
    y.append("devices:\n");
    for (int c = 0; c < processors; c++) {
      y.append("  dev")
          .append(c)
          .append(": { interrupts: { poisson: 3000/s }, cpus: [")
          .append(c)
          .append(", ")
          .append((c + 1) % processors)
          .append("], isr: { duration: { uniform: [1us, 3us] }, then: [ { insert: d")
          .append(c % dpcs)
          .append(" } ] } }\n");
    }
    y.append("script:\n");
    y.append("  - { at: 5ms, cpu: 0, do: flush }\n");
    y.append("  - { at: 7ms, cpu: ").append(processors - 1).append(", do: remove, dpc: d0 }\n");
    y.append("  - { at: 9ms, cpu: 0, do: setTarget, dpc: d")
        .append(Math.min(1, dpcs - 1))
        .append(", target: ")
        .append(processors - 1)
        .append(" }\n");
    y.append("  - { at: 11ms, do: setTunable, name: maximumDpcQueueDepth, value: 2 }\n");
    return y.toString();
  }

  @Property(tries = 40)
  void invariantsHoldAndRunsRepeat(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 5) int processors,
      @ForAll @IntRange(min = 1, max = 6) int dpcs,
      @ForAll @IntRange(min = 1, max = 3) int remoteEvery,
      @ForAll boolean threaded,
      @ForAll @IntRange(min = 0, max = 3) int profileIndex) {
    String profile = Profiles.names().get(profileIndex);
    String yaml = scenario(profile, processors, seed, dpcs, remoteEvery, threaded);
    List<TraceEvent> first = Runs.of(yaml).run().trace;
    List<TraceEvent> second = Runs.of(yaml).run().trace;
    assertEquals(first, second, "same scenario and seed, same trace:\n" + yaml);
  }
}
