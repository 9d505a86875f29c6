package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The permutation comes out in key order, ties in their original order (stable). */
class IndexSortTest {
  @Test
  void sortsStablyWhateverTheRuns() {
    SplittableRandom random = new SplittableRandom(17);
    for (int round = 0; round < 2000; round++) {
      int n = random.nextInt(200);
      int[] keys = new int[n];
      int shape = random.nextInt(3);
      for (int i = 0; i < n; i++) {
        // Random, ascending with a few breaks, or few distinct keys (many ties).
        keys[i] =
            switch (shape) {
              case 0 -> random.nextInt(1000);
              case 1 -> i - (random.nextInt(10) == 0 ? random.nextInt(50) : 0);
              default -> random.nextInt(4);
            };
      }
      int[] order = new int[n + random.nextInt(5)];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      IndexSort.sort(order, new int[order.length], n, (a, b) -> Integer.compare(keys[a], keys[b]));
      Integer[] expected = new Integer[n];
      for (int i = 0; i < n; i++) {
        expected[i] = i;
      }
      Arrays.sort(expected, Comparator.comparingInt(i -> keys[i])); // stable
      assertArrayEquals(
          Arrays.stream(expected).mapToInt(Integer::intValue).toArray(),
          Arrays.copyOf(order, n),
          "round " + round);
    }
  }
}
