package dpcsim.lookahead;

import dpcsim.kernel.RandomStream;
import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.Dist;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.DurationHistogram;
import dpcsim.scenario.Op;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.Step;
import dpcsim.scenario.Work;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How soon the work that can run on each processor may send a message to another processor: the
 * earliest offset of a sending step ({@link SendLimits#maySend}) into any routine or ISR that can
 * run there, sharpened where only normal routines run one after another (their durations come from
 * the processor's own work stream) and where every send is the random-target insert that ends a
 * routine (PHOLD: the targets come from the processor's own stream too). Part of {@link DpcReach}.
 */
final class SendOffsets {
  /** Per processor: earliest offset into any work that can run there of a sending step. */
  private final long[] minSendOffset;

  /**
   * Per processor whose work is only normal DPC routines (no ISR, no threaded DPC), which run one
   * after another: their distinct duration distributions with the earliest {@code after} of a
   * sending step; null for any other processor.
   */
  private final WorkShape[][] serialWork;

  /** Per DPC, its routine's shape when no processor changes it (no step has an {@code after}). */
  private final WorkShape[] fixedShape;

  /**
   * Per processor: P when every send from it is the {@code target: { random: P }} insert ending a
   * routine (one at most per routine, all with the same P, no {@code after}), and only normal
   * routines with drawn durations run there (PHOLD); NaN otherwise.
   */
  private final double[] hopChance;

  private final RoutineHops[] routineHops;

  /** A routine's duration and its earliest sending {@code after} ({@link DpcReach#NEVER}: none). */
  private record WorkShape(Dist duration, long sendCap) {}

  private final SendRule rule;
  private final int processors;
  private final List<DpcDef> dpcs;
  private final List<DeviceDef> devices;
  private final BitSet[] placeOf;

  /** Which operations count as sends ({@link SendLimits#maySend}). */
  interface SendRule {
    boolean maySend(Op op, int runner);
  }

  /**
   * Works out the send offsets of {@code s}'s processors.
   *
   * @param placeOf per DPC, the processors whose queues it may sit in (its routine runs there)
   */
  SendOffsets(SendRule rule, Scenario s, BitSet[] placeOf) {
    this.rule = rule;
    this.processors = s.processors();
    this.dpcs = s.dpcs();
    this.devices = s.devices();
    this.placeOf = placeOf;
    int n = dpcs.size();
    minSendOffset = new long[processors];
    Arrays.fill(minSendOffset, DpcReach.NEVER);
    for (int i = 0; i < n; i++) {
      Work w = dpcs.get(i).routine();
      for (int p = placeOf[i].nextSetBit(0); p >= 0; p = placeOf[i].nextSetBit(p + 1)) {
        minSendOffset[p] = Math.min(minSendOffset[p], firstSendOffset(w, p));
      }
    }
    for (DeviceDef d : devices) {
      for (int p : d.cpus()) {
        minSendOffset[p] = Math.min(minSendOffset[p], firstSendOffset(d.isr(), p));
      }
    }
    fixedShape = new WorkShape[n];
    Map<WorkShape, WorkShape> canonical = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Work w = dpcs.get(i).routine();
      if (w.then().stream().allMatch(step -> step.afterNs() == null)) {
        // No step caps it anywhere. One instance per distinct shape, so serialWork can skip
        // repeats by identity.
        WorkShape shape = new WorkShape(w.duration(), DpcReach.NEVER);
        fixedShape[i] = canonical.computeIfAbsent(shape, x -> x);
      }
    }
    serialWork = new WorkShape[processors][];
    for (int p = 0; p < processors; p++) {
      serialWork[p] = serialWork(p);
    }
    routineHops = new RoutineHops[n];
    for (int i = 0; i < n; i++) {
      routineHops[i] = RoutineHops.of(dpcs.get(i).routine());
    }
    hopChance = new double[processors];
    for (int p = 0; p < processors; p++) {
      hopChance[p] = computeHopChance(p);
    }
  }

  private double computeHopChance(int p) {
    if (serialWork[p] == null || minSendOffset[p] == DpcReach.NEVER) {
      return Double.NaN;
    }
    for (WorkShape w : serialWork[p]) {
      if (w.duration() instanceof Dist.Fixed) {
        return Double.NaN; // draws nothing: the draws would not line up with the routines
      }
    }
    double chance = Double.NaN;
    for (int i = 0; i < dpcs.size(); i++) {
      if (!placeOf[i].get(p)) {
        continue;
      }
      RoutineHops h = routineHops[i];
      if (h.unusable()) {
        return Double.NaN;
      }
      if (!Double.isNaN(h.chance())) {
        if (!Double.isNaN(chance) && chance != h.chance()) {
          return Double.NaN;
        }
        chance = h.chance();
      }
      for (Op op : h.otherOps()) {
        if (rule.maySend(op, p)) {
          return Double.NaN;
        }
      }
    }
    return chance;
  }

  /**
   * What a routine's steps say about look-ahead, whatever processor runs it (worked out once per
   * KDPC, not once per KDPC and processor: 8,192 x 2,048 for the largest PHOLD).
   *
   * @param unusable a random retarget with an {@code after}, or more than one
   * @param chance its one random retarget's probability, or NaN for none
   * @param otherOps the other steps' operations, which may send depending on the processor
   */
  private record RoutineHops(boolean unusable, double chance, List<Op> otherOps) {
    static RoutineHops of(Work w) {
      double chance = Double.NaN;
      int retargets = 0;
      boolean unusable = false;
      List<Op> others = new ArrayList<>();
      for (Step step : w.then()) {
        if (step.op() instanceof Op.Insert ins && ins.retargets()) {
          retargets++;
          unusable |= step.afterNs() != null || retargets > 1;
          chance = ins.remote();
        } else {
          others.add(step.op());
        }
      }
      return new RoutineHops(unusable, chance, List.copyOf(others));
    }
  }

  private WorkShape[] serialWork(int p) {
    for (DeviceDef d : devices) {
      if (d.cpus().contains(p)) {
        return null; // an ISR may preempt a routine and start in the middle of it
      }
    }
    Set<WorkShape> shapes = new LinkedHashSet<>();
    WorkShape lastShape = null;
    for (int i = 0; i < dpcs.size(); i++) {
      if (!placeOf[i].get(p)) {
        continue;
      }
      if (dpcs.get(i).threaded()) {
        return null; // a normal routine may preempt the threaded one
      }
      if (fixedShape[i] != null) {
        if (fixedShape[i] != lastShape) { // runs of equal shapes (PHOLD): one set lookup
          shapes.add(fixedShape[i]);
          lastShape = fixedShape[i];
        }
        continue;
      }
      Work w = dpcs.get(i).routine();
      long cap = DpcReach.NEVER;
      for (Step step : w.then()) {
        if (step.afterNs() != null && rule.maySend(step.op(), p)) {
          cap = Math.min(cap, step.afterNs());
        }
      }
      shapes.add(new WorkShape(w.duration(), cap));
    }
    return shapes.toArray(new WorkShape[0]);
  }

  private long firstSendOffset(Work w, int runner) {
    long best = DpcReach.NEVER;
    long minDuration = minimum(w.duration());
    for (Step step : w.then()) {
      if (rule.maySend(step.op(), runner)) {
        best = Math.min(best, stepOffset(step, minDuration));
      }
    }
    return best;
  }

  /**
   * @return the earliest offset into work lasting at least {@code minDuration} at which {@code
   *     step} runs: its {@code after}, or the work's end
   */
  static long stepOffset(Step step, long minDuration) {
    return step.afterNs() == null ? minDuration : Math.min(step.afterNs(), minDuration);
  }

  /**
   * @return the smallest duration {@code d} can produce (draws are at least 1 ns)
   */
  static long minimum(Dist d) {
    if (d instanceof Dist.Fixed f) {
      return Math.max(1, f.ns());
    }
    if (d instanceof Dist.Uniform u) {
      return Math.max(1, u.lowNs());
    }
    if (d instanceof DurationHistogram h) {
      return h.minimumNs();
    }
    return 1;
  }

  /**
   * The earliest offset of a send in work that starts on {@code cpu} at or after a given instant,
   * knowing {@code u}, the next uniform draw of the processor's work stream. Where only normal DPC
   * routines run, they run one after another, so the first one to start after the instant either
   * draws {@code u} (or has a fixed duration) and sends no earlier than its drawn duration or a
   * sending step's {@code after}, or ends before any later one starts. Elsewhere: {@link
   * #minSendOffset}. (An exponential routine may last 1 ns, so without the draw PHOLD's windows
   * would be no wider than the latency.)
   *
   * @return at least {@link #minSendOffset}; {@link DpcReach#NEVER} when nothing can send
   */
  long sendOffset(int cpu, double u) {
    long floor = minSendOffset[cpu];
    WorkShape[] shapes = serialWork[cpu];
    if (floor == DpcReach.NEVER || shapes == null) {
      return floor;
    }
    long g = DpcReach.NEVER;
    for (WorkShape w : shapes) {
      g = Math.min(g, Math.min(w.sendCap(), RandomStream.sampleWith(w.duration(), u)));
    }
    return Math.max(floor, g);
  }

  /**
   * @return for a processor where only normal routines run and every send is the random-target
   *     insert ending one (at most one per routine, no {@code after}, all with the same P): P; else
   *     NaN. There the order of the sends is known ahead from the processor's own draws.
   */
  double hopChance(int cpu) {
    return hopChance[cpu];
  }

  /**
   * @return the shortest duration any routine that can run on {@code cpu} gets from the draw {@code
   *     u} (only for processors with a {@link #hopChance})
   */
  long minDuration(int cpu, double u) {
    long d = DpcReach.NEVER;
    for (WorkShape w : serialWork[cpu]) {
      d = Math.min(d, RandomStream.sampleWith(w.duration(), u));
    }
    return d;
  }

  /**
   * @return the earliest offset, into any routine or ISR that can run on {@code cpu}, of a step
   *     that may send a message; {@link DpcReach#NEVER} when none can
   */
  long minSendOffset(int cpu) {
    return minSendOffset[cpu];
  }
}
