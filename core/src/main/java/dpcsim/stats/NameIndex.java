package dpcsim.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Names (KDPCs, devices) interned to dense indices in order of first registration, so per-event
 * work is one table probe and array index; outputs iterate the indices, never the table
 * (determinism).
 *
 * <p>An open-addressing table of the String objects themselves: the trace's names are a few String
 * instances repeated millions of times (one per KDPC in one JVM), so a probe usually ends at the
 * first slot with a reference comparison and the String's cached hash, without the boxing and node
 * hops of a {@code HashMap<String, Integer>}. Equal names in other instances (from the wire) still
 * match by {@code equals}.
 */
final class NameIndex {
  private String[] keys = new String[64];
  private int[] values = new int[64];
  private final List<String> names = new ArrayList<>();

  /**
   * @return the index of {@code name}, registering it as the next one if new
   */
  int of(String name) {
    int mask = keys.length - 1;
    int slot = spread(name.hashCode()) & mask;
    while (true) {
      String k = keys[slot];
      if (k == name) {
        return values[slot];
      }
      if (k == null) {
        return register(name);
      }
      if (k.equals(name)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
  }

  private int register(String name) {
    int next = names.size();
    names.add(name);
    if (2 * names.size() > keys.length) {
      rehash(keys.length * 2);
    }
    put(name, next);
    return next;
  }

  private void put(String name, int value) {
    int mask = keys.length - 1;
    int slot = spread(name.hashCode()) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = name;
    values[slot] = value;
  }

  private void rehash(int capacity) {
    keys = new String[capacity];
    values = new int[capacity];
    for (int i = 0; i < names.size() - 1; i++) {
      put(names.get(i), i);
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  int size() {
    return names.size();
  }

  String name(int index) {
    return names.get(index);
  }
}
