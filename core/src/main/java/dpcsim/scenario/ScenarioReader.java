package dpcsim.scenario;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the top level of a scenario and its machine-wide blocks ({@code clock}, {@code latency},
 * {@code tunables}, {@code idle}, {@code load}, {@code watchdog}), applying the defaults of
 * docs/scenario-format.md, then hands DPCs, devices and the script to their readers. Fields are
 * read in a fixed order (processors and duration first) because later checks depend on them.
 */
final class ScenarioReader {
  static final String DEFAULT_PROFILE = "ws03";
  static final long DEFAULT_TICK_NS = 15_625_000L;
  static final long DEFAULT_IPI_NS = 2_000L;
  static final long DEFAULT_REMOTE_INSERT_NS = 200L;
  static final long DEFAULT_LOAD_PERIOD_NS = 1_000_000L;

  private static final List<String> TOP_KEYS =
      List.of(
          "name",
          "profile",
          "processors",
          "seed",
          "duration",
          "clock",
          "latency",
          "tunables",
          "threadedDpcs",
          "idle",
          "load",
          "watchdog",
          "dpcs",
          "devices",
          "script");
  private static final List<String> CLOCK_KEYS = List.of("tick");
  private static final List<String> LATENCY_KEYS = List.of("ipi", "remoteInsert");
  private static final List<String> IDLE_KEYS = List.of("haltAfter");
  private static final List<String> LOAD_KEYS = List.of("default", "cpus", "period");
  private static final List<String> WATCHDOG_KEYS = List.of("single", "cumulative", "action");

  private ScenarioReader() {}

  /**
   * @param defaultName the name used when the file has no {@code name}
   * @return the validated scenario
   */
  static Scenario read(YamlNode root, String source, String defaultName, Set<String> knownProfiles)
      throws ScenarioException {
    Fields top = new Cursor(source, root, "").mapping(TOP_KEYS);
    Cursor nameAt = top.optional("name");
    String name = nameAt == null ? defaultName : nameAt.text();
    String profile = profile(top.optional("profile"), knownProfiles);
    int processors = processors(top.required("processors", "1.." + Scenario.MAX_PROCESSORS));
    Cursor seedAt = top.optional("seed");
    long seed = seedAt == null ? 0L : seedAt.integer();
    long duration = top.required("duration", "simulated time to run, e.g. 2s").positiveDuration();

    Fields clock = optionalBlock(top, "clock", CLOCK_KEYS);
    long tick = durationOr(clock, "tick", DEFAULT_TICK_NS);
    Fields latency = optionalBlock(top, "latency", LATENCY_KEYS);
    long ipi = durationOr(latency, "ipi", DEFAULT_IPI_NS);
    long remoteInsert = durationOr(latency, "remoteInsert", DEFAULT_REMOTE_INSERT_NS);
    TunablesSpec tunables = tunables(top.optional("tunables"));
    Cursor threadedAt = top.optional("threadedDpcs");
    Boolean threaded = threadedAt == null ? null : threadedAt.bool();
    Fields idle = optionalBlock(top, "idle", IDLE_KEYS);
    Cursor haltAt = idle == null ? null : idle.optional("haltAfter");
    Long haltAfter = haltAt == null ? null : haltAt.positiveDuration();

    Refs refs =
        new Refs(
            processors,
            PerCpuNames.read(top.optional("dpcs"), processors, "KDPC"),
            PerCpuNames.read(top.optional("devices"), processors, "device"));
    Load load = load(top.optional("load"), refs);
    WatchdogSpec watchdog = watchdog(top.optional("watchdog"));
    WorkReader work = new WorkReader(refs);
    List<DpcDef> dpcs = work.dpcs(top.optional("dpcs"));
    List<DeviceDef> devices = work.devices(top.optional("devices"));
    List<ScriptAction> script = new ScriptReader(refs, duration).script(top.optional("script"));
    return new Scenario(
        source,
        name,
        profile,
        processors,
        seed,
        duration,
        tick,
        ipi,
        remoteInsert,
        tunables,
        threaded,
        haltAfter,
        load,
        watchdog,
        dpcs,
        devices,
        script);
  }

  private static String profile(Cursor c, Set<String> known) throws ScenarioException {
    if (c == null) {
      return DEFAULT_PROFILE;
    }
    String p = c.text();
    if (!known.contains(p)) {
      throw c.error(
          "unknown profile "
              + ScenarioText.quote(p)
              + " (expected "
              + String.join(", ", new TreeSet<>(known))
              + ")");
    }
    return p;
  }

  private static int processors(Cursor c) throws ScenarioException {
    long n = c.integer();
    if (n < 1 || n > Scenario.MAX_PROCESSORS) {
      throw c.error(
          "processors must be between 1 and "
              + Scenario.MAX_PROCESSORS
              + ", found "
              + ScenarioText.bare(c.text()));
    }
    return (int) n;
  }

  /**
   * @return the block's fields, or null if the block is absent or null
   */
  private static Fields optionalBlock(Fields top, String key, List<String> allowed)
      throws ScenarioException {
    Cursor c = top.optional(key);
    return c == null ? null : c.mapping(allowed);
  }

  private static long durationOr(Fields block, String key, long fallback) throws ScenarioException {
    Cursor c = block == null ? null : block.optional(key);
    return c == null ? fallback : c.positiveDuration();
  }

  private static TunablesSpec tunables(Cursor c) throws ScenarioException {
    if (c == null) {
      return TunablesSpec.NONE;
    }
    Fields f = c.mapping(OpReader.tunableList());
    Map<Tunable, Long> values = new EnumMap<>(Tunable.class);
    for (Fields.Named e : f.entries()) {
      if (!e.value().isNull()) {
        values.put(Tunable.fromYaml(e.key()), OpReader.tunableValue(e.value()));
      }
    }
    return new TunablesSpec(values);
  }

  private static Load load(Cursor c, Refs refs) throws ScenarioException {
    if (c == null) {
      return Load.NONE;
    }
    Fields f = c.mapping(LOAD_KEYS);
    Cursor defaultAt = f.optional("default");
    double fallback = defaultAt == null ? 0.0 : defaultAt.fraction();
    Map<Integer, Double> cpus = new LinkedHashMap<>();
    Cursor cpusAt = f.optional("cpus");
    if (cpusAt != null) {
      Fields byCpu = cpusAt.mapping();
      for (Fields.Named e : byCpu.entries()) {
        int cpu = keyAsProcessor(byCpu, e.key(), refs);
        if (cpus.containsKey(cpu)) {
          throw byCpu.keyError(e.key(), "processor " + cpu + " is given twice");
        }
        cpus.put(cpu, e.value().fraction());
      }
    }
    return new Load(fallback, cpus, durationOr(f, "period", DEFAULT_LOAD_PERIOD_NS));
  }

  /** {@code load.cpus} keys are processor numbers; an error points at the key itself. */
  private static int keyAsProcessor(Fields f, String key, Refs refs) throws ScenarioException {
    int cpu;
    try {
      cpu = Integer.parseInt(key);
    } catch (NumberFormatException e) {
      throw f.keyError(key, ScenarioText.quote(key) + " is not a processor number");
    }
    if (cpu < 0 || cpu >= refs.processors()) {
      throw f.keyError(key, refs.outOfRange(key));
    }
    return cpu;
  }

  private static WatchdogSpec watchdog(Cursor c) throws ScenarioException {
    if (c == null) {
      return null;
    }
    Fields f = c.mapping(WATCHDOG_KEYS);
    Cursor single = f.optional("single");
    Cursor cumulative = f.optional("cumulative");
    Cursor action = f.optional("action");
    boolean stop = false;
    if (action != null) {
      String a = action.text();
      if (!a.equals("record") && !a.equals("stop")) {
        throw action.error(
            "unknown watchdog action " + ScenarioText.quote(a) + " (expected record, stop)");
      }
      stop = a.equals("stop");
    }
    return new WatchdogSpec(
        single == null ? null : single.integerAtLeast(1),
        cumulative == null ? null : cumulative.integerAtLeast(1),
        stop);
  }
}
