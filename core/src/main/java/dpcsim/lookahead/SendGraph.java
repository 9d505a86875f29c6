package dpcsim.lookahead;

import dpcsim.kernel.Machine;
import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Op;
import dpcsim.scenario.ScriptAction;
import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import java.util.BitSet;
import java.util.List;

/**
 * Who may send a message to whom, and what a message may bring: the graph a node-level part of the
 * coordinator uses to give each of its processors a horizon of its own (NodeWindows). Part of
 * {@link DpcReach}, worked out only when asked.
 */
final class SendGraph {
  private final DpcReach reach;
  private final Machine machine;
  private final List<DpcDef> dpcs;
  private final List<DeviceDef> devices;
  private final BitSet[] placeOf;
  private final BitSet[] targets;
  private final int processors;

  /** Per processor, where its work may send messages. */
  private BitSet[] sendTargets;

  private boolean anyInterruptOp;

  SendGraph(DpcReach reach, Machine machine, BitSet[] placeOf, BitSet[] targets) {
    this.reach = reach;
    this.machine = machine;
    this.dpcs = machine.scenario().dpcs();
    this.devices = machine.scenario().devices();
    this.placeOf = placeOf;
    this.targets = targets;
    this.processors = machine.processors();
  }

  /**
   * @return the processors {@code cpu}'s work may send a message to (its routines', its devices'
   *     ISRs' and its script actions' inserts, removals and flushes), worked out once per run
   */
  BitSet sendTargets(int cpu) {
    if (sendTargets == null) {
      sendTargets = new BitSet[processors];
      anyInterruptOp = hasInterruptOp();
    }
    if (sendTargets[cpu] == null) {
      sendTargets[cpu] = computeSendTargets(cpu);
    }
    return sendTargets[cpu];
  }

  /** {@link DpcReach#messageDepth} for every processor, with the depths of {@code starts}. */
  long[] messageDepths(StartDepths starts) {
    long[] out = new long[processors];
    java.util.Arrays.fill(out, DpcReach.NEVER);
    if (!starts.enabled()) {
      java.util.Arrays.fill(out, 0);
      return out;
    }
    // Who may name each KDPC in an insert or a removal (a message if it sits elsewhere).
    BitSet[] namedFrom = new BitSet[dpcs.size()];
    boolean[] removed = new boolean[dpcs.size()];
    for (int k = 0; k < dpcs.size(); k++) {
      namedFrom[k] = new BitSet();
    }
    boolean flush = false;
    boolean interrupts = hasInterruptOp();
    BitSet all = new BitSet();
    all.set(0, processors);
    for (int j = 0; j < dpcs.size(); j++) {
      flush |= name(ops(dpcs.get(j).routine()), placeOf[j], namedFrom, removed);
    }
    for (DeviceDef d : devices) {
      BitSet cpus = new BitSet();
      d.cpus().forEach(cpus::set);
      flush |= name(ops(d.isr()), interrupts ? all : cpus, namedFrom, removed);
    }
    for (ScriptAction a : machine.scenario().script()) {
      if (a.cpu() != null) {
        BitSet cpu = new BitSet();
        cpu.set(a.cpu());
        flush |= name(List.of(a.op()), cpu, namedFrom, removed);
      }
    }
    if (flush) {
      java.util.Arrays.fill(out, 0);
      return out;
    }
    for (int k = 0; k < dpcs.size(); k++) {
      for (int p = placeOf[k].nextSetBit(0); p >= 0; p = placeOf[k].nextSetBit(p + 1)) {
        BitSet others = (BitSet) namedFrom[k].clone();
        others.clear(p);
        if (!others.isEmpty()) {
          // Another processor may insert or remove k while it may sit in p's queue.
          out[p] = Math.min(out[p], removed[k] ? 0 : starts.routine(k, p));
        }
      }
    }
    return out;
  }

  private static List<Op> ops(Work w) {
    return w.then().stream().map(Step::op).toList();
  }

  /** Records who may name each KDPC in {@code ops}; @return true if one flushes. */
  private boolean name(List<Op> ops, BitSet runners, BitSet[] namedFrom, boolean[] removed) {
    boolean flush = false;
    for (Op op : ops) {
      flush |= op instanceof Op.Flush;
      if (op instanceof Op.Insert || op instanceof Op.Remove) {
        int k = reach.indexOf(op);
        namedFrom[k].or(runners);
        removed[k] |= op instanceof Op.Remove;
      }
    }
    return flush;
  }

  /** An interrupt op may run any device's ISR on the processor that performs it. */
  private boolean hasInterruptOp() {
    for (DpcDef d : dpcs) {
      if (d.routine().then().stream().anyMatch(st -> st.op() instanceof Op.Interrupt)) {
        return true;
      }
    }
    for (DeviceDef d : devices) {
      if (d.isr().then().stream().anyMatch(st -> st.op() instanceof Op.Interrupt)) {
        return true;
      }
    }
    return machine.scenario().script().stream().anyMatch(a -> a.op() instanceof Op.Interrupt);
  }

  /** One processor's targets; stops looking once every other processor is one (PHOLD at once). */
  private BitSet computeSendTargets(int p) {
    BitSet out = new BitSet();
    for (int k = 0; k < dpcs.size() && out.cardinality() < processors - 1; k++) {
      if (placeOf[k].get(p)) {
        for (Step st : dpcs.get(k).routine().then()) {
          addTargets(out, st.op(), p);
        }
      }
    }
    for (DeviceDef d : devices) {
      if (anyInterruptOp || d.cpus().contains(p)) {
        for (Step st : d.isr().then()) {
          addTargets(out, st.op(), p);
        }
      }
    }
    for (ScriptAction a : machine.scenario().script()) {
      if (a.cpu() != null && a.cpu() == p) {
        addTargets(out, a.op(), p);
      }
    }
    return out;
  }

  private void addTargets(BitSet out, Op op, int runner) {
    if (!reach.maySend(op, runner)) {
      return;
    }
    if (op instanceof Op.Flush || (op instanceof Op.Insert i && i.retargets())) {
      out.set(0, processors);
    } else if (op instanceof Op.Remove) {
      out.or(placeOf[reach.indexOf(op)]);
    } else if (op instanceof Op.Insert) {
      out.or(targets[reach.indexOf(op)]);
    }
    out.clear(runner);
  }
}
