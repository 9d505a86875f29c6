package dpcsim.kernel;

import dpcsim.scenario.DpcDef;
import java.util.List;

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
}
