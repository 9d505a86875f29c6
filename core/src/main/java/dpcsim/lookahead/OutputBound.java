package dpcsim.lookahead;

import dpcsim.kernel.Machine;
import dpcsim.kernel.ProcessorView;
import dpcsim.kernel.RandomStream;
import dpcsim.kernel.RunningWork;
import dpcsim.kernel.StartVisitor;
import dpcsim.scenario.Op;
import dpcsim.scenario.ScriptAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How soon one processor may next send a message to another: its earliest output time, which lets a
 * windowed engine's windows grow far beyond the raw latency. Worked out from the scenario's {@link
 * DpcReach} and a read-only {@link ProcessorView} of the processor; nothing here changes the
 * processor (the random streams it looks ahead in are copies).
 */
public final class OutputBound {
  /** How many random-target inserts {@link #hopLookahead} looks ahead at most. */
  private static final int HOP_LOOKAHEAD = 32;

  private final ProcessorView view;
  private final SendLimits reach;
  private final int cpu;
  private final int processors;

  /** This processor's script actions that may send a message, in time order (static). */
  private final long[] sendingScriptTimes;

  private int sendingScriptNext;

  private final boolean neverSends;

  /** A step of work under way that sends, or starts work here that may lead to a send. */
  private final Predicate<Op> leadsToSend;

  private final Starts starts = new Starts();

  /**
   * The earliest send that what may start work on the processor can lead to, each start no earlier
   * than its own time (the next event for queued KDPCs and waiting interrupts).
   */
  private final class Starts implements StartVisitor {
    private long next;
    private long best;

    private boolean waitingOnly;

    long bound(long next) {
      this.next = next;
      this.best = DpcReach.NEVER;
      this.waitingOnly = false;
      view.visitStarts(this);
      return best;
    }

    /** The smallest depth of what waits here (queued KDPCs, interrupts waiting for the IRQL). */
    long waiting() {
      this.next = 0;
      this.best = DpcReach.NEVER;
      this.waitingOnly = true;
      view.visitStarts(this);
      return best;
    }

    private void at(long time, long depth) {
      best = Math.min(best, DpcReach.add(time, depth));
    }

    @Override
    public void queuedDpc(int dpc) {
      at(next, reach.routineStart(dpc, cpu));
    }

    @Override
    public void pendingIsr(int device) {
      at(next, reach.isrStart(device, cpu));
    }

    @Override
    public void deviceAt(int device, long time) {
      if (waitingOnly) {
        return;
      }
      at(time, reach.isrStart(device, cpu));
    }

    @Override
    public void insertArrives(int dpc, long time) {
      if (waitingOnly) {
        return;
      }
      at(time, reach.routineStart(dpc, cpu));
    }

    @Override
    public void otherArrives(long time) {
      if (waitingOnly) {
        return;
      }
      at(time, 0); // a removal or a flush request: taken as if it could send at once
    }

    @Override
    public void scriptAt(ScriptAction action, long time) {
      if (waitingOnly) {
        return;
      }
      if (action.cpu() != null) {
        at(time, reach.stepStart(action.op(), cpu));
      }
    }
  }

  /**
   * The bound of processor {@code view.cpu()} of {@code machine} on the sends {@code reach} counts
   * (to any other processor with {@link DpcReach#sends}, off its node with {@link
   * DpcReach#crossing}).
   */
  public OutputBound(ProcessorView view, Machine machine, SendLimits reach) {
    this.view = view;
    this.reach = reach;
    this.cpu = view.cpu();
    this.processors = machine.processors();
    List<Long> sending = new ArrayList<>();
    for (ScriptAction a : machine.scenario().script()) {
      if (a.cpu() != null && a.cpu() == cpu && reach.maySend(a.op(), cpu)) {
        sending.add(a.atNs());
      }
    }
    this.sendingScriptTimes = sending.stream().mapToLong(Long::longValue).sorted().toArray();
    // No work that can run here has a sending step, and no script action here sends (on one node,
    // nothing ever leaves it).
    this.neverSends = sendingScriptTimes.length == 0 && reach.minSendOffset(cpu) == DpcReach.NEVER;
    this.leadsToSend = op -> reach.stepStart(op, cpu) != DpcReach.NEVER;
  }

  /**
   * A lower bound on the simulated time at which this processor may next send a message to another
   * processor, given that nothing reaches it before its next event: the next script action that may
   * send, the next sending step of work already under way, or any work that its next event may
   * start. {@link DpcReach#NEVER} when it can never send again.
   *
   * @return the earliest possible send time (messages arrive a latency later)
   */
  public long earliestOutputTime() {
    if (neverSends) {
      return DpcReach.NEVER;
    }
    long next = view.nextEventTime();
    long eot = DpcReach.NEVER;
    while (sendingScriptNext < sendingScriptTimes.length
        && sendingScriptTimes[sendingScriptNext] < next) {
      sendingScriptNext++;
    }
    if (sendingScriptNext < sendingScriptTimes.length) {
      eot = sendingScriptTimes[sendingScriptNext];
    }
    if (!Double.isNaN(reach.hopChance(cpu))) {
      return Math.min(eot, hopLookahead(next, false));
    }
    if (next != Long.MAX_VALUE) {
      Predicate<Op> sends;
      if (reach.followsStarts()) {
        // Only what may start work here leads to a send (StartDepths), not any event.
        eot = Math.min(eot, starts.bound(next));
        sends = leadsToSend;
      } else {
        long offset = sendOffset();
        if (offset != DpcReach.NEVER) {
          eot = Math.min(eot, DpcReach.add(next, offset));
        }
        sends = op -> reach.maySend(op, cpu);
      }
      long now = view.now();
      for (RunningWork a :
          new RunningWork[] {view.isr(), view.dpcRoutine(), view.threadedRoutine()}) {
        if (a != null) {
          long at = a.nextStepAt(sends);
          if (at != Long.MAX_VALUE) {
            long remaining = Math.max(0, at - a.progress(now));
            // A running activity reaches its step no earlier than now + remaining; a suspended
            // one resumes no earlier than the next event.
            long base = a.running() ? now : next;
            eot = Math.min(eot, DpcReach.add(base, remaining));
          }
        }
      }
    }
    return eot;
  }

  /**
   * @return the earliest offset of a send by work already waiting here (queued KDPCs, interrupts
   *     waiting for the IRQL), should a message's arrival let it start at once; 0 where the
   *     start-to-send depths are not worked out, {@link DpcReach#NEVER} when nothing waiting sends
   */
  public long waitingOffset() {
    if (neverSends) {
      return DpcReach.NEVER;
    }
    if (!reach.followsStarts() || !Double.isNaN(reach.hopChance(cpu))) {
      return 0;
    }
    return starts.waiting();
  }

  /**
   * @return the earliest offset of a send in work that starts here at or after the next event or a
   *     message's arrival ({@link DpcReach#sendOffset}, with the work stream's next draw)
   */
  public long sendOffset() {
    if (!Double.isNaN(reach.hopChance(cpu))) {
      return hopLookahead(0, true);
    }
    return reach.sendOffset(cpu, view.nextWorkDraw());
  }

  /**
   * The earliest send of a processor whose every send is the random-target insert that ends a
   * normal routine ({@link DpcReach#hopChance}). Its routines run one after another and each
   * performs at most one such insert, whose target comes from this processor's own stream: looking
   * ahead in a copy of that stream finds the first insert m (1-based) that goes elsewhere. The
   * running routine (ending at E) may perform the first; every later one ends a routine that starts
   * after E, or after the next event or a message's arrival when none runs, and the routines
   * started from then on draw their durations in order from the work stream, so the m-th insert
   * comes no earlier than the sum of the shortest durations those draws give.
   *
   * @param forMessage true: the offset after a message's arrival ({@link DpcReach#NEVER} while a
   *     routine runs: nothing a message brings starts before it ends); false: the time itself
   */
  private long hopLookahead(long next, boolean forMessage) {
    double chance = reach.hopChance(cpu);
    RandomStream targets = view.retargetDraws();
    int m = 1;
    for (; m <= HOP_LOOKAHEAD; m++) {
      // As Processor's retarget draws: the Bernoulli draw, then the uniform one only when remote.
      if (targets.nextDouble() < chance
          && reach.leaves(cpu, (int) (targets.nextDouble() * processors))) {
        break;
      }
    }
    RunningWork routine = view.dpcRoutine();
    boolean running = routine != null;
    if (forMessage && running) {
      return DpcReach.NEVER;
    }
    RandomStream draws = view.workDraws();
    long sum = 0;
    for (int i = 0; i < (running ? m - 1 : m); i++) {
      sum = DpcReach.add(sum, reach.minDuration(cpu, draws.nextDouble()));
    }
    if (forMessage) {
      return sum;
    }
    if (running) {
      long now = view.now();
      long end = now + (routine.duration() - routine.progress(now));
      return DpcReach.add(end, sum);
    }
    return next == Long.MAX_VALUE ? DpcReach.NEVER : DpcReach.add(next, sum);
  }
}
