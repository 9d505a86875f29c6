package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.Runs;
import dpcsim.ScenarioBuilder;
import dpcsim.trace.TraceEvent;
import java.util.ArrayList;
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
    ScenarioBuilder b =
        ScenarioBuilder.machine(profile, processors, seed, "40ms")
            .set("clock", "{ tick: 1ms }")
            .set("idle", "{ haltAfter: 30us }")
            .set("threadedDpcs", Boolean.toString(threaded))
            .set("load", "{ default: 0.4, period: 200us }");
    String[] imp = {"low", "medium", "high", "mediumHigh"};
    for (int i = 0; i < dpcs; i++) {
      List<String> fields = new ArrayList<>(List.of("importance: " + imp[i % 4]));
      if (i % remoteEvery == 0) {
        fields.add("target: " + i % processors);
      }
      fields.add("threaded: " + (i % 3 == 0));
      String then = i + 1 < dpcs ? ", then: [ { insert: d" + (i + 1) + " } ]" : "";
      fields.add("routine: { duration: { exp: 8us }" + then + " }");
      b.dpc("d" + i, fields.toArray(String[]::new));
    }
    for (int c = 0; c < processors; c++) {
      b.device(
          "dev" + c,
          "interrupts: { poisson: 3000/s }",
          "cpus: [" + c + ", " + (c + 1) % processors + "]",
          "isr: { duration: { uniform: [1us, 3us] }, then: [ { insert: d" + c % dpcs + " } ] }");
    }
    return b.script("at: 5ms", "cpu: 0", "do: flush")
        .script("at: 7ms", "cpu: " + (processors - 1), "do: remove", "dpc: d0")
        .script(
            "at: 9ms",
            "cpu: 0",
            "do: setTarget",
            "dpc: d" + Math.min(1, dpcs - 1),
            "target: " + (processors - 1))
        .script("at: 11ms", "do: setTunable", "name: maximumDpcQueueDepth", "value: 2")
        .yaml();
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
