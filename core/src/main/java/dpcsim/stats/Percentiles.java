package dpcsim.stats;

import java.util.List;

/**
 * A sample set's nearest-rank 50th and 99th percentiles, maximum and size (all 0 when empty).
 *
 * @param p50 the 50th percentile
 * @param p99 the 99th percentile
 * @param max the largest sample
 * @param count how many samples
 * @param mean the mean sample, rounded down
 */
public record Percentiles(long p50, long p99, long max, int count, long mean) {
  /** No samples. */
  public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

  /**
   * @return the percentiles of all of {@code parts}' samples together
   */
  static Percentiles ofUnion(List<LongSamples> parts) {
    int count = 0;
    for (LongSamples s : parts) {
      count += s.size();
    }
    long[] v = LongSamples.p50p99(parts);
    return new Percentiles(v[0], v[1], LongSamples.maxOf(parts), count, LongSamples.meanOf(parts));
  }
}
