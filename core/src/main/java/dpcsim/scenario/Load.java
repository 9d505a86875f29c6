package dpcsim.scenario;

import java.util.Map;
import java.util.TreeMap;

/**
 * PASSIVE-level thread load: per processor, the fraction of time it is busy; busy and idle spans
 * are exponential with means f*P and (1-f)*P, P = {@code periodNs}.
 */
public record Load(double defaultFraction, Map<Integer, Double> cpus, long periodNs) {
  /** No thread load: every processor idle unless the script says otherwise. */
  public static final Load NONE = new Load(0.0, Map.of(), 1_000_000L);

  public Load {
    cpus = java.util.Collections.unmodifiableMap(new TreeMap<>(cpus));
  }

  /**
   * @return the busy fraction of processor {@code cpu}
   */
  public double fraction(int cpu) {
    return cpus.getOrDefault(cpu, defaultFraction);
  }
}
