package dpcsim.lookahead;

import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.EventKey;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Processor;
import dpcsim.scenario.ScriptAction;
import dpcsim.trace.TraceBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One processor driven window by window, as a parallel engine drives it: the functional core of the
 * processor actor. It takes the messages that reach the processor, runs it to a horizon (or runs
 * the one shared-KDPC event it is waiting on), and reports what it sent, what it traced and where
 * it stands.
 */
public final class ProcessorWindow {
  private final Processor processor;
  private final OutputBound bound;
  private final OutputBound crossBound;
  private final SendLimits crossing;
  private final KdpcTable kdpcs;
  private final DpcReach reach;
  private final IntPredicate local;
  private List<CrossCpu> outbound = new ArrayList<>();
  private final TraceBuffer trace;
  private long stepsBefore;

  /**
   * Creates and starts processor {@code cpu}.
   *
   * @param tunableChanges the run's {@code setTunable} actions, sent by the coordinator
   */
  public ProcessorWindow(
      int cpu,
      Machine machine,
      KdpcTable kdpcs,
      DpcReach reach,
      List<ScriptAction> tunableChanges) {
    this(cpu, machine, kdpcs, reach, tunableChanges, c -> true);
  }

  /**
   * Creates and starts processor {@code cpu} on a node that runs the processors {@code local}
   * accepts (they share {@code kdpcs}).
   */
  public ProcessorWindow(
      int cpu,
      Machine machine,
      KdpcTable kdpcs,
      DpcReach reach,
      List<ScriptAction> tunableChanges,
      IntPredicate local) {
    this(cpu, machine, kdpcs, reach, tunableChanges, local, reach.sends());
  }

  /**
   * Creates and starts processor {@code cpu} on a node that runs the processors {@code local}
   * accepts, reporting how soon it may send a message that {@code crossing} counts (one that leaves
   * the node: {@link DpcReach#nodeSends}) besides how soon it may send any.
   */
  public ProcessorWindow(
      int cpu,
      Machine machine,
      KdpcTable kdpcs,
      DpcReach reach,
      List<ScriptAction> tunableChanges,
      IntPredicate local,
      SendLimits crossing) {
    this.kdpcs = kdpcs;
    this.reach = reach;
    this.local = local;
    this.trace = new TraceBuffer(machine.traceNames(), 256);
    this.processor =
        new Processor(cpu, machine, kdpcs, reach, trace, message -> outbound.add(message));
    this.bound = new OutputBound(processor, machine, reach.sends());
    this.crossing = crossing;
    this.crossBound =
        crossing == reach.sends() ? bound : new OutputBound(processor, machine, crossing);
    processor.start();
    for (ScriptAction a : tunableChanges) {
      processor.scheduleTunableChange(a);
    }
  }

  /**
   * @return the processor, for inspection
   */
  public Processor processor() {
    return processor;
  }

  /**
   * @return this node's copy of the KDPC objects (for the debugger; shared ones may be older than
   *     another node's)
   */
  public KdpcTable kdpcs() {
    return kdpcs;
  }

  /**
   * @return where the processor stands before any window
   */
  public ProcessorStatus status() {
    return status(null);
  }

  /**
   * Delivers {@code inbound}, then processes every event before {@code horizon}, stopping before
   * one that touches a shared KDPC.
   *
   * @return what the processor did
   */
  public WindowReport run(long horizon, List<CrossCpu> inbound) {
    deliver(inbound);
    return report(processor.runUntil(horizon, true), List.of());
  }

  /**
   * Processes the shared-KDPC event the processor is blocked on (its turn in global order has
   * come), then goes on to {@code horizon} or the next such event at or after {@code sharedLimit}
   * (the next other processor's turn; null: none waits).
   *
   * @return what the processor did
   */
  public WindowReport stepShared(
      long horizon, List<CrossCpu> inbound, EventKey sharedLimit, List<KdpcState> shared) {
    deliver(inbound);
    kdpcs.applySharedState(shared, local);
    processor.step();
    Processor.WindowEnd end = processor.runUntil(horizon, true, sharedLimit);
    return report(end, kdpcs.sharedState(reach));
  }

  private void deliver(List<CrossCpu> inbound) {
    for (CrossCpu m : inbound) {
      processor.deliver(m);
    }
  }

  private WindowReport report(Processor.WindowEnd end, List<KdpcState> shared) {
    WindowReport r =
        new WindowReport(
            status(end),
            outbound,
            trace.columns(0, trace.size()),
            processor.processedEvents() - stepsBefore,
            shared);
    stepsBefore = processor.processedEvents();
    outbound = new ArrayList<>();
    trace.clear();
    return r;
  }

  private ProcessorStatus status(Processor.WindowEnd end) {
    long eot = bound.earliestOutputTime();
    long sendOffset = bound.sendOffset();
    int cpu = processor.cpu();
    long crossOutput = crossBound == bound ? eot : crossBound.earliestOutputTime();
    long crossOffset = crossBound == bound ? sendOffset : crossBound.sendOffset();
    return new ProcessorStatus(
        cpu,
        processor.nextEventTime(),
        eot,
        end == Processor.WindowEnd.BLOCKED ? processor.nextKey() : null,
        processor.stopRequested() ? processor.now() : -1,
        sendOffset,
        crossOutput,
        Math.max(crossing.minSendOffset(cpu), crossOffset),
        bound.waitingOffset(),
        crossBound.waitingOffset());
  }
}
