package dpcsim.scenario;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the trap of one untargeted KDPC inserted from several processors. A KDPC object is queued
 * at most once, wherever it is: while it waits on one processor's list, an insert from any
 * processor returns FALSE and its arguments are lost. A driver that shares one KDPC between the
 * interrupts of several processors loses most of its inserts; the fix is a target or one KDPC per
 * processor ({@code perCpu: true}).
 *
 * <p>The processors an insert may come from are found statically: a script action's processor, a
 * device's {@code cpus} for its ISR, and for a routine the processors its KDPC may run on (its
 * target, or where it is inserted from), to a fixed point over routines that insert each other.
 */
public final class InsertOrigins {
  private static final int LISTED_ORIGINS = 3;

  private final Scenario scenario;
  private final List<DpcDef> dpcs;

  /** Per KDPC: the processors a plain insert of it may come from. */
  private final BitSet[] from;

  /** Per KDPC: a description of each kind of place it is inserted from, in scenario order. */
  private final List<Set<String>> by;

  /** Per KDPC: the processors its routine may run on. */
  private final BitSet[] runs;

  /** KDPCs whose target is changed by a setTarget or a random-target insert. */
  private final BitSet retargeted;

  private InsertOrigins(Scenario s) {
    scenario = s;
    dpcs = s.dpcs();
    int n = dpcs.size();
    from = new BitSet[n];
    runs = new BitSet[n];
    by = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      from[i] = new BitSet();
      runs[i] = new BitSet();
      by.add(new LinkedHashSet<>());
    }
    retargeted = new BitSet(n);
  }

  /**
   * @return one line per untargeted KDPC that may be inserted from more than one processor, each
   *     starting {@code warning:}, in the order of {@code dpcs}; empty when there is none
   */
  public static List<String> warnings(Scenario s) {
    InsertOrigins o = new InsertOrigins(s);
    o.solve();
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < o.dpcs.size(); d++) {
      DpcDef def = o.dpcs.get(d);
      if (def.target() != null || o.retargeted.get(d) || o.from[d].cardinality() < 2) {
        continue;
      }
      lines.add(
          "warning: KDPC "
              + ScenarioText.escape(def.name())
              + " has no target and is inserted from processors "
              + processors(o.from[d])
              + " ("
              + origins(o.by.get(d))
              + "); while it is queued, an insert from any processor returns FALSE and is lost"
              + " (R-12): give it a target, or make it perCpu: true");
    }
    return lines;
  }

  private void solve() {
    for (ScriptAction a : scenario.script()) {
      if (a.cpu() != null) {
        BitSet one = new BitSet();
        one.set(a.cpu());
        note(a.op(), one, "the script");
      }
    }
    for (DeviceDef dev : scenario.devices()) {
      BitSet cpus = new BitSet();
      dev.cpus().forEach(cpus::set);
      for (Step step : dev.isr().then()) {
        note(step.op(), cpus, "the ISR of device " + ScenarioText.escape(dev.name()));
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int d = 0; d < dpcs.size(); d++) {
        BitSet where = runsOn(d);
        if (!where.equals(runs[d])) {
          runs[d] = where;
          changed = true;
        }
      }
      for (int d = 0; d < dpcs.size(); d++) {
        for (Step step : dpcs.get(d).routine().then()) {
          changed |=
              note(
                  step.op(),
                  runs[d],
                  "the routine of KDPC " + ScenarioText.escape(dpcs.get(d).name()));
        }
      }
    }
  }

  /** Where KDPC {@code d}'s routine may run: its target, else where it is inserted from. */
  private BitSet runsOn(int d) {
    BitSet where = new BitSet();
    Integer target = dpcs.get(d).target();
    if (target != null) {
      where.set(target);
    }
    if (target == null || retargeted.get(d)) {
      where.or(from[d]);
    }
    if (retargeted.get(d)) {
      where.set(0, scenario.processors());
    }
    return where;
  }

  /**
   * Records that {@code op} may run on {@code cpus}.
   *
   * @return true if anything new was learnt
   */
  private boolean note(Op op, BitSet cpus, String origin) {
    int d = index(op);
    if (d < 0 || cpus.isEmpty()) {
      return false;
    }
    boolean plainInsert = op instanceof Op.Insert i && !i.retargets();
    boolean retargets = op instanceof Op.SetTarget || (op instanceof Op.Insert i && i.retargets());
    boolean changed = false;
    if (retargets && !retargeted.get(d)) {
      retargeted.set(d);
      changed = true;
    }
    if (plainInsert) {
      BitSet before = (BitSet) from[d].clone();
      from[d].or(cpus);
      changed |= !before.equals(from[d]);
      changed |= by.get(d).add(origin);
    }
    return changed;
  }

  private int index(Op op) {
    String name;
    int index;
    if (op instanceof Op.Insert i) {
      name = i.dpc();
      index = i.dpcIndex();
    } else if (op instanceof Op.SetTarget t) {
      name = t.dpc();
      index = t.dpcIndex();
    } else {
      return -1;
    }
    if (index != Op.UNRESOLVED) {
      return index;
    }
    for (int d = 0; d < dpcs.size(); d++) {
      if (dpcs.get(d).name().equals(name)) {
        return d;
      }
    }
    return -1;
  }

  /** The first few places a KDPC is inserted from: a generated scenario has thousands. */
  private static String origins(Set<String> all) {
    List<String> shown = new ArrayList<>();
    for (String o : all) {
      if (shown.size() == LISTED_ORIGINS) {
        return String.join(", ", shown) + " and " + (all.size() - LISTED_ORIGINS) + " more";
      }
      shown.add(o);
    }
    return String.join(", ", shown);
  }

  /** "0, 1" or "0-63" or "0-3, 8": runs of consecutive processors shortened. */
  static String processors(BitSet cpus) {
    List<String> parts = new ArrayList<>();
    for (int lo = cpus.nextSetBit(0); lo >= 0; ) {
      int hi = cpus.nextClearBit(lo) - 1;
      parts.add(hi - lo >= 2 ? lo + "-" + hi : hi > lo ? lo + ", " + hi : Integer.toString(lo));
      lo = cpus.nextSetBit(hi + 1);
    }
    return String.join(", ", parts);
  }
}
