package dpcsim.cli;

import dpcsim.kernel.Profiles;
import dpcsim.scenario.ParsedScenarios;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/** Loads scenario files for the commands, turning validation errors into user errors. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  /**
   * @return the file's text, as validated by {@link #load}
   */
  static String text(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
  }

  static Scenario load(Path file) {
    return load(file, List.of());
  }

  /**
   * @return the file's scenario with the {@code --set} overrides {@code sets} applied
   * @throws UserError naming the file and line, or the {@code --set}, of the first error
   */
  static Scenario load(Path file, List<String> sets) {
    try {
      // Cached: an actor engine in this JVM gets the same text and does not parse it again.
      return ParsedScenarios.parse(
          ScenarioLoader.read(file), file.toString(), new LinkedHashSet<>(Profiles.names()), sets);
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
  }
}
