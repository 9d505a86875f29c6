package dpcsim.invariant;

import dpcsim.kernel.DpcQueue;
import dpcsim.kernel.Kdpc;

/** a KDPC is linked into at most one DPC list, of all processors' lists, at a time. */
public final class AtMostOneQueue implements Invariant {
  @Override
  public String name() {
    return "a KDPC is in at most one queue";
  }

  @Override
  public void check(RunState state) {
    int[] seen = new int[state.kdpcs().size()];
    for (CpuState c : state.cpus()) {
      for (DpcQueue q : new DpcQueue[] {c.normal(), c.threaded()}) {
        for (Kdpc d : q.entries()) {
          if (++seen[d.id()] > 1) {
            state.fail(this, c.cpu(), d.name() + " is in a second queue (" + q.kind() + ")");
          }
        }
      }
    }
  }
}
