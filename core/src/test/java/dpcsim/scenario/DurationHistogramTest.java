package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.parse;
import static dpcsim.scenario.ScenarioFixtures.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.kernel.RandomStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("duration: { histogram: [[lo, hi, count], ...] }: an empirical distribution")
class DurationHistogramTest {
  private static final String HEAD = "processors: 1\nduration: 1ms\ndpcs:\n";

  private static DurationHistogram loaded(String histogram) throws Exception {
    Scenario s = parse(HEAD + "  a: { routine: { duration: { histogram: " + histogram + " } } }\n");
    return (DurationHistogram) s.dpcs().get(0).routine().duration();
  }

  @Test
  @DisplayName("loads buckets in order; zero counts and a 0us low bound are allowed")
  void loads() throws Exception {
    DurationHistogram h = loaded("[[0us, 1us, 3], [1us, 2us, 0], [8us, 16us, 2990]]");
    assertEquals(
        List.of(
            new DurationHistogram.Bucket(0, 1_000, 3),
            new DurationHistogram.Bucket(1_000, 2_000, 0),
            new DurationHistogram.Bucket(8_000, 16_000, 2_990)),
        h.buckets());
    assertEquals(2_993, h.total());
    assertEquals(1, h.minimumNs());
  }

  @Test
  @DisplayName("one uniform draw picks the bucket by count, then the place inside it")
  void sampling() throws Exception {
    DurationHistogram h = loaded("[[1us, 2us, 1], [5us, 5us, 0], [10us, 20us, 3]]");
    assertEquals(1_000, h.sample(0.0));
    assertEquals(1_500, h.sample(0.125), "half-way through the first quarter");
    assertEquals(10_000, h.sample(0.25), "the empty bucket has no share");
    assertEquals(15_000, h.sample(0.625));
    assertEquals(20_000, h.sample(Math.nextDown(1.0)));
    assertEquals(h.sample(0.7), RandomStream.sampleWith(h, 0.7), "the kernel's draw is this");
  }

  @Test
  @DisplayName("many draws reproduce the buckets' shares")
  void shares() throws Exception {
    DurationHistogram h = loaded("[[1us, 2us, 10], [2us, 4us, 30], [4us, 8us, 60]]");
    RandomStream r = new RandomStream(42, 0, 0);
    int[] in = new int[3];
    for (int i = 0; i < 100_000; i++) {
      long d = r.sample(h);
      in[d <= 2_000 ? 0 : d <= 4_000 ? 1 : 2]++;
    }
    assertEquals(0.10, in[0] / 100_000.0, 0.01);
    assertEquals(0.30, in[1] / 100_000.0, 0.01);
    assertEquals(0.60, in[2] / 100_000.0, 0.01);
  }

  @Test
  @DisplayName("errors say where and what a bucket should be")
  void errors() {
    String at = HEAD + "  a: { routine: { duration: { histogram: ";
    assertError(
        rejects(at + "[] } } }\n"),
        4,
        42,
        "dpcs.a.routine.duration.histogram",
        "a histogram needs at least one bucket [low, high, count]");
    assertError(
        rejects(at + "[[1us, 2us]] } } }\n"),
        4,
        43,
        "dpcs.a.routine.duration.histogram[0]",
        "a histogram bucket is [low, high, count], e.g. [8us, 16us, 2990], found 2 values");
    assertError(
        rejects(at + "[[4us, 2us, 1]] } } }\n"),
        4,
        43,
        "dpcs.a.routine.duration.histogram[0]",
        "bucket bounds are reversed: low 4us is greater than high 2us");
    assertError(
        rejects(at + "[[1us, 2us, 0]] } } }\n"),
        4,
        42,
        "dpcs.a.routine.duration.histogram",
        "every bucket's count is 0");
    assertError(
        rejects(at + "[[1us, 2us, -1]] } } }\n"),
        4,
        54,
        "dpcs.a.routine.duration.histogram[0][2]",
        "-1");
  }

  @Test
  @DisplayName("a run with histogram durations is deterministic and stays inside the buckets")
  void runs() throws Exception {
    Scenario s =
        parse(
            "processors: 2\nduration: 20ms\nseed: 5\ndpcs:\n"
                + "  a: { routine: { duration: { histogram: [[2us, 4us, 70], [32us, 64us, 30]] } } }\n"
                + "devices:\n  d: { interrupts: { poisson: 20000/s }, cpus: [0, 1],"
                + " isr: { duration: { histogram: [[0us, 1us, 5]] }, then: [ { insert: a } ] } }\n");
    RunResult r1 = SequentialEngine.run(s, null, false);
    RunResult r2 = SequentialEngine.run(s, null, false);
    assertEquals(r1.traceSha256(), r2.traceSha256());
    var a = r1.dpcs().get(0);
    assertTrue(a.dpcExecuted() > 100, "ran");
    assertTrue(a.durationMax() <= 64_000 + 1_000 * 2, "at most the top bound plus preempting ISRs");
    assertTrue(r1.devices().get(0).durationMax() <= 1_000);
  }
}
