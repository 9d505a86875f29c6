package dpcsim.engine;

import static dpcsim.engine.RandomMachinesTest.duration;
import static dpcsim.engine.RandomMachinesTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.interconnect.WindowedEngine;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.scenario.Scenario;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The two-level protocol where it does most: random machines with no shared KDPC, so that each node
 * delivers its own processors' messages in local windows and the driver bounds the nodes only by
 * the sends that leave them. Every processor has its own device and receive KDPC; the receive
 * routine inserts a completion targeted at a random processor, which may insert a second one
 * elsewhere (chains of messages across and inside nodes), and some machines add PHOLD's tokens. On
 * 1, 2, 3 and as many partitions as processors the windowed engine gives the sequential trace and
 * statistics, and with fewer partitions than processors the nodes run local windows.
 *
 * <p>{@link RandomMachinesTest} varies everything, shared KDPCs included (where a grant is the
 * global window).
 */
class NodeLevelMachinesTest {
  private static final String[] PROFILES = {"ws03", "win10", "textbook", "reactos"};
  private static final String[] IMPORTANCE = {"low", "medium", "high", "mediumHigh"};

  /** Seeds of machines that once broke the node-level bounds (2026-12-07). */
  @Example
  void regressions() {
    for (long seed : new long[] {2L, 8821L}) {
      nodesDeliverTheirOwnMessages(seed);
    }
  }

  @Property(tries = 60, seed = "20261207")
  void nodesDeliverTheirOwnMessages(@ForAll @LongRange(min = 0) long seed) {
    String yaml = machine(new SplittableRandom(seed));
    Scenario s = RandomMachinesTest.parse(yaml);
    assertEquals(0, new DpcReach(new Machine(s)).sharedCount(), "no shared KDPC\n" + yaml);
    RunResult seq = SequentialEngine.run(s, null, false);
    for (int partitions : new int[] {1, 2, 3, s.processors()}) {
      if (partitions > s.processors()) {
        continue;
      }
      RunResult w = WindowedEngine.run(s, null, false, Long.MAX_VALUE, seed, partitions);
      assertEquals(seq.traceSha256(), w.traceSha256(), partitions + " partitions of\n" + yaml);
      assertEquals(seq.stats(), w.stats(), partitions + " partitions of\n" + yaml);
      if (partitions < s.processors()) {
        assertTrue(
            w.counters().localWindows() >= w.counters().windows(),
            "local windows " + w.counters() + "\n" + yaml);
      }
    }
  }

  static String machine(SplittableRandom r) {
    int n = 2 + r.nextInt(r.nextInt(4) == 0 ? 24 : 7);
    StringBuilder y = new StringBuilder();
    line(y, "name: node-level");
    line(y, "profile: %s", PROFILES[r.nextInt(PROFILES.length)]);
    line(y, "processors: %d", n);
    line(y, "seed: %d", r.nextLong());
    line(y, "duration: %dus", 500 + r.nextInt(n > 8 ? 1500 : 8_000));
    line(
        y,
        "latency: { ipi: %dns, remoteInsert: %dns }",
        100 + r.nextInt(3000),
        50 + r.nextInt(2000));
    if (r.nextBoolean()) {
      line(y, "load: { default: 0.%d, period: %dus }", r.nextInt(8), 50 + r.nextInt(500));
    }
    line(y, "dpcs:");
    for (int c = 0; c < n; c++) {
      boolean chain = r.nextBoolean();
      line(
          y,
          "  rx%d: { importance: %s, target: %d, routine: { duration: %s, then: [ { insert: c%d%s } ] } }",
          c,
          IMPORTANCE[r.nextInt(IMPORTANCE.length)],
          c,
          duration(r, 20),
          c,
          r.nextBoolean() ? ", after: " + (1 + r.nextInt(5)) + "us" : "");
      line(
          y,
          "  c%d: { importance: %s, target: %d, threaded: %b, routine: { duration: %s%s } }",
          c,
          IMPORTANCE[r.nextInt(IMPORTANCE.length)],
          r.nextInt(n),
          r.nextInt(5) == 0,
          duration(r, 10),
          chain ? ", then: [ { insert: e" + c + " } ]" : "");
      if (chain) {
        line(
            y,
            "  e%d: { importance: %s, target: %d, routine: { duration: %s } }",
            c,
            IMPORTANCE[r.nextInt(IMPORTANCE.length)],
            r.nextInt(n),
            duration(r, 10));
      }
    }
    if (r.nextInt(3) == 0) {
      for (int c = 0; c < n; c++) {
        line(
            y,
            "  tok%d: { routine: { duration: { exp: %dus }, then: [ { insert: tok%d, target: { random: 0.%d } } ] } }",
            c,
            2 + r.nextInt(20),
            c,
            1 + r.nextInt(9));
      }
    }
    line(y, "devices:");
    for (int c = 0; c < n; c++) {
      line(
          y,
          "  q%d: { interrupts: { poisson: %d/s }, cpus: [%d], isr: { duration: %s, then: [ { insert: rx%d } ] } }",
          c,
          2_000 + r.nextInt(40_000),
          c,
          duration(r, 3),
          c);
    }
    if (y.indexOf("tok0") >= 0) {
      line(y, "script:");
      for (int c = 0; c < n; c++) {
        line(y, "  - { at: 0us, cpu: %d, do: insert, dpc: tok%d }", c, c);
      }
    }
    return y.toString();
  }
}
