package dpcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Parsing takes time linear in the text, however long its lines: SnakeYAML's own reader made one
 * long token cost time quadratic in its length (a 50 MB comment line ran for minutes; a 4 MB one
 * took 6 s against 0.1 s on short lines).
 *
 * <p>Why a ratio and not a time limit: the machine is shared and slow, so an absolute bound would
 * be either flaky or too loose to catch anything. An 8x longer token costs 8x with a linear reader
 * and 64x with a quadratic one; the test asserts under 24x, three times the linear ratio and under
 * half the quadratic one. It measures this thread's CPU time, which leaves out other processes and
 * the garbage collector's threads, and keeps the best of several tries, which leaves out JIT
 * compilation and pauses. Measured here: 7.5 to 12 with this reader (the long comment costs a
 * little more per character once its code points outgrow the cache); 46 to 64 with SnakeYAML's,
 * whose 3 MB tries alone take seconds.
 */
@DisplayName("YAML parsing takes time linear in the length of a line")
class LinearParseTest {
  /** 8x this is just under the 3 MiB limit. */
  private static final int SMALL = 384 * 1000;

  private static final int LARGE = 8 * SMALL;
  private static final int TRIES = 5;
  private static final double MAX_RATIO = 24;

  @Test
  @DisplayName("a comment line 8x longer costs under 24x (quadratic: 64x)")
  void longComment() throws ScenarioException {
    assertLinear(n -> "#" + "x".repeat(n) + "\nprocessors: 1\n");
  }

  @Test
  @DisplayName("a plain scalar 8x longer costs under 24x")
  void longPlainScalar() throws ScenarioException {
    assertLinear(n -> "name: " + "x".repeat(n) + "\n");
  }

  @Test
  @DisplayName("a double-quoted scalar 8x longer costs under 24x")
  void longQuotedScalar() throws ScenarioException {
    assertLinear(n -> "name: \"" + "x".repeat(n) + "\"\n");
  }

  private static void assertLinear(IntFunction<String> text) throws ScenarioException {
    String small = text.apply(SMALL);
    String large = text.apply(LARGE);
    YamlTreeBuilder.build(small, "warm-up.yaml");
    YamlTreeBuilder.build(large, "warm-up.yaml");
    double ratio = (double) bestCpuNs(large) / Math.max(1, bestCpuNs(small));
    assertTrue(
        ratio < MAX_RATIO, () -> String.format("8x the text cost %.1fx the CPU time", ratio));
  }

  private static long bestCpuNs(String text) throws ScenarioException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < TRIES; i++) {
      long start = threads.getCurrentThreadCpuTime();
      YamlNode root = YamlTreeBuilder.build(text, "t.yaml");
      best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
      assertTrue(root instanceof YamlNode.Mapping, "parsed");
    }
    return best;
  }
}
