package dpcsim.kernel;

import dpcsim.scenario.Dist;
import dpcsim.scenario.DurationHistogram;

/**
 * A seeded SplitMix64 stream. Every random draw in a run comes from one of these, derived from the
 * scenario seed and a stream id (per processor and purpose, per device), so the draws of one
 * processor never depend on what another processor did or on thread timing.
 */
public final class RandomStream {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** Stream kinds, combined with an index into a stream id. */
  public static final int WORK = 1;

  public static final int LOAD = 2;
  public static final int DEVICE = 3;

  /** Per processor: the target draws of {@code insert} steps with {@code target: { random } }. */
  public static final int RETARGET = 4;

  private long state;

  /** A stream for {@code (kind, index)} under {@code seed}. */
  public RandomStream(long seed, int kind, int index) {
    long stream = ((long) kind << 32) | (index & 0xffffffffL);
    this.state = mix(seed ^ mix(stream * GOLDEN + GOLDEN));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * @return the next 64 random bits
   */
  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /**
   * @return a uniform double in [0, 1)
   */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * @return a stream that continues from this one's current state (to look ahead without drawing)
   */
  public RandomStream fork() {
    RandomStream copy = new RandomStream(0, 0, 0);
    copy.state = state;
    return copy;
  }

  /**
   * @return the value the next {@link #nextDouble()} will return, without drawing it
   */
  public double peekDouble() {
    return (mix(state + GOLDEN) >>> 11) * 0x1.0p-53;
  }

  /**
   * @return an exponential draw with the given mean, rounded to whole nanoseconds, at least 1
   */
  public long exponential(double meanNs) {
    return exponential(meanNs, nextDouble());
  }

  private static long exponential(double meanNs, double u) {
    // StrictMath: the same bits on every JVM and JIT tier, so traces never differ.
    double x = -meanNs * StrictMath.log(1.0 - u);
    return Math.max(1L, Math.round(x));
  }

  /**
   * @return a duration drawn from {@code dist}, at least 1 ns
   */
  public long sample(Dist dist) {
    return dist instanceof Dist.Fixed f ? Math.max(1L, f.ns()) : sampleWith(dist, nextDouble());
  }

  /**
   * @return the duration {@link #sample} gives for {@code dist} when its uniform draw is {@code u}
   *     (a fixed duration draws nothing)
   */
  public static long sampleWith(Dist dist, double u) {
    if (dist instanceof Dist.Fixed f) {
      return Math.max(1L, f.ns());
    }
    if (dist instanceof Dist.Exp e) {
      return exponential(e.meanNs(), u);
    }
    if (dist instanceof DurationHistogram h) {
      return h.sample(u);
    }
    Dist.Uniform uni = (Dist.Uniform) dist;
    long span = uni.highNs() - uni.lowNs() + 1;
    long v = uni.lowNs() + (long) (u * span);
    return Math.max(1L, Math.min(uni.highNs(), v));
  }
}
