package dpcsim.lookahead;

import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Op;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScriptAction;
import dpcsim.scenario.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the <em>token</em> KDPCs of a scenario: those provably touched by one processor at a time,
 * like the jobs of the PHOLD benchmark, even though they may sit on every processor.
 *
 * <p>A KDPC is a token when (1) exactly one script action names it, and it is an {@code insert};
 * (2) its own routine's steps name it exactly once, in an {@code insert} (with or without {@code
 * target: { random: P }}); (3) no other routine and no ISR names it. Before the script insert it is
 * dormant (nothing can reach it). The script insert makes one instance: queued on one processor, or
 * travelling to it in one remote-insert message. Only the processor holding it may act on it: it
 * runs the routine (R-19 clears DpcData first), and the routine's one insert of it hands it on,
 * locally or in one new message, once; nothing else names it. So there is never more than one
 * instance and never two processors acting on it at once (an insertion can never find it already
 * queued, R-12), and its fields travel with it: the remote-insert message carries Number, the
 * SystemArguments and DpcData are set by the insertion on arrival, and Importance never changes.
 */
final class Tokens {
  private Tokens() {}

  /**
   * @return per DPC (scenario order), true if it is a token
   */
  static boolean[] of(Scenario s) {
    List<DpcDef> dpcs = s.dpcs();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < dpcs.size(); i++) {
      index.put(dpcs.get(i).name(), i);
    }
    int n = dpcs.size();
    int[] scriptNames = new int[n];
    boolean[] scriptNonInsert = new boolean[n];
    int[] ownInserts = new int[n];
    boolean[] spoiled = new boolean[n];
    for (ScriptAction a : s.script()) {
      String name = DpcReach.dpcName(a.op());
      if (name != null) {
        int k = index.get(name);
        scriptNames[k]++;
        scriptNonInsert[k] |= !(a.op() instanceof Op.Insert);
      }
    }
    for (DeviceDef d : s.devices()) {
      for (Step step : d.isr().then()) {
        String name = DpcReach.dpcName(step.op());
        if (name != null) {
          spoiled[index.get(name)] = true;
        }
      }
    }
    for (int owner = 0; owner < n; owner++) {
      for (Step step : dpcs.get(owner).routine().then()) {
        String name = DpcReach.dpcName(step.op());
        if (name == null) {
          continue;
        }
        int k = index.get(name);
        if (k != owner || !(step.op() instanceof Op.Insert)) {
          spoiled[k] = true;
        } else {
          ownInserts[k]++;
        }
      }
    }
    boolean[] token = new boolean[n];
    for (int k = 0; k < n; k++) {
      token[k] = scriptNames[k] == 1 && !scriptNonInsert[k] && ownInserts[k] == 1 && !spoiled[k];
    }
    return token;
  }
}
