package dpcsim.kernel;

import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.Importance;
import dpcsim.scenario.Irql;
import dpcsim.scenario.Op;
import dpcsim.scenario.ScriptAction;
import dpcsim.scenario.Step;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceSink;
import dpcsim.wire.CrossCpu;
import dpcsim.wire.EventKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One simulated processor: its KPRCB, its DPC lists and what it is executing, driven by its own
 * future event list. Plain Java with no actor types, so the sequential engine and the actor shell
 * run exactly this code.
 *
 * <p>What runs is a stack: thread level (a busy thread, the DPC thread at PASSIVE, or the idle loop
 * at DISPATCH), above it a retire pass at DISPATCH, above that an ISR at DIRQL. Only the top timed
 * {@link Activity} progresses. After every event {@link #settle()} makes the zero-time transitions
 * the rules call for (take a pending DISPATCH interrupt, start the next routine, end a pass, wake
 * the DPC thread) until nothing more changes at this instant.
 *
 * <p>Effects on other processors (remote insert, remote remove, flush) leave through the {@link
 * Outbox} with the scenario's latency and are applied by the receiver when they arrive; the
 * interrupt decision for a remote insertion is therefore made on arrival, with the target's
 * state at that instant, and an IPI it sends is traced on the inserting processor.
 */
public final class Processor implements ProcessorView {
  private static final String IPI_DPC = "DPC";

  private final int cpu;
  private final Machine machine;
  private final Profile profile;
  private final KdpcTable kdpcs;
  private final SharedKdpcs sharing;
  private final Kprcb prcb;
  private final GlobalTunables globals;
  private final TraceSink sink;
  private final Outbox outbox;
  private final EventQueue fel = new EventQueue();
  private final RandomStream workRandom;
  private final RandomStream loadRandom;
  private final RandomStream retargetRandom;
  private final DeviceStream[] devices;
  private final long duration;

  private long now;
  private long considering;
  private long processed;
  private long seq;
  private long emitSeq;

  private Activity isr;
  private final ArrayDeque<Integer> pendingIsrs = new ArrayDeque<>();
  private boolean retiring;
  private Activity dpcRoutine;
  private boolean dpcThreadRunning;
  private Activity threadedRoutine;
  private Activity running;
  private boolean dispatchPending;

  private Irql threadIrql = Irql.PASSIVE;
  private boolean loadBusy;

  /**
   * The thread load's busy span ended while the thread was not executing (a DPC, an ISR or the DPC
   * thread ran over it): a thread can only block while it runs, so it goes idle when it gets the
   * processor back.
   */
  private boolean loadIdlePending;

  private boolean runThreadEndPending;
  private boolean runThreadActive;
  private long runThreadUntil;
  private int runThreadGeneration;

  private boolean halted;
  private boolean haltArmed;
  private int haltGeneration;
  private boolean reportedIdle;
  private boolean reportedHalted;

  /** Shared KDPCs in this processor's queues: while any is queued, any event may retire one. */
  private int sharedQueued;

  /** Ticks and IPIs that arrived while the IRQL was HIGH, replayed when it drops. */
  private final List<SimEvent> masked = new ArrayList<>();

  /**
   * Processed events ready for reuse (their payload cleared). A busy processor keeps a handful;
   * beyond {@link #MAX_SPARE_EVENTS} they are left to the garbage collector, so a burst of remote
   * messages does not pin memory in a processor that then goes idle.
   */
  private SimEvent[] spareEvents = new SimEvent[4];

  private static final int MAX_SPARE_EVENTS = 64;

  private int spareCount;

  private boolean stopRequested;

  /** False until the boot event: the time-0 script runs before the first idle report. */
  private boolean booted;

  /**
   * Creates processor {@code cpu} of {@code machine}. Call {@link #start()} before stepping.
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
    this.profile = machine.profile();
    this.kdpcs = kdpcs;
    this.sharing = sharing;
    this.globals = machine.initialGlobals();
    this.prcb = new Kprcb(cpu, globals, machine.threadDpcEnable());
    prcb.dpcTimeLimit = machine.dpcTimeLimit();
    prcb.dpcWatchdogPeriod = machine.dpcWatchdogPeriod();
    this.sink = sink;
    this.outbox = outbox;
    long seed = machine.scenario().seed();
    this.workRandom = new RandomStream(seed, RandomStream.WORK, cpu);
    this.loadRandom = new RandomStream(seed, RandomStream.LOAD, cpu);
    this.retargetRandom = new RandomStream(seed, RandomStream.RETARGET, cpu);
    List<DeviceStream> mine = new ArrayList<>();
    List<DeviceDef> defs = machine.scenario().devices();
    for (int i = 0; i < defs.size(); i++) {
      if (DeviceStream.serves(defs.get(i), cpu)) {
        mine.add(new DeviceStream(i, defs.get(i), cpu, seed));
      }
    }
    this.devices = mine.toArray(new DeviceStream[0]);
    this.duration = machine.durationNs();
  }

  // ---------------------------------------------------------------- engine interface

  /**
   * @return this processor's number
   */
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
    return Math.max(now, considering);
  }

  /**
   * @return the number of events processed so far
   */
  public long processedEvents() {
    return processed;
  }

  /**
   * @return the simulated time of the last event processed
   */
  public long now() {
    return now;
  }

  /**
   * @return true if a watchdog violation with {@code action: stop} happened here
   */
  public boolean stopRequested() {
    return stopRequested;
  }

  /**
   * Schedules the initial events at time 0 (this processor's script actions, device arrivals, the
   * first clock tick, the thread load) and a boot event, after the time-0 script actions, that
   * reports the initial idle state. Changes of the global tunables come from the engine ({@link
   * #scheduleTunableChange}).
   */
  public void start() {
    List<ScriptAction> script = machine.scenario().script();
    for (ScriptAction a : script) {
      if (a.cpu() != null && a.cpu() == cpu) {
        fel.add(new SimEvent(a.atNs(), 0, a.index(), cpu, 0, SimEvent.Kind.SCRIPT, a, 0));
      }
    }
    for (DeviceStream d : devices) {
      scheduleDevice(d);
    }
    long tick = machine.scenario().tickNs();
    if (tick <= duration) {
      schedule(tick, SimEvent.Kind.TICK, null, 1);
    }
    double f = machine.scenario().load().fraction(cpu);
    if (f >= 1.0) {
      loadBusy = true;
    } else if (f > 0.0) {
      loadBusy = loadRandom.nextDouble() < f;
      scheduleLoadToggle(f);
    }
    fel.add(new SimEvent(0, 1, cpu, cpu, seq++, SimEvent.Kind.BOOT, null, 0));
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
    fel.add(
        new SimEvent(action.atNs(), 0, action.index(), cpu, 0, SimEvent.Kind.SCRIPT, action, 0));
  }

  /**
   * @return the key of the next pending event, or null when there is none
   */
  public EventKey nextKey() {
    SimEvent e = fel.peek();
    return e == null ? null : new EventKey(e.time, e.lane, e.major, e.originCpu, e.seq);
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
      SimEvent e = fel.peek();
      if (e != null) {
        considering = e.time;
      }
      if (stopRequested && (e == null || e.time > now)) {
        return WindowEnd.STOPPED; // the rest of the stopping instant still runs, as in R-29
      }
      if (e == null || e.time >= horizon) {
        return WindowEnd.HORIZON;
      }
      if (stopAtShared && touchesShared(e) && !before(e, sharedLimit)) {
        return WindowEnd.BLOCKED;
      }
      step();
    }
  }

  private static boolean before(SimEvent e, EventKey limit) {
    return limit != null
        && new EventKey(e.time, e.lane, e.major, e.originCpu, e.seq).compareTo(limit) < 0;
  }

  /**
   * @return true if processing {@code e} may read or write a shared KDPC
   */
  private boolean touchesShared(SimEvent e) {
    if (sharedQueued > 0) {
      return true; // settling after any event may retire a shared DPC
    }
    switch (e.kind) {
      case SCRIPT:
        return sharing.touchesShared(((ScriptAction) e.ref).op());
      case MILESTONE:
        Activity a = (Activity) e.ref;
        return a.touchesShared && a.generation == e.value && a.running();
      case REMOTE_INSERT:
        return sharing.shared(((CrossCpu.RemoteInsert) e.ref).dpc());
      case REMOTE_REMOVE:
        return sharing.shared(((CrossCpu.RemoteRemove) e.ref).dpc());
      default:
        return false;
    }
  }

  @Override
  public RunningWork isr() {
    return isr;
  }

  @Override
  public RunningWork dpcRoutine() {
    return dpcRoutine;
  }

  @Override
  public RunningWork threadedRoutine() {
    return threadedRoutine;
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

  /**
   * @return the key-smallest pending event, or null when there is none
   */
  SimEvent peek() {
    return fel.peek();
  }

  /**
   * @return the time of the next pending event, or {@link Long#MAX_VALUE}
   */
  public long nextEventTime() {
    SimEvent e = fel.peek();
    return e == null ? Long.MAX_VALUE : e.time;
  }

  /**
   * Compares the next events of two processors by the global event key.
   *
   * @return negative if {@code a}'s next event comes first
   */
  public static int compareNext(Processor a, Processor b) {
    SimEvent x = a.fel.peek();
    SimEvent y = b.fel.peek();
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : 1) : -1;
    }
    return SimEvent.compare(x, y);
  }

  /** Accepts a message from another processor; it is applied at its arrival time. */
  public void deliver(CrossCpu message) {
    SimEvent.Kind kind;
    if (message instanceof CrossCpu.RemoteInsert) {
      kind = SimEvent.Kind.REMOTE_INSERT;
    } else if (message instanceof CrossCpu.RemoteRemove) {
      kind = SimEvent.Kind.REMOTE_REMOVE;
    } else {
      kind = SimEvent.Kind.FLUSH_REQUEST;
    }
    fel.add(
        event(message.arriveNs(), 1, cpu, message.from(), message.originSeq(), kind, message, 0));
  }

  /** Processes the next pending event and every zero-time consequence of it. */
  public void step() {
    SimEvent e = fel.poll();
    now = e.time;
    processed++;
    switch (e.kind) {
      case BOOT -> booted = true;
      case SCRIPT -> onScript((ScriptAction) e.ref);
      case TICK -> onTick(e);
      case DEVICE -> onDevice((DeviceStream) e.ref);
      case MILESTONE -> onMilestone((Activity) e.ref, (int) e.value);
      case LOAD_TOGGLE -> onLoadToggle();
      case RUN_THREAD_END -> onRunThreadEnd((int) e.value);
      case HALT_TIMER -> onHaltTimer((int) e.value);
      case IPI_ARRIVE -> onIpi(e);
      case REMOTE_INSERT -> {
        CrossCpu.RemoteInsert m = (CrossCpu.RemoteInsert) e.ref;
        Kdpc dpc = kdpcs.get(m.dpc());
        if (sharing.token(m.dpc())) {
          dpc.number = m.number(); // the sender held it last; this node's copy may be stale
        }
        insertHere(dpc, m.arg1(), m.arg2(), m.from());
      }
      case REMOTE_REMOVE -> {
        CrossCpu.RemoteRemove m = (CrossCpu.RemoteRemove) e.ref;
        removeHere(kdpcs.get(m.dpc()), m.from());
      }
      case FLUSH_REQUEST -> flushHere(((CrossCpu.FlushRequest) e.ref).from());
    }
    if (e.kind != SimEvent.Kind.TICK && e.kind != SimEvent.Kind.IPI_ARRIVE) {
      recycle(e); // ticks and IPIs may wait in 'masked' for the IRQL to drop
    }
    settle();
  }

  private void recycle(SimEvent e) {
    e.ref = null;
    if (spareCount == spareEvents.length) {
      if (spareCount >= MAX_SPARE_EVENTS) {
        return;
      }
      spareEvents = Arrays.copyOf(spareEvents, spareCount * 2);
    }
    spareEvents[spareCount++] = e;
  }

  private SimEvent event(
      long time,
      int lane,
      int major,
      int originCpu,
      long seq,
      SimEvent.Kind kind,
      Object ref,
      long value) {
    if (spareCount == 0) {
      return new SimEvent(time, lane, major, originCpu, seq, kind, ref, value);
    }
    SimEvent e = spareEvents[--spareCount];
    spareEvents[spareCount] = null;
    return e.set(time, lane, major, originCpu, seq, kind, ref, value);
  }

  // ---------------------------------------------------------------- event handlers

  private void onScript(ScriptAction action) {
    if (!(action.op() instanceof Op.SetTunable) && !(action.op() instanceof Op.Halt)) {
      // Script code runs on the processor, so a halted processor is woken to run it.
      wake();
    }
    perform(action.op());
  }

  private void onTick(SimEvent e) {
    long k = e.value;
    long nextTick = (k + 1) * machine.scenario().tickNs();
    if (nextTick <= duration) {
      schedule(nextTick, SimEvent.Kind.TICK, null, k + 1);
    }
    if (currentIrql() == Irql.HIGH) {
      masked.add(e);
      return;
    }
    clockInterrupt(k);
  }

  /** The clock interrupt proper: accounting, R-24..R-28, the watchdog. */
  private void clockInterrupt(long k) {
    wake();
    boolean dpcExecuting = retiring && dpcRoutine != null;
    if (isr != null) {
      prcb.interruptTime++;
    } else if (retiring) {
      prcb.dpcTime++;
    } else {
      prcb.threadTime++;
    }
    boolean request = ClockTick.apply(prcb, globals, profile, k);
    emit(
        new TraceEvent.Tick(
            now, cpu, prcb.dpcRequestRate, prcb.maximumDpcQueueDepth, prcb.adjustDpcThreshold));
    if (request) {
      dispatchPending = true;
      emit(new TraceEvent.DpcInterruptRequest(now, cpu, cpu, "tick"));
    }
    if (machine.watchdogEnabled()) {
      boolean atOrAbove =
          isr != null || retiring || (!idleSummary() && threadLevelIrql().level() >= 2);
      for (DpcWatchdog.Violation v : DpcWatchdog.tick(prcb, dpcExecuting, atOrAbove)) {
        emit(new TraceEvent.Watchdog(now, cpu, TraceEvent.Watchdog.CODE, v.p1(), v.p2(), v.p3()));
        if (machine.stopOnWatchdog()) {
          stopRequested = true;
        }
      }
    }
  }

  private void onDevice(DeviceStream stream) {
    scheduleDevice(stream);
    interruptArrives(stream.deviceIndex());
  }

  private void interruptArrives(int device) {
    wake();
    pendingIsrs.add(device);
  }

  private void onMilestone(Activity a, int generation) {
    if (generation != a.generation || !a.running()) {
      return; // stale: the activity was preempted after this was scheduled
    }
    a.advanceTo(now);
    Step s;
    while ((s = a.pollDueStep()) != null) {
      perform(s.op());
    }
    if (a.finished()) {
      finish(a);
    } else {
      scheduleMilestone(a, a.resume(now));
    }
  }

  private void finish(Activity a) {
    running = null;
    switch (a.kind) {
      case ISR -> {
        isr = null;
        emit(new TraceEvent.IsrEnd(now, cpu, a.label));
      }
      case DPC -> {
        dpcRoutine = null;
        emit(new TraceEvent.DpcEnd(now, cpu, a.label));
      }
      case THREADED_DPC -> {
        threadedRoutine = null;
        emit(new TraceEvent.DpcEnd(now, cpu, a.label));
      }
    }
  }

  private void onLoadToggle() {
    if (loadBusy && !threadExecuting()) {
      loadIdlePending = true; // applied in settle() once the thread runs again
      return;
    }
    loadBusy = !loadBusy;
    if (loadBusy) {
      halted = false; // the scheduler readies a thread here
    }
    scheduleLoadToggle(machine.scenario().load().fraction(cpu));
  }

  private void onRunThreadEnd(int generation) {
    if (generation == runThreadGeneration) {
      if (threadExecuting()) {
        runThreadActive = false;
      } else {
        runThreadEndPending = true;
      }
    }
  }

  /**
   * @return true while the ordinary thread, not a DPC, an ISR or the DPC thread, executes
   */
  private boolean threadExecuting() {
    return isr == null && !retiring && !dpcThreadRunning;
  }

  /** Thread work that ended while preempted ends now that the thread runs again. */
  private void applyPendingThreadEnds() {
    if (loadIdlePending) {
      loadIdlePending = false;
      loadBusy = false;
      scheduleLoadToggle(machine.scenario().load().fraction(cpu));
    }
    if (runThreadEndPending) {
      runThreadEndPending = false;
      runThreadActive = false;
    }
  }

  private void onHaltTimer(int generation) {
    if (generation != haltGeneration) {
      return;
    }
    haltArmed = false;
    if (quiescent()) {
      halted = true; // IdleHalt/Sleeping; only an interrupt wakes it now
      reportIdle();
    }
  }

  private void onIpi(SimEvent e) {
    if (currentIrql() == Irql.HIGH) {
      masked.add(e);
      return;
    }
    wake();
    emit(new TraceEvent.IpiReceive(now, cpu, (int) e.value, (String) e.ref));
    // serviced at IPI_LEVEL, it raises a DISPATCH software interrupt here.
    dispatchPending = true;
  }

  // ---------------------------------------------------------------- operations

  /** Performs one scenario operation as code running on this processor. */
  private void perform(Op op) {
    if (op instanceof Op.Insert i) {
      Kdpc dpc = kdpcs.get(machine.dpcIndex(i.dpc()));
      if (i.retargets()) {
        dpc.number = retarget(i.remote()) + profile.targetBias(); // KeSetTargetProcessorDpc
      }
      insert(dpc, i.arg1(), i.arg2());
    } else if (op instanceof Op.Remove r) {
      remove(kdpcs.get(machine.dpcIndex(r.dpc())));
    } else if (op instanceof Op.SetImportance s) {
      // a queued DPC keeps its position; the new value counts from the next insertion.
      kdpcs.get(machine.dpcIndex(s.dpc())).importance = s.importance();
    } else if (op instanceof Op.SetTarget s) {
      kdpcs.get(machine.dpcIndex(s.dpc())).number =
          s.target() == null ? 0 : s.target() + profile.targetBias();
    } else if (op instanceof Op.RaiseIrql r) {
      setThreadIrql(r.level());
    } else if (op instanceof Op.LowerIrql l) {
      setThreadIrql(l.level());
    } else if (op instanceof Op.RunThread t) {
      runThreadActive = true;
      runThreadEndPending = false;
      runThreadUntil = Math.max(runThreadUntil, now + t.forNs());
      runThreadGeneration++;
      schedule(runThreadUntil, SimEvent.Kind.RUN_THREAD_END, null, runThreadGeneration);
    } else if (op instanceof Op.Interrupt i) {
      interruptArrives(machine.deviceIndex(i.device()));
    } else if (op instanceof Op.Flush) {
      flush();
    } else if (op instanceof Op.SetTunable t) {
      // the global always; the KPRCB copies only where the profile's kernel rewrites them.
      globals.set(t.name(), t.value());
      profile.dpcBehaviorScope().apply(prcb, globals);
    } else if (op instanceof Op.Halt) {
      if (quiescent()) {
        halted = true;
        reportIdle();
      }
    }
  }

  private void setThreadIrql(Irql level) {
    threadIrql = level;
    emit(new TraceEvent.Irql(now, cpu, level.name()));
    if (level != Irql.HIGH && !masked.isEmpty()) {
      List<SimEvent> replay = new ArrayList<>(masked);
      masked.clear();
      for (SimEvent e : replay) {
        if (e.kind == SimEvent.Kind.TICK) {
          clockInterrupt(e.value);
        } else {
          onIpi(e);
        }
      }
    }
  }

  /**
   * The target of an insert step with {@code target: { random: remote }}: a Bernoulli draw first
   * (remote with probability {@code remote}), then, only when remote, a uniform draw over all
   * processors (this one included). Both come from this processor's own stream, in its event order,
   * so every engine draws the same targets.
   */
  int retarget(double remote) {
    if (retargetRandom.nextDouble() >= remote) {
      return cpu;
    }
    return (int) (retargetRandom.nextDouble() * machine.processors());
  }

  /** KeInsertQueueDpc on this processor: local, or a message to the target. */
  private void insert(Kdpc dpc, long arg1, long arg2) {
    int target = dpc.targetFor(cpu, profile.targetBias());
    if (target == cpu) {
      insertHere(dpc, arg1, arg2, cpu);
    } else {
      outbox.send(
          new CrossCpu.RemoteInsert(
              cpu,
              target,
              now + machine.scenario().remoteInsertLatencyNs(),
              seq++,
              dpc.id(),
              arg1,
              arg2,
              dpc.number));
    }
  }

  /**
   * The insertion taking effect on this processor's queue (R-11..R-16), on behalf of {@code by}.
   */
  private void insertHere(Kdpc dpc, long arg1, long arg2, int by) {
    boolean toThreaded = dpc.threaded() && prcb.threadDpcEnable;
    DpcQueue queue = toThreaded ? prcb.threaded : prcb.normal;
    if (dpc.inserted()) {
      // already queued: nothing changes, not even the SystemArguments.
      emit(TraceEvent.DpcInsert.rejected(now, cpu, dpc.name(), by));
      return;
    }
    dpc.systemArgument1 = arg1;
    dpc.systemArgument2 = arg2;
    boolean atHead = profile.mediumHigh().queuesAtHead(dpc.importance);
    queue.insert(dpc, atHead);
    if (sharing.shared(dpc.id())) {
      sharedQueued++;
    }
    emit(
        new TraceEvent.DpcInsert(
            now,
            cpu,
            dpc.name(),
            by,
            true,
            queue.kind().traceName(),
            atHead ? "head" : "tail",
            queue.depth()));
    if (toThreaded) {
      signalDpcThread(by);
    } else {
      requestForNormalInsert(dpc.importance, queue.depth(), by);
    }
  }

  /** R-14 (with R-16's post-increment depth): whether this insertion requests a DPC interrupt. */
  private void requestForNormalInsert(Importance importance, int newDepth, int by) {
    if (prcb.dpcRoutineActive || prcb.dpcInterruptRequested) {
      return;
    }
    if (by == cpu) {
      if (importance != Importance.LOW
          || newDepth >= prcb.maximumDpcQueueDepth
          || prcb.dpcRequestRate < prcb.minimumDpcRate) {
        prcb.dpcInterruptRequested = true;
        emit(new TraceEvent.DpcInterruptRequest(now, cpu, by, "local"));
        dispatchPending = true;
      }
      return;
    }
    boolean high = profile.mediumHigh().highForDecision(importance);
    if (profile
        .remoteRule()
        .requestInterrupt(high, newDepth, prcb.maximumDpcQueueDepth, idleSummary(), halted)) {
      prcb.dpcInterruptRequested = true;
      emit(new TraceEvent.DpcInterruptRequest(now, cpu, by, "ipi"));
      sendIpiFrom(by);
    }
  }

  /** wake this processor's DPC thread for a threaded insertion by {@code by}. */
  private void signalDpcThread(int by) {
    if (prcb.dpcThreadActive || prcb.dpcThreadRequested) {
      return;
    }
    prcb.dpcThreadRequested = true;
    prcb.quantumEnd = true;
    if (by == cpu) {
      emit(new TraceEvent.DpcInterruptRequest(now, cpu, by, "local"));
      dispatchPending = true;
    } else if (RemoteRule.signalThreadNeedsIpi(idleSummary(), halted)) {
      emit(new TraceEvent.DpcInterruptRequest(now, cpu, by, "ipi"));
      sendIpiFrom(by);
    }
    // An idle processor that is not halted notices QuantumEnd in its idle loop (settle).
  }

  /** An IPI of kind DPC from {@code from} to this processor: traced on the sender. */
  private void sendIpiFrom(int from) {
    sink.emit(new TraceEvent.IpiSend(now, from, cpu, IPI_DPC), cpu, emitSeq++);
    fel.add(
        new SimEvent(
            now + machine.scenario().ipiLatencyNs(),
            1,
            cpu,
            cpu,
            seq++,
            SimEvent.Kind.IPI_ARRIVE,
            IPI_DPC,
            from));
  }

  /** KeRemoveQueueDpc called on this processor. */
  private void remove(Kdpc dpc) {
    DpcQueue queue = dpc.dpcData;
    if (queue == null) {
      emit(new TraceEvent.DpcRemove(now, cpu, dpc.name(), cpu, false));
    } else if (queue.owner() == cpu) {
      removeHere(dpc, cpu);
    } else {
      outbox.send(
          new CrossCpu.RemoteRemove(
              cpu,
              queue.owner(),
              now + machine.scenario().remoteInsertLatencyNs(),
              seq++,
              dpc.id()));
    }
  }

  /** The removal taking effect on this processor's queue, on behalf of {@code by}. */
  private void removeHere(Kdpc dpc, int by) {
    DpcQueue queue = dpc.dpcData;
    if (queue == null || queue.owner() != cpu) {
      emit(new TraceEvent.DpcRemove(now, cpu, dpc.name(), by, false));
      return;
    }
    queue.unlink(dpc); // DpcCount is unchanged
    if (sharing.shared(dpc.id())) {
      sharedQueued--;
    }
    emit(new TraceEvent.DpcRemove(now, cpu, dpc.name(), by, true));
  }

  /** KeFlushQueuedDpcs called on this processor: here, and a request to every other. */
  private void flush() {
    flushHere(cpu);
    long arrive = now + machine.scenario().remoteInsertLatencyNs();
    for (int other = 0; other < machine.processors(); other++) {
      if (other != cpu) {
        outbox.send(new CrossCpu.FlushRequest(cpu, other, arrive, seq++));
      }
    }
  }

  /** R-23 on this processor: if its queues hold DPCs, force a DPC interrupt here. */
  private void flushHere(int by) {
    boolean normalWork = prcb.normal.depth() > 0;
    boolean threadedWork = prcb.threaded.depth() > 0;
    if (!normalWork && !threadedWork) {
      return;
    }
    if (threadedWork && !prcb.dpcThreadActive && !prcb.dpcThreadRequested) {
      prcb.dpcThreadRequested = true;
      prcb.quantumEnd = true;
    }
    emit(new TraceEvent.DpcInterruptRequest(now, cpu, by, "flush"));
    if (by == cpu) {
      dispatchPending = true;
    } else {
      sendIpiFrom(by);
    }
  }

  // ---------------------------------------------------------------- settling

  /**
   * Makes every zero-time transition due at this instant, then lets the right activity run. Order
   * matters and follows the IRQL: a pending ISR above all, then the retire pass, then the DISPATCH
   * software interrupt or the idle loop's polling, then the DPC thread.
   */
  private void settle() {
    for (int guard = 0; ; guard++) {
      if (guard > 10_000_000) {
        throw new ScenarioFault(
            "processor "
                + cpu
                + " makes no progress at "
                + now
                + " ns: ten million zero-time steps in one instant");
      }
      if (isr == null && !pendingIsrs.isEmpty() && currentIrql().level() < Irql.DEVICE.level()) {
        startIsr(pendingIsrs.poll()); // ISRs preempt DPCs and threads
        continue;
      }
      if (isr != null) {
        break;
      }
      if (retiring) {
        if (dpcRoutine != null) {
          break;
        }
        if (prcb.normal.depth() > 0) {
          startNormalRoutine();
          continue;
        }
        endRetirePass();
        continue;
      }
      if (dispatchPending && threadLevelIrql().level() < Irql.DISPATCH.level()) {
        takeDispatchInterrupt();
        continue;
      }
      if ((loadIdlePending || runThreadEndPending) && threadExecuting()) {
        applyPendingThreadEnds();
        continue;
      }
      if (idleSummary() && !halted) {
        dispatchPending = false; // the idle loop absorbs the request and retires itself
        if (prcb.normal.depth() > 0) {
          startRetirePass(); // polling is immediate
          continue;
        }
        if (prcb.quantumEnd) {
          quantumEnd();
          continue;
        }
      }
      if (dpcThreadRunning) {
        if (threadedRoutine != null) {
          break;
        }
        if (prcb.threaded.depth() > 0) {
          startThreadedRoutine();
          continue;
        }
        // the list is empty: clear Active and Requested and wait.
        dpcThreadRunning = false;
        prcb.dpcThreadActive = false;
        prcb.dpcThreadRequested = false;
        continue;
      }
      break;
    }
    Activity top = isr != null ? isr : retiring ? dpcRoutine : threadedRoutine;
    switchTo(top);
    if (booted) {
      reportIdle();
      armHalt();
    }
  }

  /** the pending DISPATCH software interrupt is taken (IRQL fell below DISPATCH). */
  private void takeDispatchInterrupt() {
    dispatchPending = false;
    if (profile.softwareInterruptClearsRequest()) {
      prcb.dpcInterruptRequested = false;
    }
    if (prcb.normal.depth() > 0) {
      startRetirePass(); // QuantumEnd is handled when the pass ends
    } else {
      quantumEnd();
    }
  }

  /** KiRetireDpcList begins. */
  private void startRetirePass() {
    retiring = true;
    prcb.dpcRoutineActive = true;
  }

  /** the list is empty: clear DpcRoutineActive and DpcInterruptRequested; then R-18. */
  private void endRetirePass() {
    retiring = false;
    prcb.dpcRoutineActive = false;
    prcb.dpcInterruptRequested = false;
    quantumEnd();
  }

  /** QuantumEnd readies the DPC thread if it was requested. */
  private void quantumEnd() {
    if (!prcb.quantumEnd) {
      return;
    }
    prcb.quantumEnd = false;
    if (prcb.dpcThreadRequested && !prcb.dpcThreadActive) {
      dpcThreadRunning = true;
      prcb.dpcThreadActive = true;
    }
  }

  /** take the head entry, clear DpcData before the call, call it at DISPATCH_LEVEL. */
  private void startNormalRoutine() {
    Kdpc dpc = prcb.normal.removeHead();
    prcb.dpcTimeCount = 0; // the single-DPC count restarts at every routine call
    dpcRoutine = newRoutine(Activity.Kind.DPC, dpc);
    emit(
        new TraceEvent.DpcStart(
            now, cpu, dpc.name(), "DISPATCH", dpc.systemArgument1, dpc.systemArgument2));
  }

  /** the DPC thread takes the head of the threaded list and calls it at PASSIVE_LEVEL. */
  private void startThreadedRoutine() {
    Kdpc dpc = prcb.threaded.removeHead();
    threadedRoutine = newRoutine(Activity.Kind.THREADED_DPC, dpc);
    emit(
        new TraceEvent.DpcStart(
            now, cpu, dpc.name(), "PASSIVE", dpc.systemArgument1, dpc.systemArgument2));
  }

  private Activity newRoutine(Activity.Kind kind, Kdpc dpc) {
    if (sharing.shared(dpc.id())) {
      sharedQueued--;
    }
    long d = workRandom.sample(dpc.routine().duration());
    return new Activity(
        kind,
        dpc.name(),
        dpc,
        dpc.routine(),
        dpc.routinePlan(),
        d,
        sharing.routineTouchesShared(dpc.id()));
  }

  private void startIsr(int deviceIndex) {
    DeviceDef device = machine.device(deviceIndex);
    long d = workRandom.sample(device.isr().duration());
    isr =
        new Activity(
            Activity.Kind.ISR,
            device.name(),
            null,
            device.isr(),
            machine.isrPlan(deviceIndex),
            d,
            sharing.isrTouchesShared(deviceIndex));
    emit(new TraceEvent.IsrStart(now, cpu, device.name()));
  }

  private void switchTo(Activity target) {
    if (running == target) {
      return;
    }
    if (running != null) {
      running.suspend(now);
    }
    running = target;
    if (target != null) {
      scheduleMilestone(target, target.resume(now));
    }
  }

  // ---------------------------------------------------------------- state queries

  /**
   * @return the IRQL the processor runs at now
   */
  public Irql currentIrql() {
    if (isr != null) {
      return Irql.DEVICE;
    }
    if (retiring) {
      return Irql.DISPATCH;
    }
    return threadLevelIrql();
  }

  /** The IRQL below any retire pass or ISR: the idle loop runs at DISPATCH. */
  private Irql threadLevelIrql() {
    if (dpcThreadRunning) {
      return Irql.PASSIVE;
    }
    if (idleSummary()) {
      return Irql.DISPATCH;
    }
    return threadIrql;
  }

  /**
   * @return true while this processor has no thread to run (its KiIdleSummary bit, R-30)
   */
  public boolean idleSummary() {
    return !dpcThreadRunning && !loadBusy && !runThreadActive && threadIrql == Irql.PASSIVE;
  }

  /**
   * @return true if idle-halted (IdleHalt/Sleeping)
   */
  public boolean halted() {
    return halted;
  }

  /** Idle with nothing executing or pending: the idle-halt countdown runs. */
  private boolean quiescent() {
    return idleSummary() && isr == null && !retiring && pendingIsrs.isEmpty();
  }

  /** An interrupt reaches the processor: a halted one wakes up. */
  private void wake() {
    if (halted) {
      halted = false;
      reportIdle();
    }
  }

  private void reportIdle() {
    if (!booted) {
      return;
    }
    boolean on = idleSummary();
    boolean h = on && halted;
    if (on != reportedIdle || h != reportedHalted) {
      reportedIdle = on;
      reportedHalted = h;
      emit(new TraceEvent.Idle(now, cpu, on, h));
    }
  }

  private void armHalt() {
    Long haltAfter = machine.scenario().haltAfterNs();
    if (haltAfter == null) {
      return;
    }
    boolean q = quiescent() && !halted;
    if (q && !haltArmed) {
      haltArmed = true;
      haltGeneration++;
      schedule(now + haltAfter, SimEvent.Kind.HALT_TIMER, null, haltGeneration);
    } else if (!q && haltArmed) {
      haltArmed = false;
      haltGeneration++;
    }
  }

  // ---------------------------------------------------------------- scheduling

  private void schedule(long time, SimEvent.Kind kind, Object ref, long value) {
    if (time <= duration) {
      fel.add(event(time, 1, cpu, cpu, seq++, kind, ref, value));
    }
  }

  private void scheduleMilestone(Activity a, long time) {
    schedule(time, SimEvent.Kind.MILESTONE, a, a.generation);
  }

  private void scheduleDevice(DeviceStream d) {
    long t = d.nextFor(duration);
    schedule(t, SimEvent.Kind.DEVICE, d, 0);
  }

  private void scheduleLoadToggle(double f) {
    double period = machine.scenario().load().periodNs();
    double mean = loadBusy ? f * period : (1.0 - f) * period;
    schedule(now + loadRandom.exponential(mean), SimEvent.Kind.LOAD_TOGGLE, null, 0);
  }

  private void emit(TraceEvent event) {
    sink.emit(event, cpu, emitSeq++);
  }
}
