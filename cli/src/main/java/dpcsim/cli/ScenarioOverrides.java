package dpcsim.cli;

import dpcsim.scenario.Scenario;
import picocli.CommandLine.Option;

/**
 * {@code --seed} and {@code --duration}, the two scenario overrides {@code run}, {@code compare}
 * and {@code debug} share (a picocli mixin: {@code @Mixin ScenarioOverrides overrides}).
 */
final class ScenarioOverrides {
  @Option(names = "--seed", description = "overrides the scenario's seed")
  Long seed;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "overrides the simulated duration, e.g. 500ms")
  String duration;

  /**
   * @return {@code scenario} with the given overrides applied
   * @throws UserError if {@code --duration} is not a positive duration
   */
  Scenario applyTo(Scenario scenario) {
    Scenario s = scenario;
    if (seed != null) {
      s = s.withSeed(seed);
    }
    if (duration != null) {
      s = s.withDuration(FlagValues.positiveDuration("--duration", duration));
    }
    return s;
  }
}
