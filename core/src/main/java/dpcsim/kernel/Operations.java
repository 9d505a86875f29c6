package dpcsim.kernel;

import dpcsim.scenario.Irql;
import dpcsim.scenario.Op;
import dpcsim.scenario.ScriptAction;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceSymbols;
import java.util.List;

/**
 * The scenario's operations, performed as code running on one processor: a script action or a step
 * of a routine or an ISR. Above all the DPC services (KeInsertQueueDpc, KeRemoveQueueDpc,
 * KeFlushQueuedDpcs) and their other halves when the call targets another processor and its message
 * arrives here: each applies a rule class ({@link Insertion}, {@link DpcInterrupt}, {@link
 * Removal}, {@link Flush}) and carries out its result (the trace events, the software interrupt,
 * the IPI, the message to another processor). Then KeSetImportanceDpc and KeSetTargetProcessorDpc,
 * the thread's IRQL, thread work, a device interrupt, {@code setTunable} and {@code halt}.
 */
final class Operations {
  /** The IPI_ARRIVE event's reference: the IPI's kind symbol, boxed once. */
  private static final Integer IPI_KIND = TraceSymbols.IPI_DPC;

  private final int cpu;
  private final Machine machine;
  private final Profile profile;
  private final KdpcTable kdpcs;
  private final Kprcb prcb;
  private final GlobalTunables globals;
  private final Timeline timeline;
  private final ExecutionStack stack;
  private final ThreadLoad load;
  private final IdleState idle;
  private final Interrupts interrupts;
  private final SharedAccess shared;
  private final Outbox outbox;
  private final RandomStream retargetRandom;

  Operations(
      Machine machine,
      KdpcTable kdpcs,
      Kprcb prcb,
      GlobalTunables globals,
      Timeline timeline,
      ExecutionStack stack,
      ThreadLoad load,
      IdleState idle,
      Interrupts interrupts,
      SharedAccess shared,
      Outbox outbox,
      RandomStream retargetRandom) {
    this.cpu = prcb.number;
    this.machine = machine;
    this.profile = machine.profile();
    this.kdpcs = kdpcs;
    this.prcb = prcb;
    this.globals = globals;
    this.timeline = timeline;
    this.stack = stack;
    this.load = load;
    this.idle = idle;
    this.interrupts = interrupts;
    this.shared = shared;
    this.outbox = outbox;
    this.retargetRandom = retargetRandom;
  }

  /** A script action of this processor (or a {@code setTunable} sent to it) at its instant. */
  void script(ScriptAction action) {
    if (!(action.op() instanceof Op.SetTunable) && !(action.op() instanceof Op.Halt)) {
      // Script code runs on the processor, so a halted processor is woken to run it.
      idle.wake();
    }
    perform(action.op());
  }

  /** Performs one operation as code running on this processor. */
  void perform(Op op) {
    if (op instanceof Op.Insert i) {
      insert(i);
    } else if (op instanceof Op.Remove r) {
      remove(r);
    } else if (op instanceof Op.SetImportance s) {
      // a queued DPC keeps its position; the new value counts from the next insertion.
      kdpc(s.dpc(), s.dpcIndex()).importance = s.importance();
    } else if (op instanceof Op.SetTarget s) {
      kdpc(s.dpc(), s.dpcIndex()).number =
          s.target() == null ? 0 : s.target() + profile.targetBias();
    } else if (op instanceof Op.RaiseIrql r) {
      setThreadIrql(r.level());
    } else if (op instanceof Op.LowerIrql l) {
      setThreadIrql(l.level());
    } else if (op instanceof Op.RunThread t) {
      load.runThread(t.forNs());
    } else if (op instanceof Op.Interrupt i) {
      interrupts.device(machine.deviceIndex(i.device()));
    } else if (op instanceof Op.Flush) {
      flush();
    } else if (op instanceof Op.SetTunable t) {
      // the global always; the KPRCB copies only where the profile's kernel rewrites them.
      globals.set(t.name(), t.value());
      profile.dpcBehaviorScope().apply(prcb, globals);
    } else if (op instanceof Op.Halt) {
      idle.halt();
    }
  }

  /**
   * @return the KDPC an operation names: at the position the loader resolved, so that an event
   *     hashes no name; by name only for an operation built by hand ({@link Op#UNRESOLVED})
   */
  private Kdpc kdpc(String name, int index) {
    return kdpcs.get(index == Op.UNRESOLVED ? machine.dpcIndex(name) : index);
  }

  /**
   * KeRaiseIrql/KeLowerIrql by the thread; ticks and IPIs masked at HIGH are taken on leaving it.
   */
  private void setThreadIrql(Irql level) {
    List<SimEvent> replay = stack.setThreadIrql(level);
    timeline.trace(TraceKind.IRQL, 0, 0, TraceSymbols.irql(level), 0, 0, 0);
    interrupts.replay(replay);
  }

  /**
   * An {@code insert} step or action: KeInsertQueueDpc on this processor, after
   * KeSetTargetProcessorDpc for a random target. The KDPC's Number picks the queue:
   * this processor's, at once, or another one's, by message.
   */
  private void insert(Op.Insert op) {
    Kdpc dpc = kdpc(op.dpc(), op.dpcIndex());
    if (op.retargets()) {
      int target = retarget(retargetRandom, cpu, machine.processors(), op.remote());
      dpc.number = target + profile.targetBias(); // KeSetTargetProcessorDpc
    }
    int target = dpc.targetFor(cpu, profile.targetBias());
    if (target == cpu) {
      insertHere(dpc, op.arg1(), op.arg2(), cpu);
    } else {
      outbox.send(
          new CrossCpu.RemoteInsert(
              cpu,
              target,
              timeline.now() + machine.scenario().remoteInsertLatencyNs(),
              timeline.nextSeq(),
              dpc.id(),
              op.arg1(),
              op.arg2(),
              dpc.number));
    }
  }

  /** Another processor's insertion into this processor's queue arrives (R-11..R-17). */
  void insertArrives(CrossCpu.RemoteInsert m) {
    Kdpc dpc = kdpcs.get(m.dpc());
    if (shared.token(m.dpc())) {
      dpc.number = m.number(); // the sender held it last; this node's copy may be stale
    }
    insertHere(dpc, m.arg1(), m.arg2(), m.from());
  }

  /**
   * The target of an insert step with {@code target: { random: remote }}: a Bernoulli draw first
   * (remote with probability {@code remote}), then, only when remote, a uniform draw over all
   * {@code processors} (the runner included). Both come from the runner's own stream, in its event
   * order, so every engine draws the same targets.
   *
   * @return the target processor
   */
  static int retarget(RandomStream stream, int runner, int processors, double remote) {
    if (stream.nextDouble() >= remote) {
      return runner;
    }
    return (int) (stream.nextDouble() * processors);
  }

  /** The insertion taking effect on this processor's queue, on behalf of {@code by}. */
  private void insertHere(Kdpc dpc, long arg1, long arg2, int by) {
    Insertion.Placement at = Insertion.insert(prcb, dpc, arg1, arg2);
    if (at == Insertion.Placement.REJECTED) {
      timeline.trace(TraceKind.DPC_INSERT, dpc.id(), by, 0, 0, 0, 0);
      return;
    }
    DpcQueue queue = dpc.dpcData;
    shared.queued(dpc);
    int flags =
        TraceKind.INSERT_OK
            | (queue.kind() == DpcQueue.Kind.THREADED ? TraceKind.INSERT_THREADED : 0)
            | (at == Insertion.Placement.TAIL ? TraceKind.INSERT_TAIL : 0);
    timeline.trace(TraceKind.DPC_INSERT, dpc.id(), by, flags, queue.depth(), 0, 0);
    DpcInterrupt.Request request =
        queue.kind() == DpcQueue.Kind.THREADED
            ? DpcInterrupt.forThreadedInsert(prcb, by, stack.idle(), idle.halted())
            : DpcInterrupt.forNormalInsert(
                prcb, dpc.importance, by, stack.idle(), idle.halted(), profile);
    signal(
        request,
        by,
        request == DpcInterrupt.Request.IPI ? TraceSymbols.VIA_IPI : TraceSymbols.VIA_LOCAL);
  }

  /** A {@code remove} step or action: KeRemoveQueueDpc on this processor. */
  private void remove(Op.Remove op) {
    Kdpc dpc = kdpc(op.dpc(), op.dpcIndex());
    int owner = Removal.queueOwner(dpc);
    if (owner < 0) {
      timeline.trace(TraceKind.DPC_REMOVE, dpc.id(), cpu, 0, 0, 0, 0);
    } else if (owner == cpu) {
      removeHere(dpc, cpu);
    } else {
      outbox.send(
          new CrossCpu.RemoteRemove(
              cpu,
              owner,
              timeline.now() + machine.scenario().remoteInsertLatencyNs(),
              timeline.nextSeq(),
              dpc.id()));
    }
  }

  /** Another processor's removal from this processor's queue arrives. */
  void removeArrives(CrossCpu.RemoteRemove m) {
    removeHere(kdpcs.get(m.dpc()), m.from());
  }

  private void removeHere(Kdpc dpc, int by) {
    boolean removed = Removal.remove(prcb, dpc);
    if (removed) {
      shared.dequeued(dpc);
    }
    timeline.trace(TraceKind.DPC_REMOVE, dpc.id(), by, removed ? 1 : 0, 0, 0, 0);
  }

  /**
   * A {@code flush} step or action: KeFlushQueuedDpcs here, and a request to every other.
   */
  private void flush() {
    flushArrives(cpu);
    long arrive = timeline.now() + machine.scenario().remoteInsertLatencyNs();
    for (int other = 0; other < machine.processors(); other++) {
      if (other != cpu) {
        outbox.send(new CrossCpu.FlushRequest(cpu, other, arrive, timeline.nextSeq()));
      }
    }
  }

  /** R-23 on this processor, for a flush called on {@code by}. */
  void flushArrives(int by) {
    signal(Flush.request(prcb, by), by, TraceSymbols.VIA_FLUSH);
  }

  /** Carries out a request for a DPC interrupt on this processor, traced with {@code via}. */
  private void signal(DpcInterrupt.Request request, int by, int via) {
    if (request == DpcInterrupt.Request.NONE) {
      return;
    }
    timeline.trace(TraceKind.DPC_INTERRUPT_REQUEST, 0, by, via, 0, 0, 0);
    if (request == DpcInterrupt.Request.SOFTWARE_INTERRUPT) {
      stack.requestDispatch();
    } else {
      sendIpiFrom(by);
    }
  }

  /**
   * an IPI of kind DPC from {@code from} to this processor, traced on the sender; it arrives
   * {@code latency.ipi} later.
   */
  private void sendIpiFrom(int from) {
    long now = timeline.now();
    timeline.traceFor(from, TraceKind.IPI_SEND, 0, cpu, TraceSymbols.IPI_DPC);
    timeline.add(now + machine.scenario().ipiLatencyNs(), SimEvent.Kind.IPI_ARRIVE, IPI_KIND, from);
  }
}
