package dpcsim.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Profiles;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.Partition;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.lookahead.SendLimits;
import dpcsim.scenario.Phold;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The node-level part of the coordinator, driven by hand over real processors. */
class NodeWindowsTest {
  private static final long GRANT = 200_000; // 200 us of simulated time

  /** One node of {@code partition}: its processors' windows and its part. */
  private record Node(NodeWindows part, ProcessorWindow[] cpus, Partition partition) {
    static Node of(String yaml, Partition partition, int node) throws Exception {
      Machine m =
          new Machine(ScenarioLoader.parse(yaml, "t.yaml", new LinkedHashSet<>(Profiles.names())));
      DpcReach reach = new DpcReach(m);
      SendLimits crossing = reach.nodeSends(partition);
      KdpcTable kdpcs = new KdpcTable(m);
      int lo = partition.first(node);
      int hi = partition.end(node);
      ProcessorWindow[] cpus = new ProcessorWindow[m.processors()];
      List<ProcessorStatus> statuses = new ArrayList<>();
      for (int p = lo; p < hi; p++) {
        cpus[p] =
            new ProcessorWindow(
                p, m, kdpcs, reach, m.globalChanges(), c -> c >= lo && c < hi, crossing);
        statuses.add(cpus[p].status());
      }
      NodeWindows part = new NodeWindows(m, reach, partition, node);
      part.start(statuses);
      return new Node(part, cpus, partition);
    }

    NodeWindows.GrantReport grant(long horizon, List<CrossCpu> inbound) {
      part.grant(horizon, Long.MAX_VALUE, inbound);
      for (NodeWindows.LocalWindow w = part.next(); w != null; w = part.next()) {
        for (int i = 0; i < w.cpus().length; i++) {
          assertTrue(w.horizons()[i] <= horizon, "a local window never passes the grant");
          part.accept(cpus[w.cpus()[i]].run(w.horizons()[i], w.inbound().get(i)));
        }
      }
      return part.finish();
    }
  }

  private static final String PHOLD = Phold.yaml(8, 2, 0.5, "10us", 3, "5ms");

  @Test
  @DisplayName("one node: every PHOLD hop is delivered on the node, in many local windows")
  void oneNodeDeliversEverything() throws Exception {
    Node n = Node.of(PHOLD, Partition.single(8), 0);
    assertEquals(Long.MAX_VALUE, n.part().crossOutput(), "nothing can leave a single node");
    NodeWindows.GrantReport r = n.grant(GRANT, List.of());
    assertTrue(n.part().keepsLocal());
    assertEquals(List.of(), r.outbound());
    assertTrue(r.localMessages() > 10, r.localMessages() + " hops");
    assertTrue(r.localWindows() > 5, r.localWindows() + " local windows");
    assertEquals(8, r.statuses().size());
    for (ProcessorStatus s : r.statuses()) {
      assertTrue(s.nextEventTime() >= GRANT, "processor " + s.cpu() + " reached the grant");
    }
    assertSorted(r);
  }

  @Test
  @DisplayName("two nodes: only hops to the other node go out, none before the node's bound")
  void twoNodesSendOnlyCrossNode() throws Exception {
    Node n = Node.of(PHOLD, Partition.even(8, 2), 0);
    long bound = n.part().crossOutput();
    // PHOLD's script inserts its tokens at 0 with random targets: they may leave at once.
    assertTrue(bound >= 0 && bound < Long.MAX_VALUE, "bound " + bound);
    // Run to the bound plus the latency: what leaves must not arrive earlier.
    NodeWindows.GrantReport r = n.grant(GRANT, List.of());
    assertTrue(r.localMessages() > 0, "some hops stay on the node");
    assertTrue(!r.outbound().isEmpty(), "some hops leave it");
    for (CrossCpu m : r.outbound()) {
      assertTrue(m.to() >= 4, "to the other node: " + m);
      assertTrue(m.arriveNs() - 200 >= bound, "sent at " + (m.arriveNs() - 200) + " < " + bound);
    }
    assertSorted(r);
  }

  /** A ring: each processor's interrupt queues a routine that completes on the next one. */
  private static final String RING =
      """
      profile: win10
      processors: 4
      duration: 2ms
      dpcs:
        r0: { target: 0, routine: { duration: { exp: 10us }, then: [ { insert: n0 } ] } }
        r1: { target: 1, routine: { duration: { exp: 10us }, then: [ { insert: n1 } ] } }
        r2: { target: 2, routine: { duration: { exp: 10us }, then: [ { insert: n2 } ] } }
        r3: { target: 3, routine: { duration: { exp: 10us }, then: [ { insert: n3 } ] } }
        n0: { importance: high, target: 1, routine: { duration: 2us } }
        n1: { importance: high, target: 2, routine: { duration: 2us } }
        n2: { importance: high, target: 3, routine: { duration: 2us } }
        n3: { importance: high, target: 0, routine: { duration: 2us } }
      devices:
        q0: { interrupts: { poisson: 5000/s }, cpus: [0], isr: { duration: 1us, then: [ { insert: r0 } ] } }
        q1: { interrupts: { poisson: 5000/s }, cpus: [1], isr: { duration: 1us, then: [ { insert: r1 } ] } }
        q2: { interrupts: { poisson: 5000/s }, cpus: [2], isr: { duration: 1us, then: [ { insert: r2 } ] } }
        q3: { interrupts: { poisson: 5000/s }, cpus: [3], isr: { duration: 1us, then: [ { insert: r3 } ] } }
      """;

  @Test
  @DisplayName("a ring on one node: each processor waits only for its predecessor")
  void sparseRingRunsPerProcessorHorizons() throws Exception {
    Node n = Node.of(RING, Partition.single(4), 0);
    n.part().grant(2_000_001, Long.MAX_VALUE, List.of());
    int windows = 0;
    int participants = 0;
    for (NodeWindows.LocalWindow w = n.part().next(); w != null; w = n.part().next()) {
      windows++;
      participants += w.cpus().length;
      for (int i = 0; i < w.cpus().length; i++) {
        n.part().accept(n.cpus()[w.cpus()[i]].run(w.horizons()[i], w.inbound().get(i)));
      }
    }
    NodeWindows.GrantReport r = n.part().finish();
    assertTrue(participants < 2 * windows, participants + " participants in " + windows);
    assertTrue(r.localMessages() > 20, r.localMessages() + " completions");
    // The completions (n0..n3) send nothing: a processor waits only for its predecessor's next
    // receive routine, so most local windows run one processor through one interrupt's work.
    assertSorted(r);
  }

  @Test
  @DisplayName("a grant must be finished before the next; messages must be for this node")
  void misuse() throws Exception {
    Node n = Node.of(PHOLD, Partition.even(8, 2), 1);
    assertThrows(IllegalStateException.class, () -> n.part().next());
    n.part().grant(1_000, Long.MAX_VALUE, List.of());
    assertThrows(
        IllegalStateException.class, () -> n.part().grant(2_000, Long.MAX_VALUE, List.of()));
    NodeWindows.GrantReport r = n.part().finish();
    assertEquals(List.of(), r.outbound());
    assertThrows(IllegalStateException.class, () -> n.part().next(), "finish ends the grant");
    CrossCpu toNode0 = new CrossCpu.FlushRequest(5, 0, 5_000, 1);
    assertThrows(
        IllegalStateException.class, () -> n.part().grant(3_000, Long.MAX_VALUE, List.of(toNode0)));
  }

  private static void assertSorted(NodeWindows.GrantReport r) {
    TraceBuffer b = new TraceBuffer(TraceNames.NONE, r.trace().size());
    b.addAll(r.trace());
    assertTrue(b.size() > 0);
    for (int i = 1; i < b.size(); i++) {
      assertTrue(b.compare(i - 1, i) <= 0, "trace order at " + i);
    }
  }
}
