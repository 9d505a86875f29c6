package dpcsim.kernel;

import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScriptAction;
import dpcsim.scenario.Tunable;
import dpcsim.trace.TraceNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about a run that every processor reads and nobody changes: the scenario resolved
 * against its profile (threaded DPC support, watchdog limits, tunables, latencies) and name
 * lookups. Mutable shared state (the KDPC objects) lives in {@link KdpcTable}.
 */
public final class Machine {
  private final Scenario scenario;
  private final Profile profile;
  private final boolean threadDpcEnable;
  private final boolean watchdogEnabled;
  private final long dpcTimeLimit;
  private final long dpcWatchdogPeriod;
  private final boolean stopOnWatchdog;
  private final GlobalTunables initialGlobals;
  private final Map<String, Integer> dpcIndex = new HashMap<>();
  private final Map<String, Integer> deviceIndex = new HashMap<>();
  private final StepPlan[] isrPlans;
  private final TraceNames traceNames;

  /**
   * Resolves {@code scenario} against its profile.
   *
   * @throws IllegalArgumentException if the scenario names an unknown profile
   */
  public Machine(Scenario scenario) {
    this.traceNames = TraceNames.of(scenario);
    this.scenario = scenario;
    this.profile = Profiles.byName(scenario.profile());
    // a kernel without DPC threads runs threaded DPCs as normal ones.
    boolean wanted =
        scenario.threadedDpcs() != null ? scenario.threadedDpcs() : profile.threadedDefault();
    this.threadDpcEnable = profile.threadedSupported() && wanted;
    this.watchdogEnabled = profile.watchdog();
    var wd = scenario.watchdog();
    this.dpcTimeLimit =
        wd != null && wd.single() != null ? wd.single() : Profile.DEFAULT_DPC_TIME_LIMIT;
    this.dpcWatchdogPeriod =
        wd != null && wd.cumulative() != null
            ? wd.cumulative()
            : Profile.DEFAULT_DPC_WATCHDOG_PERIOD;
    this.stopOnWatchdog = wd != null && wd.stop();
    Defaults d = profile.defaults();
    GlobalTunables g =
        new GlobalTunables(
            d.maximumDpcQueueDepth(), d.minimumDpcRate(), d.adjustDpcThreshold(), d.idealDpcRate());
    for (Map.Entry<Tunable, Long> e : scenario.tunables().values().entrySet()) {
      g.set(e.getKey(), e.getValue());
    }
    this.initialGlobals = g;
    List<DpcDef> dpcs = scenario.dpcs();
    for (int i = 0; i < dpcs.size(); i++) {
      dpcIndex.put(dpcs.get(i).name(), i);
    }
    List<DeviceDef> devices = scenario.devices();
    this.isrPlans = new StepPlan[devices.size()];
    for (int i = 0; i < devices.size(); i++) {
      deviceIndex.put(devices.get(i).name(), i);
      isrPlans[i] = StepPlan.of(devices.get(i).isr());
    }
  }

  /**
   * @return the KDPC and device names by index, as trace events carry them
   */
  public TraceNames traceNames() {
    return traceNames;
  }

  public Scenario scenario() {
    return scenario;
  }

  public Profile profile() {
    return profile;
  }

  public int processors() {
    return scenario.processors();
  }

  public long durationNs() {
    return scenario.durationNs();
  }

  /**
   * @return ThreadDpcEnable for every processor (R-32, spec P)
   */
  public boolean threadDpcEnable() {
    return threadDpcEnable;
  }

  /**
   * @return true if the profile has the DPC watchdog
   */
  public boolean watchdogEnabled() {
    return watchdogEnabled;
  }

  public long dpcTimeLimit() {
    return dpcTimeLimit;
  }

  public long dpcWatchdogPeriod() {
    return dpcWatchdogPeriod;
  }

  /**
   * @return true if a watchdog violation ends the run ({@code action: stop})
   */
  public boolean stopOnWatchdog() {
    return stopOnWatchdog;
  }

  /**
   * @return a fresh copy of the globals at start
   */
  public GlobalTunables initialGlobals() {
    return initialGlobals.copy();
  }

  /**
   * @return the index of the DPC called {@code name} in the scenario
   */
  public int dpcIndex(String name) {
    Integer i = dpcIndex.get(name);
    if (i == null) {
      throw new IllegalArgumentException("unknown DPC '" + name + "'");
    }
    return i;
  }

  /**
   * @return the index of the device called {@code name} in the scenario
   */
  public int deviceIndex(String name) {
    Integer i = deviceIndex.get(name);
    if (i == null) {
      throw new IllegalArgumentException("unknown device '" + name + "'");
    }
    return i;
  }

  /**
   * @return the script's {@code setTunable} actions, in file order: changes of the globals, which
   *     belong to no processor
   */
  public List<ScriptAction> globalChanges() {
    return scenario.script().stream().filter(a -> a.cpu() == null).toList();
  }

  /**
   * @return the device at {@code index}
   */
  public DeviceDef device(int index) {
    return scenario.devices().get(index);
  }

  /**
   * @return the ISR steps of the device at {@code index} in the order they run
   */
  StepPlan isrPlan(int index) {
    return isrPlans[index];
  }
}
