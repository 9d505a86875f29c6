package dpcsim.partition;

import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.Partition;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.SendLimits;
import dpcsim.lookahead.WindowReport;
import dpcsim.trace.TraceColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The node-level part of the coordinator, as plain Java: within a grant from the run's driver (run
 * every processor of this node to the grant's horizon), it plans the node's local windows, delivers
 * the messages its processors send each other itself, and keeps those that leave the node, the
 * node's trace (sorted into one run) and its processors' statuses for one report to the driver.
 *
 * <p>A local window's horizon is the one the driver would compute for these processors alone: the
 * earliest time one of them may send plus the latency, never past the grant. The grant itself is
 * bounded only by sends that leave a node ({@link #crossOutput}), so a node whose traffic stays
 * inside runs many local windows per synchronisation with the driver.
 *
 * <p>When every message counts ({@link DpcReach#nodeSends} returns the processor-level reach: the
 * scenario has shared KDPCs), the grant is the global window, one local window covers it, and every
 * message goes to the driver, which routes it as it always did.
 */
public final class NodeWindows {
  private static final long NEVER = Long.MAX_VALUE;

  /**
   * Run {@code cpus[i]} to {@code horizons[i]} after delivering {@code inbound.get(i)}; {@code
   * horizon} is the largest of them.
   */
  public record LocalWindow(
      long horizon, int[] cpus, long[] horizons, List<List<CrossCpu>> inbound) {}

  /**
   * What the node did in one grant.
   *
   * @param statuses where every processor that ran or was sent something stands, with messages
   *     waiting for it on this node counted in its next event time
   * @param outbound the messages that leave the node (all of them when every message counts)
   * @param trace the node's trace events of the grant, in trace order
   * @param localMessages messages delivered inside the node
   * @param crossOutput the node's earliest cross-node output time from now ({@link #crossOutput})
   * @param localWindows the local windows the grant took
   */
  public record GrantReport(
      List<ProcessorStatus> statuses,
      List<CrossCpu> outbound,
      TraceColumns trace,
      long processed,
      long localMessages,
      long crossOutput,
      long localWindows) {}

  private final int first;
  private final int end;
  private final long latency;
  private final boolean keepLocal;
  private final long[] minSendOffset;
  private final ProcessorStatus[] status;
  private final List<List<CrossCpu>> pending;
  private final long[] minPending;
  private final BitSet touched = new BitSet();

  /**
   * Sparse mode (few processors of the node may send to each other, as around a ring): each
   * processor runs to its own horizon, the earliest time a message from the processors that may
   * send to it can arrive ({@code senders}, local indices); null: one horizon for the node.
   */
  private final int[][] senders;

  private final long[] arrival;
  private final long[] messageDepth;
  private final long[] crossMessageDepth;
  private final long[] sparseReply;
  private final long[] clock;

  /** The grant's trace, assembled into one run in trace order. */
  private final GrantTrace trace;

  private List<CrossCpu> outbound = new ArrayList<>();
  private long grantHorizon = -1;
  private long grantLast;
  private long localStop = -1;
  private long horizon;
  private long processed;
  private long localMessages;
  private long localWindows;

  /**
   * The part for node {@code node} of {@code partition}.
   *
   * @param reach the scenario's reach (the same object the processors' windows were built with)
   */
  public NodeWindows(Machine machine, DpcReach reach, Partition partition, int node) {
    this.first = partition.first(node);
    this.end = partition.end(node);
    this.latency = machine.scenario().remoteInsertLatencyNs();
    this.keepLocal = reach.nodeSends(partition) != reach.sends();
    int n = end - first;
    this.minSendOffset = new long[n];
    for (int i = 0; i < n; i++) {
      minSendOffset[i] = reach.minSendOffset(first + i);
    }
    this.status = new ProcessorStatus[n];
    this.pending = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pending.add(new ArrayList<>());
    }
    this.minPending = new long[n];
    Arrays.fill(minPending, NEVER);
    this.senders = keepLocal ? sparseSenders(reach, n) : null;
    this.arrival = new long[n];
    this.sparseReply = new long[n];
    this.messageDepth = new long[n];
    this.crossMessageDepth = new long[n];
    if (senders != null) {
      SendLimits crossing = reach.nodeSends(partition);
      for (int i = 0; i < n; i++) {
        messageDepth[i] = reach.sends().messageDepth(first + i);
        crossMessageDepth[i] = crossing.messageDepth(first + i);
      }
    }
    this.clock = new long[n];
    Arrays.fill(clock, Long.MIN_VALUE);
    this.trace = new GrantTrace(machine.traceNames(), n);
  }

  /**
   * @return per processor of the node, the others that may send to it, when there are few (at most
   *     four per processor on average); else null (PHOLD: everyone may send to everyone, so one
   *     horizon for the node is as good and cheaper)
   */
  private int[][] sparseSenders(DpcReach reach, int n) {
    if (n < 2) {
      return null;
    }
    List<List<Integer>> in = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      in.add(new ArrayList<>());
    }
    long edges = 0;
    for (int i = 0; i < n; i++) {
      BitSet to = reach.sendTargets(first + i);
      for (int q = to.nextSetBit(first); q >= 0 && q < end; q = to.nextSetBit(q + 1)) {
        in.get(q - first).add(i);
        if (++edges > 4L * n) {
          return null;
        }
      }
    }
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = in.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /**
   * Sparse mode: the earliest time a message may reach each processor from its senders on the node:
   * a sender's earliest output time plus the latency, or, through a chain, a message reaching the
   * sender, its send offset after it, and the latency (relaxed until nothing shrinks).
   */
  private void arrivals() {
    int n = status.length;
    for (int p = 0; p < n; p++) {
      // What a message brings, or what waits here and the message lets start at once.
      sparseReply[p] = Math.min(messageDepth[p], status[p].waitingOffset());
    }
    for (int q = 0; q < n; q++) {
      long a = NEVER;
      for (int p : senders[q]) {
        a = Math.min(a, DpcReach.add(anyOutput(p), latency));
      }
      arrival[q] = a;
    }
    for (int pass = 0; pass < n; pass++) {
      boolean changed = false;
      for (int q = 0; q < n; q++) {
        for (int p : senders[q]) {
          long offset = sparseReply[p];
          if (arrival[p] != NEVER && offset != NEVER) {
            long a = DpcReach.add(DpcReach.add(arrival[p], offset), latency);
            if (a < arrival[q]) {
              arrival[q] = a;
              changed = true;
            }
          }
        }
      }
      if (!changed) {
        return;
      }
    }
  }

  /** Takes where each processor of the node stands after it started. */
  public void start(List<ProcessorStatus> statuses) {
    for (ProcessorStatus s : statuses) {
      update(s);
    }
  }

  /**
   * Takes where a processor stands after the driver ran it outside a grant (a shared-KDPC step,
   * which goes straight to the processor).
   */
  public void refresh(ProcessorStatus s) {
    update(s);
  }

  /**
   * @return true if messages between this node's processors stay on the node (false: every message
   *     goes to the driver)
   */
  public boolean keepsLocal() {
    return keepLocal;
  }

  /**
   * Begins a grant: every processor of the node runs to {@code horizon} (exclusive), none past
   * {@code lastInstant}, after taking {@code inbound} (messages from other nodes).
   */
  public void grant(long horizon, long lastInstant, List<CrossCpu> inbound) {
    if (grantHorizon >= 0) {
      throw new IllegalStateException("a grant is under way");
    }
    grantHorizon = horizon;
    grantLast = lastInstant;
    for (CrossCpu m : inbound) {
      hold(m);
    }
  }

  /**
   * @return the next local window of the grant, or null when every processor has reached the
   *     grant's horizon ({@link #finish} then reports)
   */
  public LocalWindow next() {
    if (grantHorizon < 0) {
      throw new IllegalStateException("no grant is under way");
    }
    if (senders == null) {
      trace.closeWindow();
    }
    long last = localStop >= 0 ? Math.min(localStop, grantLast) : grantLast;
    long minT = NEVER;
    long h = NEVER;
    for (int i = 0; i < status.length; i++) {
      if (status[i].blocked() == null) {
        // A processor stopped before a shared-KDPC event waits for the driver to give it its turn.
        minT = Math.min(minT, nextTime(i));
      }
      long eot = anyOutput(i);
      if (eot != NEVER) {
        h = Math.min(h, DpcReach.add(eot, latency));
      }
    }
    if (minT >= grantHorizon || minT > last) {
      return null;
    }
    h = Math.min(Math.min(h, grantHorizon), last + 1);
    h = Math.min(Math.max(h, minT + 1), grantHorizon);
    if (senders != null) {
      arrivals();
    }
    localWindows++;
    int count = 0;
    for (int i = 0; i < status.length; i++) {
      if (nextTime(i) < horizonOf(i, h, last) && status[i].blocked() == null) {
        count++;
      }
    }
    int[] cpus = new int[count];
    long[] horizons = new long[count];
    List<List<CrossCpu>> inbound = new ArrayList<>(count);
    long max = h;
    count = 0;
    for (int i = 0; i < status.length; i++) {
      long hi = horizonOf(i, h, last);
      if (nextTime(i) < hi && status[i].blocked() == null) {
        cpus[count] = first + i;
        horizons[count++] = hi;
        inbound.add(takeInbound(i));
        touched.set(i);
        clock[i] = hi;
        max = Math.max(max, hi);
      }
    }
    horizon = h;
    return new LocalWindow(max, cpus, horizons, inbound);
  }

  /**
   * The horizon of processor {@code i}: the node's ({@code h}) with one horizon, else the earliest
   * arrival from its senders, never past the grant or the last instant.
   */
  private long horizonOf(int i, long h, long last) {
    if (senders == null) {
      return h;
    }
    return Math.max(h, Math.min(Math.min(arrival[i], grantHorizon), last + 1));
  }

  /** Takes one processor's report of the current local window. */
  public void accept(WindowReport report) {
    update(report.status());
    for (CrossCpu m : report.outbound()) {
      long reached = horizon;
      if (keepLocal && m.to() >= first && m.to() < end) {
        reached = Math.max(horizon, clock[m.to() - first]);
      }
      if (m.arriveNs() < reached) {
        throw new IllegalStateException(
            "a message from processor "
                + m.from()
                + " arrives at "
                + m.arriveNs()
                + " ns, before its receiver's horizon "
                + reached
                + " ns: its earliest-output bound is wrong");
      }
      if (keepLocal && m.to() >= first && m.to() < end) {
        hold(m);
        localMessages++;
      } else {
        outbound.add(m);
      }
    }
    if (senders == null) {
      trace.addToWindow(report.trace());
    } else {
      trace.addToProcessor(report.status().cpu() - first, report.trace());
    }
    processed += report.processed();
  }

  /**
   * Ends the grant.
   *
   * @return what the node did in it, for the driver
   */
  public GrantReport finish() {
    if (senders != null) {
      // Processors ran to horizons of their own: the grant's events are final only now.
      trace.gatherProcessors(touched);
    }
    trace.closeWindow();
    List<ProcessorStatus> statuses = new ArrayList<>(touched.cardinality());
    for (int i = touched.nextSetBit(0); i >= 0; i = touched.nextSetBit(i + 1)) {
      statuses.add(status[i].withNextBy(minPending[i]));
    }
    GrantReport r =
        new GrantReport(
            statuses, outbound, trace.run(), processed, localMessages, crossOutput(), localWindows);
    touched.clear();
    outbound = new ArrayList<>();
    processed = 0;
    localMessages = 0;
    localWindows = 0;
    grantHorizon = -1;
    return r;
  }

  /**
   * A lower bound on the time any processor of this node sends a message off the node, given that
   * no message from another node reaches it: the earliest of each processor's own cross-node output
   * time ({@link ProcessorStatus#crossOutput}) and of what a message reaching it on the node may
   * make it send. Such a message arrives no earlier than the first one waiting for it here, or the
   * earliest any processor here may send plus the latency (a chain of messages only adds
   * latencies). Where every message counts this is the node's earliest output time of any message.
   *
   * @return the bound, or {@link Long#MAX_VALUE} when nothing can leave the node
   */
  public long crossOutput() {
    if (senders != null) {
      return sparseCrossOutput();
    }
    long local = NEVER;
    for (int i = 0; i < status.length; i++) {
      local = Math.min(local, anyOutput(i));
    }
    long arrival = DpcReach.add(local, latency);
    long x = NEVER;
    for (int i = 0; i < status.length; i++) {
      ProcessorStatus s = status[i];
      x = Math.min(x, s.crossOutput());
      long arrive = Math.min(minPending[i], arrival);
      if (arrive != NEVER && s.crossSendOffset() != NEVER) {
        x = Math.min(x, DpcReach.add(arrive, s.crossSendOffset()));
      }
      if (!keepLocal) {
        x = Math.min(x, anyOutput(i));
      }
    }
    return x;
  }

  /**
   * Sparse mode: as {@link #crossOutput}, with each processor's own earliest arrival from its
   * senders on the node, and what a message may make it send off the node: the work the message
   * brings, or the work waiting there that it lets start.
   */
  private long sparseCrossOutput() {
    arrivals();
    long x = NEVER;
    for (int i = 0; i < status.length; i++) {
      ProcessorStatus s = status[i];
      x = Math.min(x, s.crossOutput());
      long arrive = Math.min(minPending[i], arrival[i]);
      long reply = Math.min(crossMessageDepth[i], s.crossWaitingOffset());
      if (arrive != NEVER && reply != NEVER) {
        x = Math.min(x, DpcReach.add(arrive, reply));
      }
    }
    return x;
  }

  /** The earliest time processor {@code i} may send any message, counting what waits for it. */
  private long anyOutput(int i) {
    ProcessorStatus s = status[i];
    long eot = s.earliestOutput();
    if (minPending[i] != NEVER && minSendOffset[i] != NEVER) {
      // A message's work draws what the processor's status saw next (DpcReach#sendOffset).
      long offset = Math.max(minSendOffset[i], s.sendOffset());
      eot = Math.min(eot, DpcReach.add(minPending[i], offset));
    }
    return eot;
  }

  private long nextTime(int i) {
    return Math.min(status[i].nextEventTime(), minPending[i]);
  }

  private void update(ProcessorStatus s) {
    int i = s.cpu() - first;
    if (i < 0 || s.cpu() >= end) {
      throw new IllegalStateException("processor " + s.cpu() + " does not run on this node");
    }
    status[i] = s;
    if (s.stopTime() >= 0 && (localStop < 0 || s.stopTime() < localStop)) {
      localStop = s.stopTime();
    }
  }

  private void hold(CrossCpu m) {
    int i = m.to() - first;
    if (i < 0 || m.to() >= end) {
      throw new IllegalStateException("message to processor " + m.to() + " not on this node");
    }
    pending.get(i).add(m);
    minPending[i] = Math.min(minPending[i], m.arriveNs());
    touched.set(i);
  }

  private List<CrossCpu> takeInbound(int i) {
    List<CrossCpu> out = pending.get(i);
    if (out.isEmpty()) {
      return List.of();
    }
    pending.set(i, new ArrayList<>());
    minPending[i] = NEVER;
    return out;
  }
}
