package dpcsim.scenario;

import java.util.EnumMap;
import java.util.Map;

/** The R-10 globals a scenario sets; tunables it does not name take the profile defaults. */
public record TunablesSpec(Map<Tunable, Long> values) {
  public static final TunablesSpec NONE = new TunablesSpec(Map.of());

  public TunablesSpec {
    EnumMap<Tunable, Long> copy = new EnumMap<>(Tunable.class);
    copy.putAll(values);
    values = java.util.Collections.unmodifiableMap(copy);
  }
}
