package dpcsim.invariant;

import dpcsim.kernel.DpcQueue;
import dpcsim.kernel.Kdpc;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Processor;
import java.util.ArrayList;
import java.util.List;

/**
 * The invariants of a run, checked together after each event: {@link #afterEvent} runs each one and
 * the first that fails throws an {@link InvariantViolation}.
 */
public final class Invariants {
  private final List<Invariant> invariants;
  private final RunState state;

  private Invariants(List<Invariant> invariants, RunState state) {
    this.invariants = invariants;
    this.state = state;
  }

  /**
   * @return fresh instances of every invariant (some keep state across events: one list per run)
   */
  public static List<Invariant> all() {
    return List.of(
        new AtMostOneQueue(),
        new DpcDataIffQueued(),
        new DepthMatchesList(DpcQueue.Kind.NORMAL),
        new DepthMatchesList(DpcQueue.Kind.THREADED),
        new TimeNeverGoesBack(),
        new IrqlOrdering());
  }

  /**
   * @return every invariant, checking {@code processors} and {@code kdpcs}
   */
  public static Invariants forRun(Processor[] processors, KdpcTable kdpcs) {
    List<CpuState> cpus = new ArrayList<>(processors.length);
    for (Processor p : processors) {
      cpus.add(CpuState.of(p));
    }
    List<Kdpc> all = new ArrayList<>(kdpcs.size());
    for (int i = 0; i < kdpcs.size(); i++) {
      all.add(kdpcs.get(i));
    }
    return new Invariants(all(), new RunState(cpus, all));
  }

  /**
   * Checks every invariant after an event at {@code time} on {@code cpu} of kind {@code event}.
   *
   * @throws InvariantViolation naming the first invariant that does not hold
   */
  public void afterEvent(long time, int cpu, String event) {
    state.after(time, cpu, event);
    for (Invariant i : invariants) {
      i.check(state);
    }
  }
}
