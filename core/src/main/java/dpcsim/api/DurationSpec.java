package dpcsim.api;

import java.util.List;
import java.util.Map;

/**
 * How long a routine or an ISR runs: {@link #fixed}, {@link #exp}, {@link #uniform} or {@link
 * #histogram}, each with durations written as in a scenario file ({@code "20us"}, {@code
 * "15.625ms"}). The loader checks them when the scenario is built.
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

  /**
   * @param buckets each {@code {low, high, count}} with durations as in a file, e.g. {@code
   *     List.of(List.of("2us", "4us", 900), List.of("4us", "8us", 2090))}
   * @return an empirical distribution ({@code { histogram: [[2us, 4us, 900], ...] }}): a bucket
   *     drawn by count, then a duration uniformly inside it
   */
  public static DurationSpec histogram(List<List<Object>> buckets) {
    List<Object> rows = new java.util.ArrayList<>();
    for (List<Object> b : buckets) {
      List<Object> row = new java.util.ArrayList<>();
      for (Object v : b) {
        row.add(v instanceof String text ? ScenarioBuilder.plain(text) : v);
      }
      rows.add(row);
    }
    return new DurationSpec(Map.of("histogram", rows));
  }

  Object yaml() {
    return yaml;
  }
}
