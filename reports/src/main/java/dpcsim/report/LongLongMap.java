package dpcsim.report;

/**
 * A map from long keys to long values in plain arrays (open addressing, linear probing), for the
 * state an observer keeps per event (a queued KDPC's insertion time, the IPIs in flight): unlike a
 * {@code HashMap<Long, Long>} it makes no boxed key, value or entry per put, so once it has grown
 * to the most entries held at once it allocates nothing. Nothing iterates it, so its slot order
 * never reaches an output.
 */
public final class LongLongMap {
  private final long absent;
  private long[] keys;
  private long[] values;
  private boolean[] used;
  private int size;

  /**
   * @param absent what {@link #get} and {@link #remove} return for a key that is not there
   */
  public LongLongMap(long absent) {
    this.absent = absent;
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new long[capacity];
    used = new boolean[capacity];
  }

  /**
   * @return the value of {@code key}, or the absent value
   */
  public long get(long key) {
    int slot = find(key);
    return slot < 0 ? absent : values[slot];
  }

  /** Sets the value of {@code key}. */
  public void put(long key, long value) {
    int slot = find(key);
    if (slot >= 0) {
      values[slot] = value;
      return;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    slot = home(key);
    while (used[slot]) {
      slot = next(slot);
    }
    used[slot] = true;
    keys[slot] = key;
    values[slot] = value;
    size++;
  }

  /**
   * @return the value {@code key} had, or the absent value; the key is gone afterwards
   */
  public long remove(long key) {
    int slot = find(key);
    if (slot < 0) {
      return absent;
    }
    long value = values[slot];
    // Backward shift: later entries of the probe run move up into the hole, so a lookup that
    // stops at the first free slot still finds them (no tombstones to pile up).
    int hole = slot;
    for (int j = next(hole); used[j]; j = next(j)) {
      int h = home(keys[j]);
      boolean staysPut = hole <= j ? hole < h && h <= j : hole < h || h <= j;
      if (!staysPut) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    used[hole] = false;
    size--;
    return value;
  }

  /**
   * @return the number of keys
   */
  public int size() {
    return size;
  }

  private int find(long key) {
    for (int slot = home(key); used[slot]; slot = next(slot)) {
      if (keys[slot] == key) {
        return slot;
      }
    }
    return -1;
  }

  private int home(long key) {
    // Fibonacci hashing: keys here are small ids and processor pairs, whose low bits alone cluster.
    return (int)
        ((key * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(keys.length)));
  }

  private int next(int slot) {
    return (slot + 1) & (keys.length - 1);
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    boolean[] oldUsed = used;
    allocate(oldKeys.length * 2);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
