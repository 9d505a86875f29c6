package dpcsim.interconnect;

import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.EventKey;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.KdpcState;
import dpcsim.lookahead.Partition;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.WindowReport;
import dpcsim.partition.NodeWindows;
import dpcsim.scenario.EventEstimate;
import dpcsim.trace.TraceConsumer;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's side of a run as a state machine, with no actor in it: it says what to do next
 * (run a window on some processors, run one processor's shared-KDPC event, or stop), takes the
 * processors' reports, routes their messages and releases the trace in order. The actor engine and
 * the single-threaded {@code WindowedEngine} drive the same protocol.
 *
 * <p>A window: every processor with an event before the horizon runs to it in parallel, stopping
 * before events that touch a shared KDPC. Then those events run one at a time, always the one first
 * in global key order, each processor going on to the horizon or its next such event. Then the
 * trace below the watermark is final.
 */
public final class RunProtocol {
  /** What the engine must do next. */
  public sealed interface Step {
    /**
     * Run {@code participants[i]} to {@code horizon} after delivering {@code inbound.get(i)}; where
     * nodes deliver their own processors' messages, node n runs only to {@code nodeHorizons[n]}.
     */
    record Window(
        long horizon, int[] participants, List<List<CrossCpu>> inbound, long[] nodeHorizons)
        implements Step {
      /** A window with one horizon for every processor. */
      public Window(long horizon, int[] participants, List<List<CrossCpu>> inbound) {
        this(horizon, participants, inbound, null);
      }

      /**
       * @return the horizon node {@code node} runs to
       */
      public long horizon(int node) {
        return nodeHorizons == null ? horizon : nodeHorizons[node];
      }
    }

    /**
     * Run processor {@code cpu}'s blocked event, then on to {@code horizon}, running further
     * shared-KDPC events only before {@code limit} (another processor's turn; null: none).
     */
    record Shared(
        int cpu, long horizon, List<CrossCpu> inbound, EventKey limit, List<KdpcState> shared)
        implements Step {}

    /**
     * Every event before {@code reachedNs} has run and none after (the debugger's pause, see {@link
     * #pauseBefore}); {@link #next} goes on from here.
     */
    record Paused(long reachedNs) implements Step {}

    /** The run is over at {@code simulatedNs}. */
    record Done(long simulatedNs, boolean stoppedByWatchdog) implements Step {}
  }

  /**
   * Trace events a window should carry. Small enough that the trace of one window is merged,
   * formatted and hashed while the processors run the next (the release comes after the next step
   * is sent, see {@link #releaseTrace}), large enough that a window's round trip costs little.
   */
  static final long WINDOW_EVENTS = 32_768;

  private final WindowPlanner planner;
  private final Partition partition;
  private final boolean nodeMode;
  private boolean releasePending;
  private long releaseWatermark;
  private long releaseLast;
  private final TraceMerge merge;
  private List<KdpcState> sharedState = List.of();
  private long horizon = -1;
  private long windowStart;
  private long windowEvents;
  private long windows;
  private long sharedSteps;
  private long processed;
  private long messages;
  private boolean done;
  private long pauseBefore = Long.MAX_VALUE;

  /**
   * @param downstream receives the trace in order
   * @param windowCap the largest window span (results never depend on it), or {@code
   *     Long.MAX_VALUE}
   */
  public RunProtocol(Machine machine, DpcReach reach, TraceConsumer downstream, long windowCap) {
    this(
        machine,
        reach,
        downstream,
        windowCap,
        Partition.even(machine.processors(), machine.processors()));
  }

  /**
   * A protocol for processors run by the nodes of {@code partition} (NodeWindows), which report
   * once per step ({@link #acceptNode}).
   *
   * @param downstream receives the trace in order
   * @param windowCap the largest window span (results never depend on it), or {@code
   *     Long.MAX_VALUE}
   */
  public RunProtocol(
      Machine machine,
      DpcReach reach,
      TraceConsumer downstream,
      long windowCap,
      Partition partition) {
    int n = machine.processors();
    this.partition = partition;
    this.nodeMode = reach.nodeSends(partition) != reach.sends();
    long[] offsets = new long[n];
    for (int p = 0; p < n; p++) {
      offsets[p] = reach.minSendOffset(p);
    }
    this.planner =
        new WindowPlanner(
            n,
            machine.scenario().remoteInsertLatencyNs(),
            machine.durationNs(),
            offsets,
            windowCap,
            WINDOW_EVENTS,
            firstSpan(machine),
            nodeMode ? partition : null);
    this.merge = new TraceMerge(machine.traceNames(), downstream);
  }

  /**
   * The first window's span: about {@link #WINDOW_EVENTS} events at the scenario's estimated rate,
   * so even a run without cross-processor traffic (one window otherwise) streams its trace from the
   * start; later windows adapt to what the earlier ones carried.
   */
  static long firstSpan(Machine machine) {
    double events = EventEstimate.of(machine.scenario()).total();
    long duration = machine.durationNs();
    if (!(events > WINDOW_EVENTS) || duration <= 0) {
      return Long.MAX_VALUE;
    }
    return Math.max(1, (long) (duration * (WINDOW_EVENTS / events)));
  }

  /** Takes where every processor stands after it started. */
  public void start(List<ProcessorStatus> statuses) {
    for (ProcessorStatus s : statuses) {
      planner.update(s);
    }
  }

  /**
   * @return true if the nodes deliver messages among their own processors and a window is a grant
   *     bounded by cross-node sends only (false: every message comes here)
   */
  public boolean nodeMode() {
    return nodeMode;
  }

  /**
   * @return how the processors are split over nodes
   */
  public Partition partition() {
    return partition;
  }

  /** Takes node {@code node}'s earliest cross-node output time before the first window. */
  public void startNode(int node, long crossOutput) {
    if (nodeMode) {
      planner.nodeCross(node, crossOutput);
    }
  }

  /** Takes node {@code node}'s report of a window (a grant it ran in local windows). */
  public void acceptNode(int node, NodeWindows.GrantReport report) {
    acceptNode(node, report, true);
  }

  /**
   * Takes a part of node {@code node}'s report of a window; the {@code last} part carries the
   * node's earliest cross-node output time.
   */
  public void acceptNode(int node, NodeWindows.GrantReport report, boolean last) {
    for (ProcessorStatus s : report.statuses()) {
      planner.update(s);
    }
    route(report.outbound());
    messages += report.outbound().size() + report.localMessages();
    merge.add(report.trace());
    windowEvents += report.trace().size();
    processed += report.processed();
    if (last) {
      startNode(node, report.crossOutput());
    }
  }

  /** Takes one processor's report for the current step. */
  public void accept(WindowReport report) {
    planner.update(report.status());
    route(report.outbound());
    messages += report.outbound().size();
    merge.add(report.trace());
    windowEvents += report.trace().size();
    processed += report.processed();
    if (!report.shared().isEmpty()) {
      sharedState = report.shared(); // shared steps run one at a time: this is the latest
    }
  }

  private void route(List<CrossCpu> outbound) {
    for (CrossCpu m : outbound) {
      if (m.arriveNs() < planner.horizonOfCpu(m.to(), horizon)) {
        // The horizon promised that nothing sent in this step arrives before it.
        throw new IllegalStateException(
            "a message from processor "
                + m.from()
                + " arrives at "
                + m.arriveNs()
                + " ns, before the window's horizon "
                + horizon
                + " ns: its earliest-output bound is wrong");
      }
      planner.route(m);
    }
  }

  /**
   * @return what to do next, once every report of the previous step was accepted
   */
  public Step next() {
    if (done) {
      throw new IllegalStateException("the run is over");
    }
    releaseTrace(); // an engine that did not release after the last step releases here
    if (horizon >= 0) {
      int b = planner.nextBlocked(horizon);
      if (b >= 0) {
        sharedSteps++;
        return new Step.Shared(
            b, horizon, planner.takeInbound(b), planner.limitFor(b, horizon), sharedState);
      }
      // Released by releaseTrace, after the engine has sent the next step: the merge, the
      // formatting and the hash then overlap the processors' next window.
      releasePending = true;
      releaseWatermark = planner.watermark();
      releaseLast = planner.lastInstant();
      planner.adapt(windowEvents, horizon - windowStart);
    }
    long h = planner.horizon();
    if (h < 0 && pauseBefore == Long.MAX_VALUE) {
      done = true;
      releaseTrace();
      merge.finish(planner.lastInstant());
      return new Step.Done(planner.lastInstant(), planner.stopTime() >= 0);
    }
    if (h < 0 || planner.watermark() >= pauseBefore) {
      releaseTrace(); // a paused run's observers see everything before the pause
      // A pause after the last event keeps the run open (the debugger may still look at it).
      horizon = -1; // the last window is wrapped up: going on starts a new one
      return new Step.Paused(
          h < 0 ? Math.min(pauseBefore, planner.lastInstant() + 1) : pauseBefore);
    }
    // A smaller horizon is always safe; it changes how windows are cut, never the trace.
    h = Math.min(h, pauseBefore);
    planner.capNodes(pauseBefore);
    windowStart = planner.watermark();
    horizon = h;
    windowEvents = 0;
    windows++;
    int[] participants = planner.participants(h);
    List<List<CrossCpu>> inbound = new ArrayList<>(participants.length);
    for (int p : participants) {
      inbound.add(planner.takeInbound(p));
    }
    long[] nodeHorizons = null;
    if (nodeMode) {
      nodeHorizons = new long[partition.nodes()];
      for (int n = 0; n < nodeHorizons.length; n++) {
        nodeHorizons[n] = planner.horizonOf(n, h);
      }
    }
    return new Step.Window(h, participants, inbound, nodeHorizons);
  }

  /**
   * Releases the trace the last completed window made final (below its watermark) to the downstream
   * consumer. Call after acting on {@link #next}'s step; {@link #next} itself releases before a
   * pause and at the end. Does nothing when nothing is pending.
   */
  public void releaseTrace() {
    if (releasePending) {
      releasePending = false;
      merge.release(releaseWatermark, releaseLast);
    }
  }

  /**
   * Makes {@link #next} stop between windows with {@link Step.Paused} once every event before
   * {@code time} has run (the trace below it is then released), or when no event is left. Only
   * Long.MAX_VALUE (the default) never pauses and lets the run end with {@link Step.Done}.
   */
  public void pauseBefore(long time) {
    this.pauseBefore = time;
  }

  /**
   * @return the time of the next event of any processor (messages in flight included), or
   *     Long.MAX_VALUE when none is left
   */
  public long nextEventNs() {
    long w = planner.watermark();
    return w > planner.lastInstant() ? Long.MAX_VALUE : w;
  }

  /**
   * @return the last instant that still runs: the duration, or a stopping violation's time
   */
  public long lastInstant() {
    return planner.lastInstant();
  }

  /**
   * @return the latest state of the shared KDPCs, as the last shared step left it
   */
  public List<KdpcState> sharedState() {
    return sharedState;
  }

  /**
   * @return the simulated time every processor has reached (no event before it is pending)
   */
  public long reachedNs() {
    return Math.min(planner.watermark(), planner.lastInstant());
  }

  /**
   * @return windows planned so far
   */
  public long windows() {
    return windows;
  }

  /**
   * @return shared-KDPC events run one at a time so far
   */
  public long sharedSteps() {
    return sharedSteps;
  }

  /**
   * @return simulation events processed by all processors
   */
  public long processed() {
    return processed;
  }

  /**
   * @return cross-processor messages routed
   */
  public long messages() {
    return messages;
  }
}
