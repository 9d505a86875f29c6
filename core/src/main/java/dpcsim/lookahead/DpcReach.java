package dpcsim.lookahead;

import dpcsim.kernel.Machine;
import dpcsim.kernel.SharedKdpcs;
import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Op;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScriptAction;
import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import java.util.BitSet;
import java.util.List;

/**
 * What a scenario lets reach where, worked out before the run (a fixpoint over the DPCs, devices
 * and script). It answers the two questions a parallel engine needs:
 *
 * <ul>
 *   <li>Is a KDPC <em>shared</em>: can its fields (DpcData, Importance, Number) be touched on more
 *       than one processor? A private KDPC lives with its one processor; events that touch a shared
 *       one must run in global event order.
 *   <li>How soon can a processor send a message to another one? Only steps that may insert into or
 *       remove from another processor's queue, or flush, send; the earliest such step of any
 *       routine or ISR that can run on a processor bounds its earliest output time, which sizes the
 *       engine's windows far beyond the raw latency ({@link SendOffsets}, {@link OutputBound}).
 * </ul>
 *
 * All answers over-approximate: a processor counted as reachable may never be reached. The kernel
 * sees only the first answer, as {@link SharedKdpcs}.
 */
public final class DpcReach implements SharedKdpcs {
  /** No send can ever happen. */
  public static final long NEVER = Long.MAX_VALUE;

  /**
   * @return {@code time + offset} for a non-negative offset, or {@link #NEVER} when that overflows
   *     (never, plus anything, stays never)
   */
  public static long add(long time, long offset) {
    long r = time + offset;
    return r < time ? NEVER : r;
  }

  private final int processors;
  private final List<DpcDef> dpcs;
  private final List<DeviceDef> devices;
  private final Machine machine;

  /** Processors whose queues a DPC may sit in (where its routine runs). */
  private final BitSet[] placeOf;

  /** Processors that may execute an operation naming the DPC. */
  private final BitSet[] touchedFrom;

  /** Targets a DPC may have (null entries: untargeted at some point). */
  private final BitSet[] targets;

  private final boolean[] everUntargeted;
  private final boolean[] numberMutable;
  private final boolean[] shared;
  private final boolean[] token;
  private final boolean[] routineTouchesShared;
  private final boolean[] isrTouchesShared;

  /** How soon work on each processor may send a message (built on {@link #maySend}). */
  private final SendLimits sends;

  /** Who may send to whom (lazily: only node-level parts ask). */
  private SendGraph graph;

  /** Computes the reach of {@code machine}'s scenario. */
  public DpcReach(Machine machine) {
    this.machine = machine;
    Scenario s = machine.scenario();
    this.processors = s.processors();
    this.dpcs = s.dpcs();
    this.devices = s.devices();
    int n = dpcs.size();
    placeOf = new BitSet[n];
    touchedFrom = new BitSet[n];
    targets = new BitSet[n];
    everUntargeted = new boolean[n];
    numberMutable = new boolean[n];
    for (int i = 0; i < n; i++) {
      placeOf[i] = new BitSet();
      touchedFrom[i] = new BitSet();
      targets[i] = new BitSet();
      DpcDef d = dpcs.get(i);
      if (d.target() == null) {
        everUntargeted[i] = true;
      } else {
        targets[i].set(d.target());
      }
    }
    for (ScriptAction a : s.script()) {
      noteSetTarget(a.op());
    }
    for (DpcDef d : dpcs) {
      markSetTargets(d.routine());
    }
    for (DeviceDef d : devices) {
      markSetTargets(d.isr());
    }
    solvePlaces();
    token = Tokens.of(s);
    shared = new boolean[n];
    for (int i = 0; i < n; i++) {
      BitSet accessors = (BitSet) placeOf[i].clone();
      accessors.or(touchedFrom[i]);
      shared[i] = accessors.cardinality() > 1 && !token[i];
    }
    routineTouchesShared = new boolean[n];
    for (int i = 0; i < n; i++) {
      routineTouchesShared[i] = touchesShared(dpcs.get(i).routine());
    }
    isrTouchesShared = new boolean[devices.size()];
    for (int i = 0; i < devices.size(); i++) {
      isrTouchesShared[i] = touchesShared(devices.get(i).isr());
    }
    sends =
        new SendLimits(this, machine, placeOf, this::maySend, (runner, target) -> target != runner);
  }

  private void markSetTargets(Work w) {
    for (Step step : w.then()) {
      noteSetTarget(step.op());
    }
  }

  /**
   * A setTarget anywhere makes the DPC's Number mutable and adds its target. An insert with a
   * random target is a setTarget too; its target may be any processor (over-approximated even for P
   * = 0, where it is the runner's).
   */
  private void noteSetTarget(Op op) {
    if (op instanceof Op.Insert i && i.retargets()) {
      int k = machine.dpcIndex(i.dpc());
      numberMutable[k] = true;
      targets[k].set(0, processors);
    } else if (op instanceof Op.SetTarget st) {
      int k = machine.dpcIndex(st.dpc());
      numberMutable[k] = true;
      if (st.target() == null) {
        everUntargeted[k] = true;
      } else {
        targets[k].set(st.target());
      }
    }
  }

  /** Fixpoint: where DPCs may be queued and which processors may act on them. */
  private void solvePlaces() {
    for (int i = 0; i < dpcs.size(); i++) {
      placeOf[i].or(targets[i]);
    }
    for (ScriptAction a : machine.scenario().script()) {
      if (a.cpu() != null) {
        BitSet runner = new BitSet();
        runner.set(a.cpu());
        applyOp(a.op(), runner);
      }
    }
    BitSet[] isrCpus = new BitSet[devices.size()];
    for (int d = 0; d < devices.size(); d++) {
      isrCpus[d] = new BitSet();
      for (int p : devices.get(d).cpus()) {
        isrCpus[d].set(p);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int d = 0; d < devices.size(); d++) {
        for (Step step : devices.get(d).isr().then()) {
          changed |= applyOp(step.op(), isrCpus[d]);
        }
      }
      for (int i = 0; i < dpcs.size(); i++) {
        // Every processor the DPC may run on at once, as whole bit sets: a generated scenario
        // (PHOLD: 8,192 KDPCs that may run on any of 2,048 processors) made the processor by
        // processor walk take seconds.
        for (Step step : dpcs.get(i).routine().then()) {
          changed |= applyOp(step.op(), placeOf[i]);
        }
      }
    }
  }

  /**
   * Records that every processor in {@code runners} may execute {@code op}; @return true if
   * anything grew.
   */
  private boolean applyOp(Op op, BitSet runners) {
    String name = dpcName(op);
    if (name == null) {
      return false;
    }
    int k = machine.dpcIndex(name);
    boolean changed = false;
    // An insert of a DPC whose target never changes only reads a constant Number where it
    // runs; the KDPC itself is touched on the target. Everything else touches it here.
    boolean touches = !(op instanceof Op.Insert) || numberMutable[k] || everUntargeted[k];
    if (touches) {
      changed |= orInto(touchedFrom[k], runners);
    }
    if (op instanceof Op.Insert && everUntargeted[k]) {
      changed |= orInto(placeOf[k], runners); // an untargeted DPC runs where it is inserted
    }
    return changed;
  }

  private static boolean orInto(BitSet into, BitSet from) {
    int before = into.cardinality();
    into.or(from);
    return into.cardinality() != before;
  }

  /**
   * @return the DPC an operation names, or null
   */
  static String dpcName(Op op) {
    if (op instanceof Op.Insert i) {
      return i.dpc();
    }
    if (op instanceof Op.Remove r) {
      return r.dpc();
    }
    if (op instanceof Op.SetImportance s) {
      return s.dpc();
    }
    if (op instanceof Op.SetTarget s) {
      return s.dpc();
    }
    return null;
  }

  private boolean touchesShared(Work w) {
    for (Step step : w.then()) {
      if (touchesShared(step.op())) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return true if performing {@code op} reads or writes a shared KDPC
   */
  @Override
  public boolean touchesShared(Op op) {
    int k = dpcIndex(op);
    return k >= 0 && shared[k];
  }

  /**
   * @return the index of the KDPC {@code op} names, -1 if it names none: the index the loader
   *     resolved (no lookup by name: the engines ask this per window), else found by name
   */
  private int dpcIndex(Op op) {
    int k = Op.UNRESOLVED;
    if (op instanceof Op.Insert i) {
      k = i.dpcIndex();
    } else if (op instanceof Op.Remove r) {
      k = r.dpcIndex();
    } else if (op instanceof Op.SetImportance si) {
      k = si.dpcIndex();
    } else if (op instanceof Op.SetTarget st) {
      k = st.dpcIndex();
    }
    if (k != Op.UNRESOLVED) {
      return k;
    }
    String name = dpcName(op);
    return name == null ? -1 : machine.dpcIndex(name);
  }

  /**
   * @return true if {@code op}, run on {@code runner}, may send a message to another processor
   */
  public boolean maySend(Op op, int runner) {
    if (op instanceof Op.Flush) {
      return processors > 1;
    }
    if (op instanceof Op.Remove) {
      BitSet where = placeOf[dpcIndex(op)];
      return where.cardinality() > (where.get(runner) ? 1 : 0);
    }
    if (op instanceof Op.Insert i && i.retargets()) {
      // Local unless the draw picks another processor: possible only with P > 0.
      return i.remote() > 0 && processors > 1;
    }
    if (op instanceof Op.Insert) {
      BitSet t = targets[dpcIndex(op)];
      return t.cardinality() > (t.get(runner) ? 1 : 0);
    }
    return false;
  }

  /**
   * @return true if DPC {@code dpc}'s fields may be touched on more than one processor
   */
  @Override
  public boolean shared(int dpc) {
    return shared[dpc];
  }

  /**
   * @return true if DPC {@code dpc} is a token ({@link Tokens}): never shared, however many
   *     processors it visits, because only its one current holder touches it
   */
  @Override
  public boolean token(int dpc) {
    return token[dpc];
  }

  /**
   * @return true if some step of DPC {@code dpc}'s routine touches a shared KDPC
   */
  @Override
  public boolean routineTouchesShared(int dpc) {
    return routineTouchesShared[dpc];
  }

  /**
   * @return true if some step of device {@code device}'s ISR touches a shared KDPC
   */
  @Override
  public boolean isrTouchesShared(int device) {
    return isrTouchesShared[device];
  }

  /**
   * The earliest offset of a send in work that starts on {@code cpu} at or after a given instant,
   * knowing {@code u}, the next uniform draw of the processor's work stream ({@link
   * SendOffsets#sendOffset}).
   *
   * @return at least {@link #minSendOffset}; {@link #NEVER} when nothing can send
   */
  public long sendOffset(int cpu, double u) {
    return sends.sendOffset(cpu, u);
  }

  /**
   * @return for a processor where every send is the random-target insert ending a routine: its
   *     probability P; else NaN ({@link SendOffsets#hopChance})
   */
  public double hopChance(int cpu) {
    return sends.hopChance(cpu);
  }

  /**
   * @return the shortest duration any routine that can run on {@code cpu} gets from the draw {@code
   *     u} (only for processors with a {@link #hopChance})
   */
  public long minDuration(int cpu, double u) {
    return sends.minDuration(cpu, u);
  }

  /**
   * @return the earliest offset, into any routine or ISR that can run on {@code cpu}, of a step
   *     that may send a message; {@link #NEVER} when none can
   */
  public long minSendOffset(int cpu) {
    return sends.minSendOffset(cpu);
  }

  /**
   * @return the sends of this scenario that reach another processor, and how soon work may make
   *     one: what a processor's earliest output time is built on
   */
  public SendLimits sends() {
    return sends;
  }

  /**
   * @return the sends of this scenario that leave a node of {@code partition}, and how soon work
   *     may make one
   */
  public SendLimits crossing(Partition partition) {
    NodeReach rule = new NodeReach(this, partition, placeOf, targets);
    return new SendLimits(this, machine, placeOf, rule::maySend, rule::leaves);
  }

  /**
   * @return the processors {@code cpu}'s work may send a message to (its routines', its devices'
   *     ISRs' and its script actions' inserts, removals and flushes), worked out once per run
   */
  public BitSet sendTargets(int cpu) {
    return graph().sendTargets(cpu);
  }

  /** {@link SendLimits#messageDepth} for every processor, with the depths of {@code starts}. */
  long[] messageDepths(StartDepths starts) {
    return graph().messageDepths(starts);
  }

  private SendGraph graph() {
    if (graph == null) {
      graph = new SendGraph(this, machine, placeOf, targets);
    }
    return graph;
  }

  /**
   * The sends that bound how far the nodes of {@code partition} may run apart: those that leave a
   * node ({@link #crossing}), unless the scenario has shared KDPCs. Their events run one at a time
   * in global order after every processor has reached the window's horizon or stopped before one
   * (RunProtocol), which holds only when every message counts: the node then runs one local window
   * per grant, exactly the global window.
   */
  public SendLimits nodeSends(Partition partition) {
    return sharedCount() > 0 || partition.nodes() == processors ? sends : crossing(partition);
  }

  /**
   * @return the index of the KDPC {@code op} names, or -1 (for {@link NodeReach})
   */
  int indexOf(Op op) {
    return dpcIndex(op);
  }

  /**
   * @return the number of shared KDPCs (for reports)
   */
  public int sharedCount() {
    int c = 0;
    for (boolean b : shared) {
      if (b) {
        c++;
      }
    }
    return c;
  }
}
