package dpcsim.interconnect;

import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.EventKey;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.Partition;
import dpcsim.lookahead.ProcessorStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans the conservative windows (DESIGN.md, "Simulated time"). A window's horizon is the earliest
 * time any message sent from now on can arrive: the smallest earliest-output time of any processor
 * plus the smallest cross-processor latency. Every event before the horizon can then run without
 * waiting for anybody. Only processors with an event before the horizon take part; messages wait
 * here until their receiver takes part.
 *
 * <p>Events that touch a shared KDPC are the exception: processors stop before them, and they run
 * one at a time in global key order ({@link #nextBlocked}).
 */
public final class WindowPlanner {
  private static final long NEVER = Long.MAX_VALUE;

  private final int processors;
  private final long latency;
  private final long duration;
  private final long[] minSendOffset;
  private final long cap;
  private final ProcessorStatus[] status;
  private final List<List<CrossCpu>> pending;
  private final long[] minPending;
  private long stopTime = -1;
  private long span;
  private final long targetEvents;

  /**
   * Per node, its earliest cross-node output time as its last report said; null when every message
   * counts (each processor's own earliest output time bounds the window, as without nodes).
   */
  private final long[] nodeCross;

  /** Node mode: which node runs each processor, and each node's horizon in the current window. */
  private final int[] nodeOf;

  private final long[] nodeHorizon;
  private final long[] nodeBound;
  private final long[] nodeReply;

  /**
   * @param latency the smallest latency of a cross-processor message (the lookahead)
   * @param duration the run's simulated duration (events at it still run)
   * @param minSendOffset per processor, the earliest offset of a sending step in work that can run
   *     there ({@code Long.MAX_VALUE}: never sends)
   * @param cap the largest window span allowed (a tuning knob: results never depend on it), or
   *     {@code Long.MAX_VALUE}
   * @param targetEvents the number of events a window should carry: windows shrink when they carry
   *     more, to bound the trace held in memory
   * @param firstSpan the first window's span ({@code Long.MAX_VALUE}: unbounded); later ones adapt
   */
  public WindowPlanner(
      int processors,
      long latency,
      long duration,
      long[] minSendOffset,
      long cap,
      long targetEvents,
      long firstSpan) {
    this(processors, latency, duration, minSendOffset, cap, targetEvents, firstSpan, null);
  }

  /**
   * A planner for nodes that deliver their own processors' messages to each other: the horizon is
   * bounded by the nodes' cross-node earliest output times ({@link #nodeCross}) instead of every
   * processor's.
   *
   * @param partition the nodes, or null when every message counts
   */
  public WindowPlanner(
      int processors,
      long latency,
      long duration,
      long[] minSendOffset,
      long cap,
      long targetEvents,
      long firstSpan,
      Partition partition) {
    int nodes = partition == null ? 0 : partition.nodes();
    this.nodeCross = nodes > 0 ? new long[nodes] : null;
    this.nodeHorizon = nodes > 0 ? new long[nodes] : null;
    this.nodeBound = nodes > 0 ? new long[nodes] : null;
    this.nodeReply = nodes > 0 ? new long[nodes] : null;
    this.nodeOf = nodes > 0 ? new int[processors] : null;
    if (nodeCross != null) {
      Arrays.fill(nodeCross, NEVER);
      for (int p = 0; p < processors; p++) {
        nodeOf[p] = partition.nodeOf(p);
      }
    }
    this.processors = processors;
    this.latency = latency;
    this.duration = duration;
    this.minSendOffset = minSendOffset.clone();
    this.cap = cap;
    this.targetEvents = targetEvents;
    this.span = firstSpan;
    this.status = new ProcessorStatus[processors];
    this.pending = new ArrayList<>(processors);
    for (int i = 0; i < processors; i++) {
      pending.add(new ArrayList<>());
    }
    this.minPending = new long[processors];
    Arrays.fill(minPending, NEVER);
  }

  /** Records where processor {@code s.cpu()} stands. */
  public void update(ProcessorStatus s) {
    status[s.cpu()] = s;
    if (s.stopTime() >= 0 && (stopTime < 0 || s.stopTime() < stopTime)) {
      stopTime = s.stopTime();
    }
  }

  /** Records node {@code node}'s earliest cross-node output time (NodeWindows#crossOutput). */
  public void nodeCross(int node, long time) {
    nodeCross[node] = time;
  }

  /** Holds a message until its receiver takes part in a window. */
  public void route(CrossCpu m) {
    if (m.to() < 0 || m.to() >= processors) {
      throw new IllegalStateException("message to processor " + m.to() + " that does not exist");
    }
    pending.get(m.to()).add(m);
    minPending[m.to()] = Math.min(minPending[m.to()], m.arriveNs());
  }

  /**
   * @return the messages waiting for {@code cpu}, removed from here
   */
  public List<CrossCpu> takeInbound(int cpu) {
    List<CrossCpu> out = pending.get(cpu);
    if (out.isEmpty()) {
      return List.of();
    }
    pending.set(cpu, new ArrayList<>());
    minPending[cpu] = NEVER;
    return out;
  }

  /**
   * @return the time of processor {@code cpu}'s next event, counting messages waiting here
   */
  public long nextTime(int cpu) {
    return Math.min(status[cpu].nextEventTime(), minPending[cpu]);
  }

  /**
   * @return the last instant that still runs: the duration, or a stopping violation's time
   */
  public long lastInstant() {
    return stopTime >= 0 ? stopTime : duration;
  }

  /**
   * @return the time of the watchdog violation that stops the run, or -1
   */
  public long stopTime() {
    return stopTime;
  }

  /**
   * @return the next window's horizon (events strictly before it run), or -1 when no event is left
   *     to run
   */
  public long horizon() {
    long minT = NEVER;
    long h = NEVER;
    if (nodeCross != null) {
      return nodeHorizon();
    }
    for (int p = 0; p < processors; p++) {
      long t = nextTime(p);
      minT = Math.min(minT, t);
      long eot = status[p].earliestOutput();
      if (minPending[p] != NEVER && minSendOffset[p] != NEVER) {
        // A message's work draws what the processor's status saw next (DpcReach#sendOffset).
        long offset = Math.max(minSendOffset[p], status[p].sendOffset());
        eot = Math.min(eot, DpcReach.add(minPending[p], offset));
      }
      if (eot != NEVER) {
        h = Math.min(h, DpcReach.add(eot, latency));
      }
    }
    return bounded(minT, h);
  }

  /**
   * The horizons of nodes that deliver messages among their own processors, one per node (a horizon
   * per partition): node n may run up to the earliest time a message from another node may reach
   * it. That is the earliest another node m may send off its node (its report's bound, or what a
   * message waiting here for one of its processors may make it send), plus the latency; or a reply
   * to n's own first message off its node: it reaches some m a latency later, which may answer
   * after its reply offset, and that answer takes a latency more.
   *
   * <p>A message reaching processor p at a may make it send off its node after its cross-node send
   * offset, or send to another processor of its node after its send offset, which arrives a latency
   * later and may then leave at once: p's reply offset is the smaller of the two.
   *
   * @return the largest node horizon, or -1 when no event is left to run
   */
  private long nodeHorizon() {
    long minT = NEVER;
    System.arraycopy(nodeCross, 0, nodeBound, 0, nodeCross.length);
    Arrays.fill(nodeReply, NEVER);
    for (int p = 0; p < processors; p++) {
      minT = Math.min(minT, nextTime(p));
      ProcessorStatus s = status[p];
      long any =
          minSendOffset[p] == NEVER
              ? NEVER
              : DpcReach.add(Math.max(minSendOffset[p], s.sendOffset()), latency);
      long reply = Math.min(s.crossSendOffset(), any);
      int node = nodeOf[p];
      nodeReply[node] = Math.min(nodeReply[node], reply);
      if (minPending[p] != NEVER && reply != NEVER) {
        nodeBound[node] = Math.min(nodeBound[node], DpcReach.add(minPending[p], reply));
      }
    }
    if (minT == NEVER || minT > lastInstant()) {
      return -1;
    }
    // The smallest two of each, so that "every other node" costs nothing per node.
    int bestBound = -1;
    int bestReply = -1;
    for (int n = 0; n < nodeBound.length; n++) {
      if (bestBound < 0 || nodeBound[n] < nodeBound[bestBound]) {
        bestBound = n;
      }
      if (bestReply < 0 || nodeReply[n] < nodeReply[bestReply]) {
        bestReply = n;
      }
    }
    long secondBound = NEVER;
    long secondReply = NEVER;
    for (int n = 0; n < nodeBound.length; n++) {
      if (n != bestBound) {
        secondBound = Math.min(secondBound, nodeBound[n]);
      }
      if (n != bestReply) {
        secondReply = Math.min(secondReply, nodeReply[n]);
      }
    }
    long max = -1;
    for (int n = 0; n < nodeBound.length; n++) {
      long others = n == bestBound ? secondBound : nodeBound[bestBound];
      long reply = n == bestReply ? secondReply : nodeReply[bestReply];
      long h = DpcReach.add(others, latency);
      h =
          Math.min(
              h, DpcReach.add(DpcReach.add(DpcReach.add(nodeBound[n], latency), reply), latency));
      nodeHorizon[n] = bounded(minT, h);
      max = Math.max(max, nodeHorizon[n]);
    }
    return max;
  }

  /** Lowers every node's horizon to at most {@code cap} (a pause). */
  public void capNodes(long cap) {
    if (nodeHorizon != null) {
      for (int n = 0; n < nodeHorizon.length; n++) {
        nodeHorizon[n] = Math.min(nodeHorizon[n], cap);
      }
    }
  }

  /**
   * @return node {@code node}'s horizon in the current window (node mode), else {@code h}
   */
  public long horizonOf(int node, long h) {
    return nodeHorizon == null ? h : Math.min(h, nodeHorizon[node]);
  }

  /**
   * @return the horizon that processor {@code cpu} runs to in a window reaching {@code h}
   */
  public long horizonOfCpu(int cpu, long h) {
    return nodeHorizon == null ? h : Math.min(h, nodeHorizon[nodeOf[cpu]]);
  }

  private long bounded(long minT, long h) {
    long last = lastInstant();
    if (minT == NEVER || minT > last) {
      return -1;
    }
    h = Math.min(h, last + 1);
    h = Math.min(h, DpcReach.add(minT, cap));
    h = Math.min(h, DpcReach.add(minT, span));
    return Math.max(h, minT + 1);
  }

  /**
   * @return the processors with an event before {@code horizon}, in processor order
   */
  public int[] participants(long horizon) {
    int[] out = new int[processors];
    int n = 0;
    for (int p = 0; p < processors; p++) {
      if (nextTime(p) < horizonOfCpu(p, horizon)) {
        out[n++] = p;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * @return the processor whose shared-KDPC event comes first in global key order among those
   *     before {@code horizon} (and not after the last instant), or -1
   */
  public int nextBlocked(long horizon) {
    return nextBlocked(horizon, -1);
  }

  /**
   * @return the key of the first shared-KDPC event of any processor but {@code except} (before
   *     {@code horizon}), or null: {@code except} may run shared events up to it
   */
  public EventKey limitFor(int except, long horizon) {
    int p = nextBlocked(horizon, except);
    return p < 0 ? null : status[p].blocked();
  }

  private int nextBlocked(long horizon, int except) {
    int best = -1;
    EventKey bestKey = null;
    for (int p = 0; p < processors; p++) {
      if (p == except) {
        continue;
      }
      EventKey k = status[p].blocked();
      if (k != null && k.time() < horizon && k.time() <= lastInstant()) {
        if (bestKey == null || k.compareTo(bestKey) < 0) {
          best = p;
          bestKey = k;
        }
      }
    }
    return best;
  }

  /**
   * @return the time below which no processor can produce trace events any more
   */
  public long watermark() {
    long w = NEVER;
    for (int p = 0; p < processors; p++) {
      w = Math.min(w, nextTime(p));
    }
    return w;
  }

  /** Adjusts the window span to the number of events the last window carried. */
  public void adapt(long events, long windowSpan) {
    if (events > targetEvents) {
      span = Math.max(latency, Math.min(span, windowSpan) / 2);
    } else if (events < targetEvents / 4 && span != NEVER) {
      span = span > NEVER / 4 ? NEVER : span * 2;
    }
  }
}
