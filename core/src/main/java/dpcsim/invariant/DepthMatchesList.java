package dpcsim.invariant;

import dpcsim.kernel.DpcQueue;

/** a DPC list's depth (DpcQueueDepth) is the number of KDPCs linked into it. */
public final class DepthMatchesList implements Invariant {
  private final DpcQueue.Kind kind;

  /**
   * @param kind the list checked: the normal or the threaded one
   */
  public DepthMatchesList(DpcQueue.Kind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return "depth = list length (" + kind.traceName() + ")";
  }

  @Override
  public void check(RunState state) {
    for (CpuState c : state.cpus()) {
      DpcQueue q = kind == DpcQueue.Kind.NORMAL ? c.normal() : c.threaded();
      int length = q.entries().size();
      if (length != q.depth()) {
        state.fail(this, c.cpu(), "depth " + q.depth() + " but " + length + " linked");
      }
    }
  }
}
