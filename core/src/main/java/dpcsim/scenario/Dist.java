package dpcsim.scenario;

/**
 * A duration in simulated nanoseconds: fixed ({@code 20us}), exponential ({@code {exp: 20us}}) or
 * uniform ({@code {uniform: [5us, 9us]}}). Draws are made by the processor that runs the routine or
 * ISR, from its own seeded stream.
 */
public sealed interface Dist {
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
