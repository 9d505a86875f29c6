package dpcsim.report;

import dpcsim.kernel.Profile;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.Tunable;
import dpcsim.scenario.WatchdogSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a scenario sets that a profile would otherwise decide ({@code tunables}, {@code
 * threadedDpcs}, {@code watchdog}). Replacing the profile keeps these (Machine resolves the
 * scenario's values over the profile's defaults), so a comparison must say so.
 */
public final class ScenarioOverrides {
  private ScenarioOverrides() {}

  /**
   * @param profiles the profiles compared, to name those under which a setting has no effect
   * @return the explanation as lines (no trailing newline)
   */
  public static List<String> describe(Scenario s, List<String> profiles) {
    List<String> kept = new ArrayList<>();
    if (!s.tunables().values().isEmpty()) {
      List<String> values = new ArrayList<>();
      for (Map.Entry<Tunable, Long> e : s.tunables().values().entrySet()) { // EnumMap: in order
        values.add(e.getKey().yamlName() + " " + e.getValue());
      }
      kept.add("  tunables: " + String.join(", ", values) + " (R-10)");
    }
    if (s.threadedDpcs() != null) {
      kept.add(
          "  threadedDpcs: "
              + s.threadedDpcs()
              + noEffect(profiles, p -> !p.threadedSupported(), "no DPC threads (R-32)"));
    }
    WatchdogSpec w = s.watchdog();
    if (w != null) {
      List<String> parts = new ArrayList<>();
      if (w.single() != null) {
        parts.add("single 0x" + Long.toHexString(w.single()));
      }
      if (w.cumulative() != null) {
        parts.add("cumulative 0x" + Long.toHexString(w.cumulative()));
      }
      parts.add("action " + (w.stop() ? "stop" : "record"));
      kept.add(
          "  watchdog: "
              + String.join(", ", parts)
              + noEffect(profiles, p -> !p.watchdog(), "no DPC watchdog (R-29)"));
    }
    if (kept.isEmpty()) {
      return List.of(
          "the scenario sets no tunables, threadedDpcs or watchdog: every column has its profile's"
              + " defaults");
    }
    List<String> out = new ArrayList<>();
    out.add("kept from the scenario under every profile (over the profile's defaults):");
    out.addAll(kept);
    return out;
  }

  private static String noEffect(
      List<String> profiles, java.util.function.Predicate<Profile> lacks, String why) {
    List<String> without = new ArrayList<>();
    for (String name : profiles) {
      if (lacks.test(Profiles.byName(name))) {
        without.add(name);
      }
    }
    return without.isEmpty()
        ? ""
        : " (no effect under " + String.join(", ", without) + ": " + why + ")";
  }
}
