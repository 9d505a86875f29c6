package dpcsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Indices in order of first registration, found by identity or by equal content, at any size. */
class NameIndexTest {
  @Test
  void sameIndicesAsAnInsertionOrderedMap() {
    SplittableRandom random = new SplittableRandom(1);
    NameIndex index = new NameIndex();
    Map<String, Integer> expected = new LinkedHashMap<>();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String name;
      if (!seen.isEmpty() && random.nextInt(3) > 0) {
        String s = seen.get(random.nextInt(seen.size()));
        // The same instance, or an equal one as a name read off the wire would be.
        name = random.nextBoolean() ? s : new String(s.toCharArray());
      } else {
        name = "p" + random.nextInt(3000) + "_" + random.nextInt(4);
        seen.add(name);
      }
      int want = expected.computeIfAbsent(name, k -> expected.size());
      assertEquals(want, index.of(name), name);
    }
    assertEquals(expected.size(), index.size());
    int i = 0;
    for (String name : expected.keySet()) {
      assertEquals(name, index.name(i++));
    }
  }

  @Test
  void collidingHashesStayApart() {
    NameIndex index = new NameIndex();
    // "Aa" and "BB" have the same String hash.
    assertEquals(0, index.of("Aa"));
    assertEquals(1, index.of("BB"));
    assertEquals(0, index.of("Aa"));
    assertEquals(1, index.of("BB"));
  }
}
