package dpcsim.kernel.debug;

import dpcsim.scenario.Importance;

/**
 * One KDPC object's fields as the debugger shows them ({@code !dpcs}, {@code dt _KDPC}, R-1), read
 * from the processor (or node) that owns it at a break.
 *
 * @param id the DPC's index in the scenario's {@code dpcs}
 * @param name the scenario name
 * @param threaded initialised with KeInitializeThreadedDpc
 * @param type the Type byte
 * @param importance the current Importance
 * @param number the raw Number: target + bias, or 0
 * @param deferredContext DeferredContext as stored
 * @param systemArgument1 as stored by the last successful insertion
 * @param systemArgument2 as stored by the last successful insertion
 * @param queueOwner the processor whose list holds it (its DpcData), or -1 when not inserted
 * @param threadedList true if it sits in that processor's threaded list
 */
public record KdpcSnapshot(
    int id,
    String name,
    boolean threaded,
    int type,
    Importance importance,
    int number,
    long deferredContext,
    long systemArgument1,
    long systemArgument2,
    int queueOwner,
    boolean threadedList) {

  /**
   * @return true if the DPC is queued somewhere (R-2: DpcData != null)
   */
  public boolean inserted() {
    return queueOwner >= 0;
  }
}
