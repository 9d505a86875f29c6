package dpcsim.kernel;

import dpcsim.lookahead.KdpcState;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Importance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The KDPC objects of a run, initialised as a driver would (R-5: KeInitialize[Threaded]Dpc, then
 * KeSetImportanceDpc and KeSetTargetProcessorDpc with the scenario's values). A KDPC is shared
 * memory: whichever processor acts on it reads and writes it at its own simulated time.
 */
public final class KdpcTable {
  private final Kdpc[] dpcs;

  /** Initialises every DPC of {@code machine}'s scenario. */
  public KdpcTable(Machine machine) {
    Profile profile = machine.profile();
    List<DpcDef> defs = machine.scenario().dpcs();
    dpcs = new Kdpc[defs.size()];
    for (int i = 0; i < dpcs.length; i++) {
      DpcDef d = defs.get(i);
      int type = d.threaded() ? profile.threadedDpcObjectType() : profile.dpcObjectType();
      Kdpc k = new Kdpc(i, d.name(), d.threaded(), type, d.routine(), i + 1L);
      k.importance = d.importance();
      if (d.target() != null) {
        k.number = d.target() + profile.targetBias();
      }
      dpcs[i] = k;
    }
  }

  /**
   * @return the DPC at {@code index}
   */
  public Kdpc get(int index) {
    return dpcs[index];
  }

  /**
   * @return the number of DPCs
   */
  public int size() {
    return dpcs.length;
  }

  /**
   * @return the state of every KDPC {@code reach} calls shared, as this node sees it
   */
  public List<KdpcState> sharedState(SharedKdpcs reach) {
    List<KdpcState> out = new ArrayList<>();
    for (Kdpc k : dpcs) {
      if (reach.shared(k.id())) {
        DpcQueue q = k.dpcData;
        out.add(
            new KdpcState(
                k.id(),
                k.importance.value(),
                k.number,
                k.systemArgument1,
                k.systemArgument2,
                q == null ? -1 : q.owner(),
                q != null && q.kind() == DpcQueue.Kind.THREADED));
      }
    }
    return out;
  }

  /**
   * Takes another node's view of the shared KDPCs before touching one (the engine runs shared steps
   * one at a time, so the view is the latest). A DPC queued on one of this node's processors
   * ({@code local}) is this node's own business and keeps its list links; one queued elsewhere gets
   * a stand-in DpcData naming that processor's list.
   */
  public void applySharedState(List<KdpcState> states, IntPredicate local) {
    for (KdpcState st : states) {
      Kdpc k = dpcs[st.dpc()];
      k.importance = Importance.values()[st.importance()];
      k.number = st.number();
      k.systemArgument1 = st.systemArgument1();
      k.systemArgument2 = st.systemArgument2();
      if (st.queueOwner() >= 0 && local.test(st.queueOwner())) {
        continue; // the list that holds it is here: its state is already this node's
      }
      if (k.dpcData != null && local.test(k.dpcData.owner())) {
        throw new IllegalStateException(
            k.name() + " is queued on local processor " + k.dpcData.owner() + ", not as " + st);
      }
      k.dpcData =
          st.queueOwner() < 0
              ? null
              : new DpcQueue(
                  st.queueOwner(),
                  st.threadedList() ? DpcQueue.Kind.THREADED : DpcQueue.Kind.NORMAL);
    }
  }
}
