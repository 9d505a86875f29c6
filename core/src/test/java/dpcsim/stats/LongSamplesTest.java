package dpcsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    // As the statistics ask at the end of a run: both ranks prepared at once, then read.
    LongSamples prepared = new LongSamples();
    for (long v : values) {
      prepared.add(v);
    }
    prepared.prepare();
    assertEquals(sortedPercentile(values, 50), prepared.percentile(50));
    assertEquals(sortedPercentile(values, 99), prepared.percentile(99));
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

  @Property(tries = 60)
  void radixSelectionIsExact(
      @ForAll @IntRange(min = LongSamples.RADIX_MIN, max = 40_000) int n,
      @ForAll @IntRange(min = 1, max = 62) int bits,
      @ForAll @IntRange(min = 1, max = 100) int p,
      @ForAll long seed) {
    // Values below 2^bits: one to four radix digits, ties when bits is small.
    SplittableRandom r = new SplittableRandom(seed);
    long[] values = new long[n];
    LongSamples s = new LongSamples();
    for (int i = 0; i < n; i++) {
      values[i] = r.nextLong(1L << bits);
      s.add(values[i]);
    }
    assertEquals(sortedPercentile(values, 50), s.percentile(50));
    assertEquals(sortedPercentile(values, p), s.percentile(p));
    assertEquals(sortedPercentile(values, 99), s.percentile(99));
    assertEquals(sortedPercentile(values, 99), s.percentile(99), "asked again: from memory");
    s.add(values[0]);
    s.prepare();
    long[] more = Arrays.copyOf(values, n + 1);
    more[n] = values[0];
    assertEquals(sortedPercentile(more, 50), s.percentile(50), "a new sample forgets the answers");
    assertEquals(sortedPercentile(more, 99), s.percentile(99));
  }

  @Test
  void theUnionOfSetsIsSelectedWithoutJoiningThem() {
    SplittableRandom r = new SplittableRandom(3);
    List<LongSamples> parts = new ArrayList<>();
    List<Long> all = new ArrayList<>();
    for (int k = 0; k < 7; k++) {
      LongSamples s = new LongSamples();
      int n = k == 3 ? 0 : r.nextInt(20_000); // one empty part
      for (int i = 0; i < n; i++) {
        long v = r.nextInt(10) < 3 ? 0 : r.nextLong(5_000_000_000L);
        s.add(v);
        all.add(v);
      }
      parts.add(s);
    }
    long[] values = all.stream().mapToLong(Long::longValue).toArray();
    for (double p : new double[] {1, 50, 99, 99.9, 100}) {
      assertEquals(sortedPercentile(values, p), LongSamples.percentileOf(parts, p), "p" + p);
    }
    assertEquals(Arrays.stream(values).max().getAsLong(), LongSamples.maxOf(parts));
    long[] both = LongSamples.p50p99(parts);
    assertEquals(sortedPercentile(values, 50), both[0], "p50 of the two in shared passes");
    assertEquals(sortedPercentile(values, 99), both[1], "p99 of the two in shared passes");
    assertEquals(0, LongSamples.p50p99(List.of())[1]);
    assertEquals(0, LongSamples.percentileOf(List.of(new LongSamples()), 50));
  }

  @Test
  void negativeSamplesTakeTheQuickselectPath() {
    LongSamples s = new LongSamples();
    long[] values = new long[LongSamples.RADIX_MIN * 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i % 2 == 0 ? -1 : 1) * (long) i * 7919 % 100_003;
      s.add(values[i]);
    }
    assertEquals(sortedPercentile(values, 50), s.percentile(50));
    assertEquals(sortedPercentile(values, 99), s.percentile(99));
  }
}
