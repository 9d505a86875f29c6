package dpcsim.invariant;

import dpcsim.kernel.DpcQueue;
import dpcsim.kernel.Kdpc;

/**
 * a KDPC's DpcData names the queue it is linked into, and is null when it is in none (the
 * "already queued" test of KeInsertQueueDpc reads it).
 */
public final class DpcDataIffQueued implements Invariant {
  @Override
  public String name() {
    return "DpcData set iff queued";
  }

  @Override
  public void check(RunState state) {
    boolean[] linked = new boolean[state.kdpcs().size()];
    for (CpuState c : state.cpus()) {
      for (DpcQueue q : new DpcQueue[] {c.normal(), c.threaded()}) {
        for (Kdpc d : q.entries()) {
          linked[d.id()] = true;
          if (d.dpcData() != q) {
            state.fail(this, c.cpu(), d.name() + " is in a queue its DpcData does not name");
          }
        }
      }
    }
    for (Kdpc d : state.kdpcs()) {
      if (d.inserted() != linked[d.id()]) {
        DpcQueue q = d.dpcData();
        state.fail(
            this,
            q == null ? state.eventCpu() : q.owner(),
            d.name()
                + (d.inserted()
                    ? " has DpcData but is in no queue"
                    : " is queued without DpcData"));
      }
    }
  }
}
