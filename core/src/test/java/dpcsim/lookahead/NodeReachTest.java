package dpcsim.lookahead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.kernel.Machine;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Op;
import dpcsim.scenario.Phold;
import dpcsim.scenario.ScenarioLoader;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which sends leave a node: the bound between nodes counts only those. */
class NodeReachTest {
  /** A ring: each processor's routine inserts a KDPC targeted at the next processor. */
  private static final String RING =
      """
      profile: win10
      processors: 4
      duration: 1ms
      dpcs:
        r0: { target: 0, routine: { duration: 5us, then: [ { insert: n0 } ] } }
        r1: { target: 1, routine: { duration: 5us, then: [ { insert: n1 } ] } }
        r2: { target: 2, routine: { duration: 5us, then: [ { insert: n2 } ] } }
        r3: { target: 3, routine: { duration: 5us, then: [ { insert: n3 } ] } }
        n0: { target: 1, routine: { duration: 1us } }
        n1: { target: 2, routine: { duration: 1us } }
        n2: { target: 3, routine: { duration: 1us } }
        n3: { target: 0, routine: { duration: 1us } }
      devices:
        q0: { interrupts: { poisson: 2000/s }, cpus: [0], isr: { duration: 1us, then: [ { insert: r0 } ] } }
        q1: { interrupts: { poisson: 2000/s }, cpus: [1], isr: { duration: 1us, then: [ { insert: r1 } ] } }
        q2: { interrupts: { poisson: 2000/s }, cpus: [2], isr: { duration: 1us, then: [ { insert: r2 } ] } }
        q3: { interrupts: { poisson: 2000/s }, cpus: [3], isr: { duration: 1us, then: [ { insert: r3 } ] } }
      """;

  private static DpcReach reach(String yaml) throws Exception {
    return new DpcReach(
        new Machine(ScenarioLoader.parse(yaml, "t.yaml", new LinkedHashSet<>(Profiles.names()))));
  }

  @Test
  @DisplayName("a targeted insert leaves the node only when its target runs elsewhere")
  void targetedInserts() throws Exception {
    DpcReach reach = reach(RING);
    SendLimits nodes = reach.crossing(Partition.even(4, 2)); // 0-1, 2-3
    Op toNext = new Op.Insert("n0", 0, 0);
    assertTrue(reach.maySend(toNext, 0), "0 -> 1 is a message");
    assertFalse(nodes.maySend(toNext, 0), "0 -> 1 stays on node 0-1");
    assertTrue(nodes.maySend(new Op.Insert("n1", 0, 0), 1), "1 -> 2 leaves it");
    assertTrue(nodes.maySend(new Op.Insert("n3", 0, 0), 3), "3 -> 0 leaves node 2-3");
    assertEquals(DpcReach.NEVER, nodes.minSendOffset(0), "nothing on processor 0 leaves");
    assertEquals(5_000, nodes.minSendOffset(1), "r1 ends after 5 us and sends off the node");
    assertTrue(nodes.leaves(1, 2));
    assertFalse(nodes.leaves(2, 3));
  }

  @Test
  @DisplayName("on one node nothing leaves; with shared KDPCs every message counts")
  void oneNodeAndShared() throws Exception {
    DpcReach reach = reach(RING);
    SendLimits one = reach.crossing(Partition.single(4));
    for (int cpu = 0; cpu < 4; cpu++) {
      assertEquals(DpcReach.NEVER, one.minSendOffset(cpu));
    }
    DpcReach shared =
        reach(
            """
            profile: win10
            processors: 2
            duration: 1ms
            dpcs:
              d: { routine: { duration: 1us } }
            devices:
              v: { interrupts: { poisson: 2000/s }, cpus: [0, 1], isr: { duration: 1us, then: [ { insert: d } ] } }
            """);
    assertTrue(shared.sharedCount() > 0);
    assertSame(shared.sends(), shared.nodeSends(Partition.even(2, 2)), "shared: per processor");
    assertSame(shared.sends(), shared.nodeSends(Partition.single(2)), "shared: even on one node");
    assertSame(reach.sends(), reach.nodeSends(Partition.even(4, 4)), "a node per processor");
    assertNotSame(reach.sends(), reach.nodeSends(Partition.even(4, 2)), "only what leaves");
    assertFalse(
        reach.nodeSends(Partition.even(4, 2)).maySend(new Op.Insert("n0", 0, 0), 0),
        "0 -> 1 stays on node 0-1");
  }

  @Test
  @DisplayName("PHOLD: a random target leaves the node; the hop chance stays the insert's")
  void randomTargets() throws Exception {
    DpcReach reach = reach(Phold.yaml(8, 2, 0.25, "10us", 1, "1ms"));
    SendLimits nodes = reach.crossing(Partition.even(8, 2));
    assertEquals(0.25, nodes.hopChance(3), 1e-12);
    assertTrue(nodes.leaves(3, 4));
    assertFalse(nodes.leaves(3, 0));
    assertTrue(nodes.minSendOffset(3) < DpcReach.NEVER);
  }
}
