package dpcsim.scenario;

import java.util.List;

/**
 * A validated scenario (docs/scenario-format.md), all durations in simulated nanoseconds. DPCs,
 * devices and script actions keep their file order, which the engines rely on for determinism.
 *
 * @param threadedDpcs ThreadDpcEnable on every processor, or null for the profile default
 * @param haltAfterNs idle time after which a processor goes idle-halted, or null for never
 * @param watchdog the scenario's watchdog block, or null for the profile defaults
 * @see dpcsim.api.Scenarios Scenarios: build a scenario in Java, or load one from YAML text
 */
public record Scenario(
    String source,
    String name,
    String profile,
    int processors,
    long seed,
    long durationNs,
    long tickNs,
    long ipiLatencyNs,
    long remoteInsertLatencyNs,
    TunablesSpec tunables,
    Boolean threadedDpcs,
    Long haltAfterNs,
    Load load,
    WatchdogSpec watchdog,
    List<DpcDef> dpcs,
    List<DeviceDef> devices,
    List<ScriptAction> script) {

  /** The largest machine the format allows. */
  public static final int MAX_PROCESSORS = 2048;

  public Scenario {
    dpcs = List.copyOf(dpcs);
    devices = List.copyOf(devices);
    script = List.copyOf(script);
  }

  /**
   * @return this scenario with another seed (the CLI's {@code --seed})
   */
  public Scenario withSeed(long newSeed) {
    return copy(profile, newSeed, durationNs);
  }

  /**
   * @return this scenario with another simulated duration (the CLI's {@code --duration})
   */
  public Scenario withDuration(long newDurationNs) {
    return copy(profile, seed, newDurationNs);
  }

  /**
   * @return this scenario under another kernel profile ({@code dpcsim compare}). Only the profile
   *     changes: the scenario's own {@code tunables}, {@code threadedDpcs} and {@code watchdog}
   *     still override that profile's defaults.
   */
  public Scenario withProfile(String newProfile) {
    return copy(newProfile, seed, durationNs);
  }

  /**
   * @return this scenario as scenario YAML (docs/scenario-format.md): loading the text with this
   *     scenario's source name gives an equal scenario. Per-CPU KDPCs and devices are written
   *     expanded, one entry per instance ({@code nicRx[0]}, ...), and defaults are left out.
   */
  public String toYaml() {
    return ScenarioWriter.write(this);
  }

  /** This scenario with the fields the {@code with...} methods change set anew. */
  private Scenario copy(String newProfile, long newSeed, long newDurationNs) {
    return new Scenario(
        source,
        name,
        newProfile,
        processors,
        newSeed,
        newDurationNs,
        tickNs,
        ipiLatencyNs,
        remoteInsertLatencyNs,
        tunables,
        threadedDpcs,
        haltAfterNs,
        load,
        watchdog,
        dpcs,
        devices,
        script);
  }
}
