package dpcsim.api;

import dpcsim.engine.RunResult;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import dpcsim.stats.ModuleStats;
import dpcsim.stats.Percentiles;
import dpcsim.stats.RunStats;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What {@link Simulation#run} produced: statistics by KDPC name, by device name and by processor,
 * the machine-wide DPC latency, and the trace hash. Times are simulated nanoseconds; percentiles
 * are nearest-rank, as in the CLI's tables.
 */
public final class SimulationResult {
  /** How many known names an "unknown name" message lists. */
  private static final int LISTED_NAMES = 20;

  private final RunResult run;

  SimulationResult(RunResult run) {
    this.run = run;
  }

  /**
   * @return the scenario that ran
   */
  public Scenario scenario() {
    return run.scenario();
  }

  /**
   * @return the SHA-256 of the JSON Lines trace, as {@code dpcsim run} prints it
   */
  public String traceSha256() {
    return run.traceSha256();
  }

  /**
   * @return trace events written
   */
  public long events() {
    return run.events();
  }

  /**
   * @return the simulated time reached: the duration, or the instant a watchdog stopped the run
   */
  public long simulatedNs() {
    return run.simulatedNs();
  }

  /**
   * @return true if the run ended early at a watchdog violation ({@code action: stop})
   */
  public boolean stoppedByWatchdog() {
    return run.stoppedByWatchdog();
  }

  /**
   * @return DPC insert-to-start latency over every KDPC and processor together
   */
  public Percentiles machineLatency() {
    return run.stats().machineLatency();
  }

  /**
   * @param name a KDPC's name ({@code nicRx}; a per-CPU instance is {@code nicRx[2]})
   * @return its statistics
   * @throws IllegalArgumentException naming the scenario's KDPCs if there is no such KDPC
   */
  public DpcResult dpc(String name) {
    for (DpcResult d : dpcs()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    throw unknown("KDPC", name, dpcs().stream().map(DpcResult::name).toList());
  }

  /**
   * @param name a device's name
   * @return its statistics
   * @throws IllegalArgumentException naming the scenario's devices if there is no such device
   */
  public DeviceResult device(String name) {
    for (DeviceResult d : devices()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    throw unknown("device", name, devices().stream().map(DeviceResult::name).toList());
  }

  /**
   * @param cpu a processor number, 0 to processors - 1
   * @return its statistics
   * @throws IllegalArgumentException if the machine has no such processor
   */
  public CpuResult cpu(int cpu) {
    List<CpuResult> cpus = cpus();
    if (cpu < 0 || cpu >= cpus.size()) {
      throw new IllegalArgumentException(
          "no processor " + cpu + " (the scenario has processors 0.." + (cpus.size() - 1) + ")");
    }
    return cpus.get(cpu);
  }

  /**
   * @return every KDPC, in the scenario's order
   */
  public List<DpcResult> dpcs() {
    List<DpcResult> out = new ArrayList<>();
    run.dpcs().forEach(d -> out.add(new DpcResult(d)));
    return out;
  }

  /**
   * @return every device, in the scenario's order
   */
  public List<DeviceResult> devices() {
    List<DeviceResult> out = new ArrayList<>();
    run.devices().forEach(d -> out.add(new DeviceResult(d)));
    return out;
  }

  /**
   * @return every processor, in processor order
   */
  public List<CpuResult> cpus() {
    List<CpuResult> out = new ArrayList<>();
    run.cpus().forEach(c -> out.add(new CpuResult(c)));
    return out;
  }

  /**
   * @return DPC and ISR time by driver module and function (the CLI's by-module table)
   */
  public List<ModuleStats> modules() {
    return run.stats().modules();
  }

  /**
   * @return all statistics as the engine reports them
   */
  public RunStats stats() {
    return run.stats();
  }

  /**
   * @return the engine's full result (placement, counters, ...)
   */
  public RunResult runResult() {
    return run;
  }

  /** A sample count for {@link Percentiles}, which keeps an int. */
  static int count(long n) {
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  private static IllegalArgumentException unknown(String what, String name, List<String> known) {
    StringJoiner names = new StringJoiner(", ");
    for (int i = 0; i < Math.min(known.size(), LISTED_NAMES); i++) {
      names.add(ScenarioText.bare(known.get(i)));
    }
    String more = known.size() > LISTED_NAMES ? ", ... (" + known.size() + " in all)" : "";
    return new IllegalArgumentException(
        "unknown "
            + what
            + " "
            + ScenarioText.quote(name)
            + (known.isEmpty() ? " (the scenario has none)" : " (known: " + names + more + ")"));
  }
}
