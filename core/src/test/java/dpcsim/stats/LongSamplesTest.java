package dpcsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Selection gives exactly the nearest-rank percentiles a full sort gives. */
class LongSamplesTest {
  private static long sortedPercentile(long[] v, double p) {
    long[] s = v.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
  }

  @Property(tries = 300)
  void sameAsSorting(
      @ForAll @Size(min = 1, max = 400) long[] values,
      @ForAll @IntRange(min = 1, max = 100) int p) {
    LongSamples s = new LongSamples();
    for (long v : values) {
      s.add(v);
    }
    // Asked in the order the statistics ask: each selection reorders the array the next one uses.
    assertEquals(sortedPercentile(values, 50), s.percentile(50));
    assertEquals(sortedPercentile(values, p), s.percentile(p));
    assertEquals(sortedPercentile(values, 99), s.percentile(99));
    assertEquals(Arrays.stream(values).max().getAsLong(), s.max());
  }

  @Test
  void manyTiesAndLargeSets() {
    SplittableRandom r = new SplittableRandom(7);
    long[] values = new long[200_000];
    for (int i = 0; i < values.length; i++) {
      // Like DPC latencies: most are 0 ns, a tail of waits.
      values[i] = r.nextInt(10) < 8 ? 0 : r.nextLong(1, 100_000);
    }
    LongSamples s = new LongSamples();
    for (long v : values) {
      s.add(v);
    }
    for (double p : new double[] {50, 80, 81, 99, 99.9, 100}) {
      assertEquals(sortedPercentile(values, p), s.percentile(p), "p" + p);
    }
    long[] sortedInput = values.clone();
    Arrays.sort(sortedInput);
    LongSamples ascending = new LongSamples();
    for (long v : sortedInput) {
      ascending.add(v);
    }
    assertEquals(sortedPercentile(values, 99), ascending.percentile(99), "already sorted input");
  }

  @Test
  void emptyIsZero() {
    LongSamples s = new LongSamples();
    assertEquals(0, s.percentile(50));
    assertEquals(0, s.max());
  }
}
