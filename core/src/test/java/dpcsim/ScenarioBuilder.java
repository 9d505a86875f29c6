package dpcsim;

import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A scenario for tests, built a section at a time instead of YAML assembled by hand: the machine
 * lines in order, then {@code dpcs}, {@code devices} and {@code script}. Values are YAML flow text
 * ({@code "{ tick: 1ms }"}, {@code "importance: low"}); {@link #yaml} is what a scenario file would
 * say, {@link #build} parses it as one.
 */
public final class ScenarioBuilder {
  private final List<String> machine = new ArrayList<>();
  private final List<String> dpcs = new ArrayList<>();
  private final List<String> devices = new ArrayList<>();
  private final List<String> script = new ArrayList<>();

  private ScenarioBuilder() {}

  /**
   * @return a scenario of {@code processors} processors under {@code profile}, with {@code seed},
   *     running for {@code duration} (e.g. "40ms")
   */
  public static ScenarioBuilder machine(
      String profile, int processors, long seed, String duration) {
    return new ScenarioBuilder()
        .set("profile", profile)
        .set("processors", Integer.toString(processors))
        .set("seed", Long.toString(seed))
        .set("duration", duration);
  }

  /** Adds the top-level line {@code key: value} (value in YAML flow style). */
  public ScenarioBuilder set(String key, String value) {
    machine.add(key + ": " + value);
    return this;
  }

  /** Adds the KDPC {@code name} with {@code fields} (e.g. "importance: low", "threaded: true"). */
  public ScenarioBuilder dpc(String name, String... fields) {
    dpcs.add("  " + name + ": { " + String.join(", ", fields) + " }");
    return this;
  }

  /** Adds the device {@code name} with {@code fields} (interrupts, cpus, isr). */
  public ScenarioBuilder device(String name, String... fields) {
    devices.add("  " + name + ": { " + String.join(", ", fields) + " }");
    return this;
  }

  /** Adds a script action with {@code fields} (e.g. "at: 5ms", "cpu: 0", "do: flush"). */
  public ScenarioBuilder script(String... fields) {
    script.add("  - { " + String.join(", ", fields) + " }");
    return this;
  }

  /**
   * @return the scenario's YAML text
   */
  public String yaml() {
    StringBuilder y = new StringBuilder();
    machine.forEach(l -> y.append(l).append('\n'));
    section(y, "dpcs", dpcs);
    section(y, "devices", devices);
    section(y, "script", script);
    return y.toString();
  }

  /**
   * @return the parsed scenario (any profile name of {@link Profiles} is known)
   * @throws AssertionError if it does not load, with the error and the text
   */
  public Scenario build() {
    String yaml = yaml();
    try {
      return ScenarioLoader.parse(yaml, "test.yaml", new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      throw new AssertionError("test scenario does not load: " + e.getMessage() + "\n" + yaml, e);
    }
  }

  private static void section(StringBuilder y, String name, List<String> lines) {
    if (!lines.isEmpty()) {
      y.append(name).append(":\n");
      lines.forEach(l -> y.append(l).append('\n'));
    }
  }
}
