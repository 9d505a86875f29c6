package dpcsim.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * A consumer's own numbering of KDPC names, the same whichever names table a batch refers to: a
 * run's batches share one table, but a client rebuilds it from the scenario, and objects come with
 * tables of their own ({@link EventEntry}). State kept per KDPC across batches is keyed by these
 * ids, never by a table's. A table is mapped once, when it first comes, so the per-event cost is an
 * array index.
 */
public final class DpcIds {
  private final Map<String, Integer> ids = new HashMap<>();
  private TraceNames mapped;
  private int[] idOf = new int[0];

  /**
   * @return this numbering's id of each KDPC id of {@code names} (the same array until a call with
   *     another table)
   */
  public int[] of(TraceNames names) {
    if (names != mapped) {
      int[] m = new int[names.dpcCount()];
      for (int i = 0; i < m.length; i++) {
        m[i] = id(names.dpc(i));
      }
      idOf = m;
      mapped = names;
    }
    return idOf;
  }

  private int id(String name) {
    Integer id = ids.get(name);
    if (id == null) {
      id = ids.size();
      ids.put(name, id);
    }
    return id;
  }

  /**
   * @return how many names have an id (ids are {@code 0..size()-1})
   */
  public int size() {
    return ids.size();
  }
}
