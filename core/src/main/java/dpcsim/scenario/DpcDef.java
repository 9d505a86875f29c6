package dpcsim.scenario;

/**
 * A named KDPC (KeInitializeDpc / KeInitializeThreadedDpc), R-5. {@code target} is the processor
 * given to KeSetTargetProcessorDpc at initialisation, or null (run where inserted).
 *
 * @param module the driver its DeferredRoutine belongs to ({@code module: ndis.sys}); the KDPC's
 *     name (a per-CPU instance's template name) when the file gives none
 * @param function the DeferredRoutine's name ({@code function:}); defaults as {@code module}
 */
public record DpcDef(
    String name,
    Importance importance,
    Integer target,
    boolean threaded,
    Work routine,
    String module,
    String function) {
  /** A KDPC whose module and function are its name. */
  public DpcDef(
      String name, Importance importance, Integer target, boolean threaded, Work routine) {
    this(name, importance, target, threaded, routine, name, name);
  }
}
