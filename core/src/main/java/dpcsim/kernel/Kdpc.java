package dpcsim.kernel;

import dpcsim.scenario.Importance;
import dpcsim.scenario.Work;

/**
 * A KDPC object. Its fields are shared memory: any processor reads and writes them at its own
 * simulated time. "Inserted" means exactly {@code dpcData != null}. The list links ({@code
 * DpcListEntry}) are intrusive so queue operations allocate nothing.
 */
public final class Kdpc {
  private final int id;
  private final String name;
  private final boolean threaded;
  private final int type;
  private final Work routine;
  private final StepPlan routinePlan;
  private final long deferredContext;

  Importance importance;

  /** Raw Number as stored: {@code target + bias} when targeted, else 0. */
  int number;

  long systemArgument1;
  long systemArgument2;

  /** The queue this DPC sits in, or null. */
  DpcQueue dpcData;

  Kdpc prev;
  Kdpc next;

  /**
   * KeInitializeDpc / KeInitializeThreadedDpc: Importance Medium, Number 0, DpcData null. The
   * scenario's importance and target are then applied as KeSetImportanceDpc and
   * KeSetTargetProcessorDpc would.
   */
  Kdpc(int id, String name, boolean threaded, int type, Work routine, long deferredContext) {
    this.id = id;
    this.name = name;
    this.threaded = threaded;
    this.type = type;
    this.routine = routine;
    this.routinePlan = routine == null ? StepPlan.EMPTY : StepPlan.of(routine);
    this.deferredContext = deferredContext;
    this.importance = Importance.MEDIUM;
    this.number = 0;
  }

  /**
   * @return the index of this DPC in the scenario's {@code dpcs} list
   */
  public int id() {
    return id;
  }

  /**
   * @return the scenario name of this KDPC
   */
  public String name() {
    return name;
  }

  /**
   * @return true if initialised with KeInitializeThreadedDpc
   */
  public boolean threaded() {
    return threaded;
  }

  /**
   * @return the Type byte
   */
  public int type() {
    return type;
  }

  /**
   * @return what the DeferredRoutine does
   */
  public Work routine() {
    return routine;
  }

  /** The routine's steps in the order they run (shared by every call). */
  StepPlan routinePlan() {
    return routinePlan;
  }

  /**
   * @return DeferredContext (the simulator stores the DPC's index + 1, never null)
   */
  public long deferredContext() {
    return deferredContext;
  }

  /**
   * @return the current Importance
   */
  public Importance importance() {
    return importance;
  }

  /**
   * @return the raw Number field (target + bias, or 0)
   */
  public int number() {
    return number;
  }

  /**
   * @return SystemArgument1 as last stored by a successful insertion
   */
  public long systemArgument1() {
    return systemArgument1;
  }

  /**
   * @return SystemArgument2 as last stored by a successful insertion
   */
  public long systemArgument2() {
    return systemArgument2;
  }

  /**
   * @return the queue this DPC is in, or null when not inserted
   */
  public DpcQueue dpcData() {
    return dpcData;
  }

  /**
   * @return true if the DPC is queued somewhere
   */
  public boolean inserted() {
    return dpcData != null;
  }

  /**
   * Where an insertion by {@code inserter} goes: {@code Number - bias} when targeted, else
   * the inserting processor.
   *
   * @return the target processor number
   */
  public int targetFor(int inserter, int bias) {
    return number >= bias ? number - bias : inserter;
  }

  @Override
  public String toString() {
    return name;
  }
}
