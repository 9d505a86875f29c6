package dpcsim.scenario;

/**
 * A duration in simulated nanoseconds: fixed ({@code 20us}), exponential ({@code {exp: 20us}}),
 * uniform ({@code {uniform: [5us, 9us]}}) or empirical ({@code {histogram: [[lo, hi, count],
 * ...]}}). Draws are made by the processor that runs the routine or ISR, from its own seeded
 * stream, one uniform draw per duration.
 */
public sealed interface Dist permits Dist.Fixed, Dist.Exp, Dist.Uniform, DurationHistogram {
  /**
   * @return the mean in nanoseconds (for reports)
   */
  double meanNs();

  /** Always the same duration. */
  record Fixed(long ns) implements Dist {
    @Override
    public double meanNs() {
      return ns;
    }
  }

  /** Exponentially distributed with the given mean. */
  record Exp(long meanNs0) implements Dist {
    @Override
    public double meanNs() {
      return meanNs0;
    }
  }

  /** Uniform on [lowNs, highNs]. */
  record Uniform(long lowNs, long highNs) implements Dist {
    @Override
    public double meanNs() {
      return (lowNs + highNs) / 2.0;
    }
  }
}
