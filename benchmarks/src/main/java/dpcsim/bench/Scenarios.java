package dpcsim.bench;

import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.util.LinkedHashSet;

/** Builds the benchmarks' machines from scenario text, as a user's file would. */
public final class Scenarios {
  private Scenarios() {}

  /**
   * @return {@code yaml} parsed and validated
   * @throws IllegalStateException if it does not load (a bug in the benchmark)
   */
  public static Scenario parse(String yaml) {
    try {
      return ScenarioLoader.parse(yaml, "bench.yaml", new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      throw new IllegalStateException("benchmark scenario does not load: " + e.getMessage(), e);
    }
  }
}
