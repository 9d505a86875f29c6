package dpcsim.scenario;

import java.util.List;

/** An interrupt source: its arrival process, its interrupt affinity and its ISR. */
public record DeviceDef(String name, Interrupts interrupts, List<Integer> cpus, Work isr) {
  public DeviceDef {
    cpus = List.copyOf(cpus);
  }
}
