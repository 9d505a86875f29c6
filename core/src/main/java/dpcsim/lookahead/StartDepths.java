package dpcsim.lookahead;

import dpcsim.kernel.Machine;
import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Op;
import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * How soon work that starts on a processor may lead to a counted send there, following the work it
 * starts on the same processor: a KDPC's routine may send itself, or insert a KDPC that lands on
 * the same processor (or raise a device interrupt there) whose work sends, and so on. A receive
 * routine that only queues a local completion, whose routine then sends, sends no earlier than the
 * sum of the two offsets.
 *
 * <p>With these, a processor's earliest output time need not assume that any work may start at its
 * next event ({@link OutputBound}): it follows what may start there (queued KDPCs, interrupts
 * waiting or due, messages and script actions that reached it) to the sends each can lead to. Where
 * nothing sends but what a device's interrupts start (spread-8: interrupt, ISR, receive routine,
 * remote completion), the bound is the next interrupt plus that chain's shortest offset instead of
 * the next event of any kind.
 */
final class StartDepths {
  /** Above this many KDPC-processor pairs the tables are not built (the plain bound holds). */
  private static final long MAX_PAIRS = 2_000_000;

  private static final long NEVER = DpcReach.NEVER;

  private final SendOffsets.SendRule counted;
  private final SendOffsets.SendRule any;
  private final Machine machine;
  private final List<DpcDef> dpcs;
  private final List<DeviceDef> devices;
  private final BitSet[] placeOf;
  private final int processors;
  private final boolean enabled;

  /** Per KDPC and processor where its routine may run: the routine's start-to-send depth. */
  private final long[][] routine;

  /** Per device and processor: its ISR's start-to-send depth there. */
  private final long[][] isr;

  /** Per processor: the smallest depth of any work that may start there. */
  private final long[] smallest;

  /**
   * @param counted the sends that count
   * @param any every message to another processor (an insert that is not one lands here)
   */
  StartDepths(
      Machine machine, BitSet[] placeOf, SendOffsets.SendRule counted, SendOffsets.SendRule any) {
    this.machine = machine;
    this.counted = counted;
    this.any = any;
    this.dpcs = machine.scenario().dpcs();
    this.devices = machine.scenario().devices();
    this.placeOf = placeOf;
    this.processors = machine.processors();
    long pairs = (long) (dpcs.size() + devices.size()) * processors;
    this.enabled = pairs <= MAX_PAIRS;
    this.routine = new long[enabled ? dpcs.size() : 0][];
    this.isr = new long[enabled ? devices.size() : 0][];
    this.smallest = new long[processors];
    Arrays.fill(smallest, NEVER);
    if (enabled) {
      solve();
    }
  }

  /**
   * @return true if the tables were built (else every depth is 0: no refinement)
   */
  boolean enabled() {
    return enabled;
  }

  /** Relaxes every depth until none shrinks (the chains are short; depths only go down). */
  private void solve() {
    for (int k = 0; k < dpcs.size(); k++) {
      routine[k] = new long[processors];
      Arrays.fill(routine[k], NEVER);
    }
    for (int d = 0; d < devices.size(); d++) {
      isr[d] = new long[processors];
      Arrays.fill(isr[d], NEVER);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int k = 0; k < dpcs.size(); k++) {
        Work w = dpcs.get(k).routine();
        for (int p = placeOf[k].nextSetBit(0); p >= 0; p = placeOf[k].nextSetBit(p + 1)) {
          long v = depth(w, p);
          if (v < routine[k][p]) {
            routine[k][p] = v;
            changed = true;
          }
        }
      }
      for (int d = 0; d < devices.size(); d++) {
        Work w = devices.get(d).isr();
        for (int p = 0; p < processors; p++) {
          long v = depth(w, p);
          if (v < isr[d][p]) {
            isr[d][p] = v;
            changed = true;
          }
        }
      }
    }
    for (int p = 0; p < processors; p++) {
      for (int k = 0; k < dpcs.size(); k++) {
        smallest[p] = Math.min(smallest[p], routine[k][p]);
      }
      for (int d = 0; d < devices.size(); d++) {
        smallest[p] = Math.min(smallest[p], isr[d][p]);
      }
    }
  }

  /** The earliest offset into {@code w}, run on {@code p}, of a step that leads to a send. */
  private long depth(Work w, int p) {
    long best = NEVER;
    long minDuration = SendOffsets.minimum(w.duration());
    for (Step step : w.then()) {
      long cost = step(step.op(), p);
      if (cost != NEVER) {
        best = Math.min(best, DpcReach.add(SendOffsets.stepOffset(step, minDuration), cost));
      }
    }
    return best;
  }

  /**
   * @return 0 if {@code op} run on {@code p} is a counted send; the depth of the work it starts on
   *     {@code p} itself (a KDPC it inserts there, a device interrupt it raises); else never
   */
  long step(Op op, int p) {
    if (counted.maySend(op, p)) {
      return 0;
    }
    if (!enabled) {
      return NEVER;
    }
    if (op instanceof Op.Interrupt i) {
      return isr[machine.deviceIndex(i.device())][p];
    }
    if (op instanceof Op.Insert ins && !any.maySend(op, p)) {
      // Not a message: it lands in this processor's own queue.
      int k = ins.dpcIndex() >= 0 ? ins.dpcIndex() : machine.dpcIndex(ins.dpc());
      return routine[k][p];
    }
    return NEVER;
  }

  /**
   * @return the depth of KDPC {@code dpc}'s routine started on {@code cpu}
   */
  long routine(int dpc, int cpu) {
    return enabled ? routine[dpc][cpu] : 0;
  }

  /**
   * @return the depth of device {@code device}'s ISR started on {@code cpu}
   */
  long isr(int device, int cpu) {
    return enabled ? isr[device][cpu] : 0;
  }

  /**
   * @return the smallest depth of any work that may start on {@code cpu}
   */
  long smallest(int cpu) {
    return enabled ? smallest[cpu] : 0;
  }
}
