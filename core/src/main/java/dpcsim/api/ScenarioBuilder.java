package dpcsim.api;

import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.scenario.Tunable;
import dpcsim.scenario.YamlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A scenario written in Java ({@link Scenarios#builder()}): the keys of docs/scenario-format.md as
 * methods, durations and rates as a file writes them ({@code "200ms"}, {@code "20000/s"}).
 *
 * <pre>{@code
 * Scenario s = Scenarios.builder().profile("win10").processors(4).seed(7).duration("200ms")
 *     .dpc("nicRx", d -> d.importance(HIGH).routine(exp("20us")))
 *     .device("nic", d -> d.poisson(20_000).cpus(0).isr("2us", insert("nicRx")))
 *     .build();
 * }</pre>
 *
 * <p>{@link #build()} writes the scenario as YAML ({@link #yaml()}) and hands it to the scenario
 * loader, so it is checked as a file is, defaults included, and fails with the loader's message:
 * {@code builder: dpcs.nicRx.target: processor 9 is out of range (the scenario has 4 processors:
 * 0..3)}. The path names the builder call ({@code dpc("nicRx", d -> d.target(9))}); there is no
 * line or column. A setter called twice keeps the later value; {@link #dpc} and {@link #device}
 * called again with the same name edit the same entry. Entries keep the order of the calls, which
 * is the order the engines use.
 */
public final class ScenarioBuilder {
  /** The source name of a built scenario, and its default name. */
  static final String SOURCE = "builder";

  private final Map<String, Object> top = new LinkedHashMap<>();
  private final Map<String, DpcBuilder> dpcs = new LinkedHashMap<>();
  private final Map<String, DeviceBuilder> devices = new LinkedHashMap<>();
  private final List<Object> script = new ArrayList<>();

  ScenarioBuilder() {}

  /** A duration or rate the user wrote, kept as text for the loader to check. */
  static YamlText.Plain plain(String text) {
    return text == null ? null : new YamlText.Plain(text);
  }

  /**
   * @return this, titled {@code name} (default: {@code builder})
   */
  public ScenarioBuilder name(String name) {
    top.put("name", name);
    return this;
  }

  /**
   * @return this, under kernel profile {@code profile}: {@code ws03} (default), {@code win10},
   *     {@code reactos}, {@code textbook}
   */
  public ScenarioBuilder profile(String profile) {
    top.put("profile", profile);
    return this;
  }

  /**
   * @return this, with {@code processors} processors (1..2048; required)
   */
  public ScenarioBuilder processors(int processors) {
    top.put("processors", processors);
    return this;
  }

  /**
   * @return this, with the seed of every random draw (default 0)
   */
  public ScenarioBuilder seed(long seed) {
    top.put("seed", seed);
    return this;
  }

  /**
   * @return this, running for {@code duration} of simulated time (e.g. {@code "200ms"}; required)
   */
  public ScenarioBuilder duration(String duration) {
    top.put("duration", plain(duration));
    return this;
  }

  /**
   * @return this, with clock ticks every {@code tick} (default {@code 15.625ms})
   */
  public ScenarioBuilder clockTick(String tick) {
    section("clock").put("tick", plain(tick));
    return this;
  }

  /**
   * @return this, with IPIs serviced {@code ipi} after they are sent (default {@code 2us})
   */
  public ScenarioBuilder ipiLatency(String ipi) {
    section("latency").put("ipi", plain(ipi));
    return this;
  }

  /**
   * @return this, with cross-processor queue operations arriving {@code remoteInsert} later
   *     (default {@code 200ns})
   */
  public ScenarioBuilder remoteInsertLatency(String remoteInsert) {
    section("latency").put("remoteInsert", plain(remoteInsert));
    return this;
  }

  /**
   * @return this, with the R-10 global {@code tunable} set to {@code value} (0..0xFFFFFFFF)
   */
  public ScenarioBuilder tunable(Tunable tunable, long value) {
    section("tunables").put(tunable.yamlName(), value);
    return this;
  }

  /**
   * @return this, with ThreadDpcEnable on or off on every processor (default: the profile's)
   */
  public ScenarioBuilder threadedDpcs(boolean enabled) {
    top.put("threadedDpcs", enabled);
    return this;
  }

  /**
   * @return this, where a processor idle for {@code haltAfter} goes idle-halted (default: never)
   */
  public ScenarioBuilder haltAfter(String haltAfter) {
    section("idle").put("haltAfter", plain(haltAfter));
    return this;
  }

  /**
   * @return this, where every processor not given its own load is busy with PASSIVE-level thread
   *     work this fraction of the time (0..1; default 0)
   */
  public ScenarioBuilder load(double defaultFraction) {
    section("load").put("default", YamlText.fraction(defaultFraction));
    return this;
  }

  /**
   * @return this, where processor {@code cpu} is busy this fraction of the time (0..1)
   */
  public ScenarioBuilder load(int cpu, double fraction) {
    @SuppressWarnings("unchecked")
    Map<String, Object> cpus =
        (Map<String, Object>) section("load").computeIfAbsent("cpus", k -> new LinkedHashMap<>());
    cpus.put(Integer.toString(cpu), YamlText.fraction(fraction));
    return this;
  }

  /**
   * @return this, with {@code period} the mean busy plus idle span of the thread load (default
   *     {@code 1ms})
   */
  public ScenarioBuilder loadPeriod(String period) {
    section("load").put("period", plain(period));
    return this;
  }

  /**
   * @param single DpcTimeLimit in clock ticks (at least 1)
   * @param cumulative DpcWatchdogPeriod in clock ticks (at least 1)
   * @param stop end the run at the first violation ({@code action: stop}) rather than record it
   * @return this, with the DPC watchdog limits of R-29 (win10 only has a watchdog)
   */
  public ScenarioBuilder watchdog(long single, long cumulative, boolean stop) {
    Map<String, Object> w = section("watchdog");
    w.put("single", single);
    w.put("cumulative", cumulative);
    w.put("action", stop ? "stop" : "record");
    return this;
  }

  /**
   * @param name the KDPC's name, as the trace, the tables and {@link SimulationResult#dpc} call it
   * @param spec sets its fields; {@link DpcBuilder#routine} is required
   * @return this
   */
  public ScenarioBuilder dpc(String name, Consumer<DpcBuilder> spec) {
    spec.accept(dpcs.computeIfAbsent(name, k -> new DpcBuilder()));
    return this;
  }

  /**
   * @param name the device's name, as {@link SimulationResult#device} calls it
   * @param spec sets its fields; the interrupts and {@link DeviceBuilder#isr} are required
   * @return this
   */
  public ScenarioBuilder device(String name, Consumer<DeviceBuilder> spec) {
    spec.accept(devices.computeIfAbsent(name, k -> new DeviceBuilder()));
    return this;
  }

  /**
   * Adds a script action: {@code action} at simulated time {@code at} on processor {@code cpu}.
   * Actions at the same instant apply in the order they were added.
   *
   * @param at e.g. {@code "0us"}, {@code "1.5ms"} (at most the duration)
   * @return this
   */
  public ScenarioBuilder at(String at, int cpu, Action action) {
    script.add(action.asScript(plain(at), cpu));
    return this;
  }

  /**
   * Adds a script action that runs on no processor: {@link Action#setTunable} only.
   *
   * @return this
   */
  public ScenarioBuilder at(String at, Action action) {
    script.add(action.asScript(plain(at), null));
    return this;
  }

  /**
   * @return the scenario as YAML, exactly what {@link #build()} hands to the loader
   */
  public String yaml() {
    Map<String, Object> root = new LinkedHashMap<>(top);
    if (!dpcs.isEmpty()) {
      Map<String, Object> m = new LinkedHashMap<>();
      dpcs.forEach((name, d) -> m.put(name, d.yaml()));
      root.put("dpcs", m);
    }
    if (!devices.isEmpty()) {
      Map<String, Object> m = new LinkedHashMap<>();
      devices.forEach((name, d) -> m.put(name, d.yaml()));
      root.put("devices", m);
    }
    if (!script.isEmpty()) {
      root.put("script", script);
    }
    return YamlText.write(root);
  }

  /**
   * @return the validated scenario; its {@link Scenario#source()} is {@code builder}
   * @throws InvalidScenarioException with the loader's message and the field path, if the scenario
   *     would not load as a file
   */
  public Scenario build() {
    try {
      return ScenarioLoader.parse(yaml(), SOURCE, Scenarios.profiles());
    } catch (ScenarioException e) {
      // Lines and columns point into text the caller never saw: keep the path and the message.
      throw new InvalidScenarioException(new ScenarioException(SOURCE, e.path(), e.detail()));
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(String key) {
    Object block = top.get(key);
    if (!(block instanceof Map<?, ?>)) {
      block = new LinkedHashMap<String, Object>();
      top.put(key, block);
    }
    return (Map<String, Object>) block;
  }
}
