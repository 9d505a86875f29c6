package dpcsim.scenario;

import java.util.List;

/**
 * An interrupt source: its arrival process, its interrupt affinity and its ISR.
 *
 * @param module the driver its ISR belongs to ({@code module: storport.sys}); the device's name (a
 *     per-CPU instance's template name) when the file gives none
 * @param function the ISR's name ({@code function:}); defaults as {@code module}
 */
public record DeviceDef(
    String name,
    Interrupts interrupts,
    List<Integer> cpus,
    Work isr,
    String module,
    String function) {
  public DeviceDef {
    cpus = List.copyOf(cpus);
  }

  /** A device whose module and function are its name. */
  public DeviceDef(String name, Interrupts interrupts, List<Integer> cpus, Work isr) {
    this(name, interrupts, cpus, isr, name, name);
  }
}
