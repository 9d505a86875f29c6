package dpcsim.scenario;

/** How a device raises interrupts. */
public sealed interface Interrupts {
  /** Exponential gaps with the given rate; the first interrupt comes one gap after 0. */
  record Poisson(double perSecond) implements Interrupts {}

  /** Every {@code periodNs}, first at one period. */
  record Periodic(long periodNs) implements Interrupts {}

  /** Every {@code everyNs} (first at one period), {@code count} interrupts {@code gapNs} apart. */
  record Burst(long everyNs, int count, long gapNs) implements Interrupts {}

  /**
   * At recorded instants ({@code { times: [120us, 480us, ...] }}), in non-decreasing order, each
   * above 0: a replay of the arrivals a trace measured ({@code dpcsim import wpa}).
   */
  final class Times implements Interrupts {
    private final long[] atNs;

    public Times(long[] atNs) {
      for (int i = 0; i < atNs.length; i++) {
        if (atNs[i] <= 0 || i > 0 && atNs[i] < atNs[i - 1]) {
          throw new IllegalArgumentException("times must be above 0 and in order");
        }
      }
      this.atNs = atNs.clone();
    }

    /**
     * @return how many arrivals
     */
    public int count() {
      return atNs.length;
    }

    /**
     * @return arrival {@code i}, or {@link Long#MAX_VALUE} past the last
     */
    public long at(long i) {
      return i < atNs.length ? atNs[(int) i] : Long.MAX_VALUE;
    }

    /**
     * @return how many arrivals come at or before {@code ns}
     */
    public int countUpTo(long ns) {
      int k = java.util.Arrays.binarySearch(atNs, ns);
      if (k < 0) {
        return -k - 1;
      }
      while (k + 1 < atNs.length && atNs[k + 1] == ns) {
        k++;
      }
      return k + 1;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Times t && java.util.Arrays.equals(t.atNs, atNs);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(atNs);
    }

    @Override
    public String toString() {
      return "Times[" + atNs.length + " arrivals]";
    }
  }
}
