package dpcsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The primitive map agrees with a HashMap through puts, overwrites, removals and growth. */
class LongLongMapTest {
  private static final long ABSENT = Long.MIN_VALUE;

  @Test
  @DisplayName("random puts and removals over few keys give what a HashMap gives")
  void sameAsHashMap() {
    SplittableRandom random = new SplittableRandom(7);
    LongLongMap map = new LongLongMap(ABSENT);
    Map<Long, Long> expected = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      // Keys as the observers make them: (processor << 32 | id), dense and clustered.
      long key = ((long) random.nextInt(8) << 32) | random.nextInt(300);
      int op = random.nextInt(3);
      if (op == 0) {
        long value = random.nextLong();
        map.put(key, value);
        expected.put(key, value);
      } else if (op == 1) {
        Long gone = expected.remove(key);
        assertEquals(gone == null ? ABSENT : gone, map.remove(key), "remove " + key);
      } else {
        Long v = expected.get(key);
        assertEquals(v == null ? ABSENT : v, map.get(key), "get " + key);
      }
      assertEquals(expected.size(), map.size());
    }
    for (Map.Entry<Long, Long> e : expected.entrySet()) {
      assertEquals(e.getValue(), map.get(e.getKey()));
    }
  }

  @Test
  @DisplayName("grows past its first capacity and empties again")
  void growsAndEmpties() {
    LongLongMap map = new LongLongMap(-1);
    for (long k = 0; k < 10_000; k++) {
      map.put(k, k * 3);
    }
    assertEquals(10_000, map.size());
    for (long k = 0; k < 10_000; k++) {
      assertEquals(k * 3, map.remove(k));
    }
    assertEquals(0, map.size());
    assertEquals(-1, map.get(5));
    map.put(0, 9); // key 0 is a key like any other
    assertEquals(9, map.get(0));
  }
}
