package dpcsim.wire;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dpcsim.scenario.Scenario;

/**
 * A scenario as it travels to the nodes: its text (YAML or JSON) and file name, which every node
 * parses and validates itself, plus the command line's overrides.
 *
 * @param text the scenario's text; gzipped on the wire ({@link GzipText})
 * @param durationNs the simulated duration to run, or -1 for the file's
 * @param profile the kernel profile to run under instead of the file's ({@code dpcsim compare}), or
 *     null for the file's
 */
public record ScenarioSource(
    @JsonSerialize(using = GzipText.Serializer.class)
        @JsonDeserialize(using = GzipText.Deserializer.class)
        String text,
    String name,
    long seed,
    long durationNs,
    String profile)
    implements CborSerializable {

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
    return new ScenarioSource(text, name, seed, durationNs, newProfile);
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
