package dpcsim.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names (KDPCs, devices) interned to dense indices in order of first registration, so per-event
 * work is one map lookup and array index; outputs iterate the indices, never the map (determinism).
 */
final class NameIndex {
  private final Map<String, Integer> indices = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  /**
   * @return the index of {@code name}, registering it as the next one if new
   */
  int of(String name) {
    Integer i = indices.get(name);
    if (i != null) {
      return i;
    }
    int next = names.size();
    indices.put(name, next);
    names.add(name);
    return next;
  }

  int size() {
    return names.size();
  }

  String name(int index) {
    return names.get(index);
  }
}
