package dpcsim.stats;

/**
 * A sample set's nearest-rank 50th and 99th percentiles, maximum and size (all 0 when empty).
 *
 * @param p50 the 50th percentile
 * @param p99 the 99th percentile
 * @param max the largest sample
 * @param count how many samples
 */
public record Percentiles(long p50, long p99, long max, int count) {
  /** No samples. */
  public static final Percentiles NONE = new Percentiles(0, 0, 0, 0);

  static Percentiles of(LongSamples s) {
    return new Percentiles(s.percentile(50), s.percentile(99), s.max(), s.size());
  }
}
