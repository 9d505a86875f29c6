package dpcsim.api;

import java.util.List;
import java.util.Map;

/**
 * How long a routine or an ISR runs: {@link #fixed}, {@link #exp} or {@link #uniform}, each with
 * durations written as in a scenario file ({@code "20us"}, {@code "15.625ms"}). The loader checks
 * them when the scenario is built.
 */
public final class DurationSpec {
  private final Object yaml;

  private DurationSpec(Object yaml) {
    this.yaml = yaml;
  }

  /**
   * @return always {@code duration} ({@code 20us} in a file)
   */
  public static DurationSpec fixed(String duration) {
    return new DurationSpec(ScenarioBuilder.plain(duration));
  }

  /**
   * @return exponentially distributed with mean {@code mean} ({@code { exp: 20us }})
   */
  public static DurationSpec exp(String mean) {
    return new DurationSpec(Map.of("exp", ScenarioBuilder.plain(mean)));
  }

  /**
   * @return uniform between {@code low} and {@code high} ({@code { uniform: [3us, 7us] }})
   */
  public static DurationSpec uniform(String low, String high) {
    return new DurationSpec(
        Map.of("uniform", List.of(ScenarioBuilder.plain(low), ScenarioBuilder.plain(high))));
  }

  Object yaml() {
    return yaml;
  }
}
