package dpcsim.stats;

import java.util.List;

/**
 * Everything {@link StatsCollector} derives from one run's trace.
 *
 * @param cpus one entry per processor, in processor order
 * @param dpcs one entry per KDPC: the scenario's in file order, then any others in order of first
 *     appearance in the trace
 * @param devices one entry per device, in the same order rule
 * @param machineLatency DPC latency over all processors together (insert to routine start):
 *     machine-wide percentiles cannot be derived from the per-processor ones
 * @param modules DPC then ISR time by module and function, each in order of first appearance
 */
public record RunStats(
    List<CpuStats> cpus,
    List<DpcStats> dpcs,
    List<DeviceStats> devices,
    Percentiles machineLatency,
    List<ModuleStats> modules) {
  public RunStats {
    cpus = List.copyOf(cpus);
    dpcs = List.copyOf(dpcs);
    devices = List.copyOf(devices);
    modules = List.copyOf(modules);
  }
}
