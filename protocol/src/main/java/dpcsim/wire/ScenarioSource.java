package dpcsim.wire;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dpcsim.scenario.ParsedScenarios;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import java.util.List;
import java.util.Set;

/**
 * A scenario as it travels to the nodes: its text (YAML or JSON) and file name, which every node
 * parses and validates itself, plus the command line's overrides.
 *
 * @param text the scenario's text; gzipped on the wire ({@link GzipText})
 * @param durationNs the simulated duration to run, or -1 for the file's
 * @param profile the kernel profile to run under instead of the file's ({@code dpcsim compare}), or
 *     null for the file's
 * @param sets the command line's {@code --set PATH=VALUE} overrides, applied to the text's tree
 *     before it is read (ScenarioSets)
 */
public record ScenarioSource(
    @JsonSerialize(using = GzipText.Serializer.class)
        @JsonDeserialize(using = GzipText.Deserializer.class)
        String text,
    String name,
    long seed,
    long durationNs,
    String profile,
    List<String> sets)
    implements CborSerializable {

  /** The source's parts; {@code sets} null means none. */
  public ScenarioSource {
    sets = sets == null ? List.of() : List.copyOf(sets);
  }

  /** A scenario with no {@code --set} overrides. */
  public ScenarioSource(String text, String name, long seed, long durationNs, String profile) {
    this(text, name, seed, durationNs, profile, List.of());
  }

  /**
   * @return why the text was refused on arrival (it inflated beyond {@link GzipText#MAX_INFLATED}),
   *     or null
   */
  public String refusal() {
    String why = GzipText.refusal(text);
    return why == null ? null : "the scenario " + name + " was refused: " + why;
  }

  /** A scenario run under its own profile. */
  public ScenarioSource(String text, String name, long seed, long durationNs) {
    this(text, name, seed, durationNs, null);
  }

  /**
   * @return this source run under {@code newProfile}
   */
  public ScenarioSource withProfile(String newProfile) {
    return new ScenarioSource(text, name, seed, durationNs, newProfile, sets);
  }

  /**
   * @return this source with {@code more} {@code --set} overrides after its own
   */
  public ScenarioSource withSets(List<String> more) {
    List<String> all = new java.util.ArrayList<>(sets);
    all.addAll(more);
    return new ScenarioSource(text, name, seed, durationNs, profile, all);
  }

  /**
   * Parses the text with the {@code --set} overrides (cached in this JVM) and applies the command
   * line's other overrides: what every node of a run does with it.
   *
   * @return the validated scenario
   * @throws ScenarioException if it does not parse or validate
   */
  public Scenario parse(Set<String> knownProfiles) throws ScenarioException {
    return applyTo(ParsedScenarios.parse(text, name, knownProfiles, sets));
  }

  /**
   * @return {@code parsed} (this source's text, as a node parsed it) with the command line's
   *     overrides: seed, duration and profile
   */
  public Scenario applyTo(Scenario parsed) {
    Scenario s = parsed.withSeed(seed);
    if (durationNs > 0) {
      s = s.withDuration(durationNs);
    }
    return profile != null ? s.withProfile(profile) : s;
  }
}
