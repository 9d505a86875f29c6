package dpcsim.scenario;

/**
 * A named KDPC (KeInitializeDpc / KeInitializeThreadedDpc), R-5. {@code target} is the processor
 * given to KeSetTargetProcessorDpc at initialisation, or null (run where inserted).
 */
public record DpcDef(
    String name, Importance importance, Integer target, boolean threaded, Work routine) {}
