package dpcsim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenarios this JVM parsed last, by source name and text: in one JVM (the embedded engine,
 * local nodes) the command, the coordinator and every processor host of a run are handed the same
 * text, and it is parsed once. A {@link Scenario} is immutable, so all of them share it; each
 * applies its own overrides ({@code withSeed}, {@code withProfile}) to a copy.
 *
 * <p>The cache holds the {@value #CAPACITY} most recently used texts (a scenario is at most 3 MiB)
 * and never holds a text that failed to parse: that is parsed, and fails, again.
 */
public final class ParsedScenarios {
  /** How many parsed texts the cache keeps. */
  static final int CAPACITY = 4;

  private record Key(String name, String text, Set<String> knownProfiles, List<String> sets) {}

  private static final Map<Key, Scenario> CACHE =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Scenario> eldest) {
          return size() > CAPACITY;
        }
      };

  private ParsedScenarios() {}

  /**
   * As {@link ScenarioLoader#parse}, from the cache when this JVM parsed the same text under the
   * same name and profiles before.
   *
   * @return the validated scenario
   * @throws ScenarioException as {@link ScenarioLoader#parse}
   */
  public static Scenario parse(String text, String sourceName, Set<String> knownProfiles)
      throws ScenarioException {
    return parse(text, sourceName, knownProfiles, List.of());
  }

  /**
   * As {@link ScenarioLoader#parse(String, String, Set, List)}, from the cache when this JVM parsed
   * the same text under the same name, profiles and {@code --set} overrides before.
   */
  public static Scenario parse(
      String text, String sourceName, Set<String> knownProfiles, List<String> sets)
      throws ScenarioException {
    Key key = new Key(sourceName, text, Set.copyOf(knownProfiles), List.copyOf(sets));
    synchronized (CACHE) {
      Scenario s = CACHE.get(key);
      if (s != null) {
        return s;
      }
    }
    // Parsed outside the lock: two threads with a new text may both parse it, never wait long.
    Scenario s = ScenarioLoader.parse(text, sourceName, knownProfiles, sets);
    synchronized (CACHE) {
      CACHE.putIfAbsent(key, s);
      return CACHE.get(key);
    }
  }
}
