package dpcsim.scenario;

import java.util.List;

/**
 * An empirical duration distribution, as measured on a machine: buckets {@code [lo, hi]} with the
 * number of calls that fell in each (xperf's and WPA's duration histograms). A draw picks a bucket
 * with probability proportional to its count, then a duration uniformly inside it.
 *
 * <p>Both choices come from one uniform draw {@code u}: {@code u} times the total count falls in
 * one bucket's share of the cumulative counts, and where it falls inside that share places the
 * duration inside the bucket. One draw per duration, like the other distributions, so the parallel
 * engines' look-ahead (which peeks the next draw) works unchanged and runs stay deterministic.
 */
public final class DurationHistogram implements Dist {
  /** One bucket: durations from {@code lowNs} to {@code highNs}, {@code count} calls. */
  public record Bucket(long lowNs, long highNs, long count) {}

  private final List<Bucket> buckets;

  /** {@code cumulative[i]}: the calls of buckets 0..i-1; the last entry is the total. */
  private final long[] cumulative;

  /**
   * @param buckets at least one, each {@code lowNs <= highNs}, counts {@code >= 0} with a positive
   *     total (the loader checks this and says where)
   */
  public DurationHistogram(List<Bucket> buckets) {
    this.buckets = List.copyOf(buckets);
    cumulative = new long[this.buckets.size() + 1];
    for (int i = 0; i < this.buckets.size(); i++) {
      Bucket b = this.buckets.get(i);
      if (b.lowNs() < 0 || b.lowNs() > b.highNs() || b.count() < 0) {
        throw new IllegalArgumentException("bad bucket " + b);
      }
      cumulative[i + 1] = Math.addExact(cumulative[i], b.count());
    }
    if (total() <= 0) {
      throw new IllegalArgumentException("a histogram needs at least one call");
    }
  }

  public List<Bucket> buckets() {
    return buckets;
  }

  /**
   * @return the calls of all buckets
   */
  public long total() {
    return cumulative[cumulative.length - 1];
  }

  @Override
  public double meanNs() {
    double sum = 0;
    for (Bucket b : buckets) {
      sum += b.count() * ((b.lowNs() + (double) b.highNs()) / 2.0);
    }
    return sum / total();
  }

  /**
   * @return the smallest duration a draw can give (at least 1 ns)
   */
  public long minimumNs() {
    long min = Long.MAX_VALUE;
    for (Bucket b : buckets) {
      if (b.count() > 0) {
        min = Math.min(min, b.lowNs());
      }
    }
    return Math.max(1, min);
  }

  /**
   * @param u a uniform draw in [0, 1)
   * @return the duration for {@code u}, at least 1 ns
   */
  public long sample(double u) {
    double x = u * total();
    // The first bucket whose cumulative count passes x: x lies in its share, which an empty
    // bucket does not have.
    int lo = 0;
    int hi = buckets.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid + 1] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int i = lo;
    Bucket b = buckets.get(i);
    double within = (x - cumulative[i]) / b.count();
    long span = b.highNs() - b.lowNs() + 1;
    long v = b.lowNs() + (long) (within * span);
    return Math.max(1L, Math.min(b.highNs(), v));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DurationHistogram h && h.buckets.equals(buckets);
  }

  @Override
  public int hashCode() {
    return buckets.hashCode();
  }

  @Override
  public String toString() {
    return "DurationHistogram" + buckets;
  }
}
