package dpcsim.api;

import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a {@link Scenario} comes from in Java: {@link #builder()} for one written in code, {@link
 * #fromYaml(String)} and {@link #load(Path)} for scenario YAML (docs/scenario-format.md). Every
 * route goes through the scenario loader, so the checks, defaults and error messages are the same
 * as {@code dpcsim validate}'s. {@link Scenario#toYaml()} goes the other way.
 */
public final class Scenarios {
  /** The source name of YAML text given without one. */
  static final String TEXT_SOURCE = "yaml";

  private Scenarios() {}

  /**
   * @return an empty builder: set at least {@link ScenarioBuilder#processors} and {@link
   *     ScenarioBuilder#duration}, as a file must
   */
  public static ScenarioBuilder builder() {
    return new ScenarioBuilder();
  }

  /**
   * @param yaml a scenario as YAML (or JSON) text
   * @return the validated scenario; its source (and default name) is {@code yaml}
   * @throws InvalidScenarioException with the loader's message, line and column
   */
  public static Scenario fromYaml(String yaml) {
    return fromYaml(yaml, TEXT_SOURCE);
  }

  /**
   * @param sourceName the name errors report and {@link Scenario#source()} keeps; its base name
   *     without extension is the default scenario name
   * @return the validated scenario
   * @throws InvalidScenarioException with the loader's message, line and column
   */
  public static Scenario fromYaml(String yaml, String sourceName) {
    try {
      return ScenarioLoader.parse(yaml, sourceName, profiles());
    } catch (ScenarioException e) {
      throw new InvalidScenarioException(e);
    }
  }

  /**
   * @return the validated scenario in {@code file}, as {@code dpcsim run FILE} reads it
   * @throws InvalidScenarioException if the file cannot be read or does not validate
   */
  public static Scenario load(Path file) {
    try {
      return ScenarioLoader.load(file, profiles());
    } catch (ScenarioException e) {
      throw new InvalidScenarioException(e);
    }
  }

  /**
   * @return the kernel profile names {@code profile} may take ({@code ws03}, {@code win10}, ...)
   */
  public static List<String> profileNames() {
    return Profiles.names();
  }

  static Set<String> profiles() {
    return new LinkedHashSet<>(Profiles.names());
  }
}
