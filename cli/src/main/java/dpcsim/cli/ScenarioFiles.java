package dpcsim.cli;

import dpcsim.kernel.Profiles;
import dpcsim.scenario.ParsedScenarios;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;

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
    try {
      // Cached: an actor engine in this JVM gets the same text and does not parse it again.
      return ParsedScenarios.parse(
          ScenarioLoader.read(file), file.toString(), new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
  }
}
