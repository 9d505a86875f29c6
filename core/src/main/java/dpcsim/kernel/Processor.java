package dpcsim.kernel;

import dpcsim.scenario.Irql;
import dpcsim.scenario.Op;
import dpcsim.scenario.ScriptAction;
import dpcsim.trace.TraceSink;

/**
 * One simulated processor: its KPRCB, its DPC lists and what it is executing, driven by its own
 * future event list. Plain Java with no actor types, so the sequential engine and the actor shell
 * run exactly this code.
 *
 * <p>A facade over the processor's parts: each event goes to the part that handles it. {@link
 * Interrupts} takes clock ticks, IPIs and device interrupts; {@link Operations} performs what code
 * on the processor calls (KeInsertQueueDpc and the rest); {@link Transitions} then settles the
 * instant, the zero-time transitions of the {@link ExecutionStack} in IRQL order. The rules
 * themselves are classes of their own, each a function of the KPRCB, the KDPC and the profile:
 * {@link Insertion}, {@link DpcInterrupt}, {@link Retirement}, {@link Removal}, {@link Flush},
 * {@link ClockTick}, {@link DpcWatchdog}, {@link IdleLoop}, {@link DpcThread}.
 *
 * <p>Effects on other processors (remote insert, remote remove, flush) leave through the {@link
 * Outbox} with the scenario's latency and are applied by the receiver when they arrive; the
 * interrupt decision for a remote insertion is therefore made on arrival, with the target's
 * state at that instant, and an IPI it sends is traced on the inserting processor.
 */
public final class Processor implements ProcessorView {
  private final int cpu;
  private final Machine machine;
  private final Kprcb prcb;
  private final GlobalTunables globals;
  private final Timeline timeline;
  private final ThreadLoad load;
  private final ExecutionStack stack;
  private final IdleState idle;
  private final SharedAccess shared;
  private final Interrupts interrupts;
  private final Operations operations;
  private final Transitions transitions;
  private final RandomStream workRandom;
  private final RandomStream retargetRandom;

  private long considering;
  private long processed;

  /**
   * Creates processor {@code cpu} of {@code machine}, for an engine that keeps one copy of the
   * KDPCs and runs every event in global order. Call {@link #start()} before stepping.
   *
   * @param kdpcs the run's KDPC objects (shared memory)
   * @param sink where trace events go
   * @param outbox where effects on other processors go
   */
  public Processor(int cpu, Machine machine, KdpcTable kdpcs, TraceSink sink, Outbox outbox) {
    this(cpu, machine, kdpcs, SharedKdpcs.NONE, sink, outbox);
  }

  /**
   * Creates processor {@code cpu} of {@code machine} that keeps the books on the KDPCs {@code
   * sharing} calls shared (one analysis per run, for all processors), so that an engine can stop it
   * before it touches one.
   */
  public Processor(
      int cpu,
      Machine machine,
      KdpcTable kdpcs,
      SharedKdpcs sharing,
      TraceSink sink,
      Outbox outbox) {
    this.cpu = cpu;
    this.machine = machine;
    this.globals = machine.initialGlobals();
    this.prcb = new Kprcb(cpu, globals, machine.threadDpcEnable());
    prcb.dpcTimeLimit = machine.dpcTimeLimit();
    prcb.dpcWatchdogPeriod = machine.dpcWatchdogPeriod();
    long seed = machine.scenario().seed();
    this.workRandom = new RandomStream(seed, RandomStream.WORK, cpu);
    this.retargetRandom = new RandomStream(seed, RandomStream.RETARGET, cpu);
    this.timeline = new Timeline(cpu, machine.durationNs(), sink);
    this.load =
        new ThreadLoad(
            timeline,
            new RandomStream(seed, RandomStream.LOAD, cpu),
            machine.scenario().load().fraction(cpu),
            machine.scenario().load().periodNs());
    this.stack = new ExecutionStack(load);
    this.idle = new IdleState(timeline, stack, machine.scenario().haltAfterNs());
    this.shared = new SharedAccess(sharing);
    this.interrupts = new Interrupts(machine, prcb, globals, timeline, stack, idle);
    this.operations =
        new Operations(
            machine,
            kdpcs,
            prcb,
            globals,
            timeline,
            stack,
            load,
            idle,
            interrupts,
            shared,
            outbox,
            retargetRandom);
    this.transitions =
        new Transitions(machine, prcb, timeline, stack, load, idle, shared, operations, workRandom);
  }

  // ---------------------------------------------------------------- engine interface

  @Override
  public int cpu() {
    return cpu;
  }

  /**
   * @return the KPRCB, for inspection and tests
   */
  public Kprcb prcb() {
    return prcb;
  }

  /**
   * @return this processor's copy of the R-10 globals
   */
  public GlobalTunables globals() {
    return globals;
  }

  /**
   * @return the time of the event being processed or looked at last: where a failure happened
   */
  public long timeOfLastEvent() {
    return Math.max(timeline.now(), considering);
  }

  /**
   * @return the number of events processed so far
   */
  public long processedEvents() {
    return processed;
  }

  @Override
  public long now() {
    return timeline.now();
  }

  /**
   * @return true if a watchdog violation with {@code action: stop} happened here
   */
  public boolean stopRequested() {
    return interrupts.stopRequested();
  }

  /**
   * Schedules the initial events at time 0 (this processor's script actions, device arrivals, the
   * first clock tick, the thread load) and a boot event, after the time-0 script actions, that
   * reports the initial idle state. Changes of the global tunables come from the engine ({@link
   * #scheduleTunableChange}).
   */
  public void start() {
    for (ScriptAction a : machine.scenario().script()) {
      if (a.cpu() != null && a.cpu() == cpu) {
        timeline.addScript(a);
      }
    }
    interrupts.start();
    load.start();
    timeline.add(0, SimEvent.Kind.BOOT, null, 0);
  }

  /**
   * Schedules a change of a global tunable (a {@code setTunable} script action, which has no
   * processor). The coordinator owns the globals and sends every processor its changes; each
   * applies them at the action's instant, before any other event of that instant.
   */
  public void scheduleTunableChange(ScriptAction action) {
    if (!(action.op() instanceof Op.SetTunable)) {
      throw new IllegalArgumentException("not a setTunable action: " + action);
    }
    timeline.addScript(action);
  }

  /**
   * @return the key of the next pending event, or null when there is none
   */
  public EventKey nextKey() {
    SimEvent e = timeline.peek();
    return e == null ? null : key(e);
  }

  /**
   * @return the kind of the next pending event in lower case (e.g. "device"), or "none": what a
   *     failure report names
   */
  public String nextEventKind() {
    SimEvent e = timeline.peek();
    return e == null ? "none" : e.kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** How a window run ended. */
  public enum WindowEnd {
    /** Every event before the horizon was processed. */
    HORIZON,
    /** The next event touches a shared KDPC and must wait for its turn in global order. */
    BLOCKED,
    /** A watchdog violation with {@code action: stop} ended the run here. */
    STOPPED
  }

  /**
   * Processes every event before {@code horizon} (exclusive), in key order.
   *
   * @param stopAtShared stop before an event that touches a shared KDPC (see {@link SharedKdpcs}):
   *     the engine runs those one at a time in global order
   * @return why the run ended
   */
  public WindowEnd runUntil(long horizon, boolean stopAtShared) {
    return runUntil(horizon, stopAtShared, null);
  }

  /**
   * Like {@link #runUntil(long, boolean)}, but shared-KDPC events before {@code sharedLimit} run
   * too: the engine knows nobody else can touch a shared KDPC before that key.
   *
   * @param sharedLimit the first key at which another processor may touch a shared KDPC, or null
   */
  public WindowEnd runUntil(long horizon, boolean stopAtShared, EventKey sharedLimit) {
    while (true) {
      SimEvent e = timeline.peek();
      if (e != null) {
        considering = e.time;
      }
      if (interrupts.stopRequested() && (e == null || e.time > timeline.now())) {
        return WindowEnd.STOPPED; // the rest of the stopping instant still runs, as in R-29
      }
      if (e == null || e.time >= horizon) {
        return WindowEnd.HORIZON;
      }
      if (stopAtShared
          && shared.touches(e)
          && (sharedLimit == null || key(e).compareTo(sharedLimit) >= 0)) {
        return WindowEnd.BLOCKED;
      }
      step();
    }
  }

  private static EventKey key(SimEvent e) {
    return new EventKey(e.time, e.lane, e.major, e.originCpu, e.seq);
  }

  /**
   * @return the key-smallest pending event, or null when there is none
   */
  SimEvent peek() {
    return timeline.peek();
  }

  @Override
  public long nextEventTime() {
    SimEvent e = timeline.peek();
    return e == null ? Long.MAX_VALUE : e.time;
  }

  /**
   * Compares the next events of two processors by the global event key.
   *
   * @return negative if {@code a}'s next event comes first
   */
  public static int compareNext(Processor a, Processor b) {
    SimEvent x = a.timeline.peek();
    SimEvent y = b.timeline.peek();
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : 1) : -1;
    }
    return SimEvent.compare(x, y);
  }

  /** Accepts a message from another processor; it is applied at its arrival time. */
  public void deliver(CrossCpu message) {
    if (message instanceof CrossCpu.RemoteInsert) {
      timeline.arrive(message, SimEvent.Kind.REMOTE_INSERT);
    } else if (message instanceof CrossCpu.RemoteRemove) {
      timeline.arrive(message, SimEvent.Kind.REMOTE_REMOVE);
    } else {
      timeline.arrive(message, SimEvent.Kind.FLUSH_REQUEST);
    }
  }

  /** Processes the next pending event and every zero-time consequence of it. */
  public void step() {
    SimEvent e = timeline.next();
    processed++;
    switch (e.kind) {
      case BOOT -> idle.boot();
      case SCRIPT -> operations.script((ScriptAction) e.ref);
      case TICK -> interrupts.tick(e);
      case DEVICE -> interrupts.deviceFires((DeviceStream) e.ref);
      case MILESTONE -> transitions.milestone((Activity) e.ref, (int) e.value);
      case LOAD_TOGGLE -> {
        if (load.toggle(stack.threadExecuting())) {
          idle.threadReadied(); // the scheduler readies a thread here
        }
      }
      case RUN_THREAD_END -> load.runThreadEnds((int) e.value, stack.threadExecuting());
      case HALT_TIMER -> idle.onTimer((int) e.value);
      case IPI_ARRIVE -> interrupts.ipi(e);
      case REMOTE_INSERT -> operations.insertArrives((CrossCpu.RemoteInsert) e.ref);
      case REMOTE_REMOVE -> operations.removeArrives((CrossCpu.RemoteRemove) e.ref);
      case FLUSH_REQUEST -> operations.flushArrives(((CrossCpu.FlushRequest) e.ref).from());
    }
    if (e.kind != SimEvent.Kind.TICK && e.kind != SimEvent.Kind.IPI_ARRIVE) {
      timeline.recycle(e); // ticks and IPIs may wait in the stack for the IRQL to drop
    }
    transitions.settle();
  }

  // ---------------------------------------------------------------- state, for views and tests

  /**
   * @return the IRQL the processor runs at now
   */
  public Irql currentIrql() {
    return stack.currentIrql();
  }

  /**
   * @return true while this processor has no thread to run (its KiIdleSummary bit, R-30)
   */
  public boolean idleSummary() {
    return stack.idle();
  }

  /**
   * @return true if idle-halted (IdleHalt/Sleeping)
   */
  public boolean halted() {
    return idle.halted();
  }

  @Override
  public RunningWork isr() {
    return stack.isr();
  }

  @Override
  public RunningWork dpcRoutine() {
    return stack.dpcRoutine();
  }

  @Override
  public RunningWork threadedRoutine() {
    return stack.threadedRoutine();
  }

  @Override
  public void visitStarts(StartVisitor visitor) {
    prcb.normal.forEachId(visitor::queuedDpc);
    prcb.threaded.forEachId(visitor::queuedDpc);
    for (int device : stack.pendingIsrs()) {
      visitor.pendingIsr(device);
    }
    timeline.forEachPending(
        e -> {
          switch (e.kind) {
            case DEVICE -> visitor.deviceAt(((DeviceStream) e.ref).deviceIndex(), e.time);
            case REMOTE_INSERT ->
                visitor.insertArrives(((CrossCpu.RemoteInsert) e.ref).dpc(), e.time);
            case REMOTE_REMOVE, FLUSH_REQUEST -> visitor.otherArrives(e.time);
            case SCRIPT -> visitor.scriptAt((ScriptAction) e.ref, e.time);
            default -> {
              // Ticks, IPIs, milestones, thread load, halt timers and boot start no routine or ISR
              // of their own: they only let queued DPCs run, which visitStarts lists.
            }
          }
        });
  }

  @Override
  public double nextWorkDraw() {
    return workRandom.peekDouble();
  }

  @Override
  public RandomStream workDraws() {
    return workRandom.fork();
  }

  @Override
  public RandomStream retargetDraws() {
    return retargetRandom.fork();
  }
}
