package dpcsim.report;

import java.util.Arrays;

/** A growable array of long samples with exact nearest-rank percentiles. */
final class LongSamples {
  private long[] values = new long[16];
  private int size;
  private boolean sorted = true;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    if (size > 0 && v < values[size - 1]) {
      sorted = false;
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  /**
   * @param p the percentile, 0 < p <= 100
   * @return the nearest-rank percentile (the smallest sample with at least p% of samples at or
   *     below it), or 0 when there are no samples
   */
  long percentile(double p) {
    if (size == 0) {
      return 0;
    }
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    int rank = (int) Math.ceil(p / 100.0 * size);
    return values[Math.max(0, Math.min(size - 1, rank - 1))];
  }

  long max() {
    return percentile(100);
  }
}
