package dpcsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code dpcs} and {@code devices} sections: each DPC's KDPC settings and routine, each
 * device's interrupt source, affinity and ISR. Routine and ISR {@code then} steps may name only
 * DPCs and may only insert, remove, or change a DPC's importance or target.
 */
final class WorkReader {
  private static final List<String> DPC_KEYS =
      List.of("importance", "target", "threaded", "routine", "module", "function", PerCpuNames.KEY);
  private static final List<String> DEVICE_KEYS =
      List.of("interrupts", "cpus", "isr", "module", "function", PerCpuNames.KEY);
  private static final List<String> WORK_KEYS = List.of("duration", "then");
  private static final List<String> DIST_KEYS = List.of("exp", "uniform", "histogram");

  /** The most buckets one histogram may have (xperf's reports have a few dozen). */
  static final int MAX_HISTOGRAM_BUCKETS = 4096;

  private static final List<String> INTERRUPT_KEYS =
      List.of("poisson", "periodic", "burst", "times");
  private static final List<String> BURST_KEYS = List.of("every", "count", "gap");

  /** The keys a step may have besides its operation. */
  private static final List<String> STEP_FIELDS = List.of("args", "importance", "target", "after");

  private final Refs refs;

  WorkReader(Refs refs) {
    this.refs = refs;
  }

  /**
   * @return the DPC definitions in file order; {@code section} may be null (none)
   */
  List<DpcDef> dpcs(Cursor section) throws ScenarioException {
    List<DpcDef> out = new ArrayList<>();
    if (section == null) {
      return out;
    }
    for (Fields.Named e : section.mapping().entries()) {
      Fields f = e.value().mapping(DPC_KEYS);
      Cursor importanceAt = f.optional("importance");
      Importance importance =
          importanceAt == null ? Importance.MEDIUM : OpReader.importance(importanceAt);
      Cursor target = f.optional("target");
      Cursor threadedAt = f.optional("threaded");
      boolean threaded = threadedAt != null && threadedAt.bool();
      Cursor routine = f.required("routine", "what the DeferredRoutine does");
      String module = label(f, "module", e.key());
      String function = label(f, "function", e.key());
      if (perCpu(f)) {
        // Instance i is KeSetTargetProcessorDpc'd to processor i; its steps name the
        // instances of processor i.
        if (target != null) {
          throw f.keyError(
              "target", "a per-CPU KDPC targets each processor in turn; it takes no target");
        }
        for (int cpu = 0; cpu < refs.processors(); cpu++) {
          out.add(
              new DpcDef(
                  PerCpuNames.instance(e.key(), cpu),
                  importance,
                  cpu,
                  threaded,
                  work(routine, cpu),
                  module,
                  function));
        }
      } else {
        out.add(
            new DpcDef(
                e.key(),
                importance,
                target == null ? null : refs.processor(target),
                threaded,
                work(routine, null),
                module,
                function));
      }
    }
    return out;
  }

  /**
   * @return the device definitions in file order; {@code section} may be null (none)
   */
  List<DeviceDef> devices(Cursor section) throws ScenarioException {
    List<DeviceDef> out = new ArrayList<>();
    if (section == null) {
      return out;
    }
    for (Fields.Named e : section.mapping().entries()) {
      Fields f = e.value().mapping(DEVICE_KEYS);
      Interrupts interrupts = interrupts(f.required("interrupts"));
      Cursor cpus = f.optional("cpus");
      Cursor isr = f.required("isr", "what the device's ISR does");
      String module = label(f, "module", e.key());
      String function = label(f, "function", e.key());
      if (perCpu(f)) {
        // Instance i interrupts processor i only, like a per-processor timer or an MSI-X vector
        // steered to one processor.
        if (cpus != null) {
          throw f.keyError(
              "cpus", "a per-CPU device interrupts each processor in turn; it takes no cpus");
        }
        for (int cpu = 0; cpu < refs.processors(); cpu++) {
          out.add(
              new DeviceDef(
                  PerCpuNames.instance(e.key(), cpu),
                  interrupts,
                  List.of(cpu),
                  work(isr, cpu),
                  module,
                  function));
        }
      } else {
        out.add(
            new DeviceDef(
                e.key(),
                interrupts,
                cpus == null ? List.of(0) : cpus(cpus),
                work(isr, null),
                module,
                function));
      }
    }
    return out;
  }

  /**
   * A {@code module} or {@code function} label: what xperf and WPA group DPC and ISR time by.
   *
   * @return the text written, or {@code fallback} (the entry's name) when absent
   */
  private static String label(Fields f, String key, String fallback) throws ScenarioException {
    Cursor c = f.optional(key);
    if (c == null) {
      return fallback;
    }
    String text = c.text();
    if (text.isBlank()) {
      throw c.error(
          key
              + " must not be empty (leave it out to use the name "
              + ScenarioText.quote(fallback)
              + ")");
    }
    return text;
  }

  /** The entry's {@code perCpu} flag, already checked to be a boolean by {@link PerCpuNames}. */
  private static boolean perCpu(Fields f) throws ScenarioException {
    Cursor flag = f.optional(PerCpuNames.KEY);
    return flag != null && flag.bool();
  }

  private List<Integer> cpus(Cursor c) throws ScenarioException {
    List<Cursor> items = c.items();
    if (items.isEmpty()) {
      throw c.error("cpus must name at least one processor");
    }
    List<Integer> out = new ArrayList<>();
    for (Cursor item : items) {
      out.add(refs.processor(item));
    }
    return out;
  }

  /**
   * @param cpu the processor of the per-CPU instance whose body this is, or null
   */
  private Work work(Cursor c, Integer cpu) throws ScenarioException {
    Fields f = c.mapping(WORK_KEYS);
    Dist duration =
        dist(f.required("duration", "e.g. 20us, { exp: 20us } or { uniform: [5us, 9us] }"));
    List<Step> steps = new ArrayList<>();
    Cursor then = f.optional("then");
    if (then != null) {
      for (Cursor step : then.items()) {
        steps.add(step(step, cpu));
      }
    }
    return new Work(duration, steps);
  }

  private static Dist dist(Cursor c) throws ScenarioException {
    if (!(c.node() instanceof YamlNode.Mapping)) {
      return new Dist.Fixed(c.positiveDuration());
    }
    Fields f = c.mapping(DIST_KEYS);
    List<String> keys = f.keys();
    if (keys.size() != 1) {
      throw c.error("a duration distribution has exactly one of exp, uniform, histogram");
    }
    if (keys.get(0).equals("histogram")) {
      return histogram(f.required("histogram", "[[low, high, count], ...]"));
    }
    if (keys.get(0).equals("exp")) {
      return new Dist.Exp(f.required("exp", "the mean").positiveDuration());
    }
    Cursor bounds = f.required("uniform", "[low, high]");
    List<Cursor> items = bounds.items();
    if (items.size() != 2) {
      throw bounds.error("uniform takes exactly two durations [low, high], found " + items.size());
    }
    long low = items.get(0).positiveDuration();
    long high = items.get(1).positiveDuration();
    if (low > high) {
      throw bounds.error(
          "uniform bounds are reversed: low "
              + ScenarioText.bare(items.get(0).text())
              + " is greater than high "
              + ScenarioText.bare(items.get(1).text()));
    }
    return new Dist.Uniform(low, high);
  }

  /**
   * {@code [[lo, hi, count], ...]}: durations {@code 0 <= lo <= hi}, {@code hi > 0}, counts {@code
   * >= 0} with a positive total.
   */
  private static DurationHistogram histogram(Cursor c) throws ScenarioException {
    List<Cursor> items = c.items();
    if (items.isEmpty()) {
      throw c.error("a histogram needs at least one bucket [low, high, count]");
    }
    if (items.size() > MAX_HISTOGRAM_BUCKETS) {
      throw c.error(
          "a histogram has at most " + MAX_HISTOGRAM_BUCKETS + " buckets, found " + items.size());
    }
    List<DurationHistogram.Bucket> buckets = new ArrayList<>();
    long total = 0;
    for (Cursor item : items) {
      List<Cursor> parts = item.items();
      if (parts.size() != 3) {
        throw item.error(
            "a histogram bucket is [low, high, count], e.g. [8us, 16us, 2990], found "
                + parts.size()
                + " values");
      }
      long low = parts.get(0).duration();
      long high = parts.get(1).positiveDuration();
      if (low > high) {
        throw item.error(
            "bucket bounds are reversed: low "
                + ScenarioText.bare(parts.get(0).text())
                + " is greater than high "
                + ScenarioText.bare(parts.get(1).text()));
      }
      long count = parts.get(2).integerAtLeast(0);
      if (total > Long.MAX_VALUE - count) {
        throw parts.get(2).error("the histogram's counts add up to more than 2^63 - 1");
      }
      total += count;
      buckets.add(new DurationHistogram.Bucket(low, high, count));
    }
    if (total == 0) {
      throw c.error("every bucket's count is 0: a histogram needs at least one call");
    }
    return new DurationHistogram(buckets);
  }

  private static Interrupts interrupts(Cursor c) throws ScenarioException {
    Fields f = c.mapping(INTERRUPT_KEYS);
    List<String> keys = f.keys();
    if (keys.size() != 1) {
      throw c.error("interrupts takes exactly one of poisson, periodic, burst, times");
    }
    return switch (keys.get(0)) {
      case "poisson" ->
          new Interrupts.Poisson(f.required("poisson", "a rate, e.g. 20000/s").positiveRate());
      case "periodic" ->
          new Interrupts.Periodic(f.required("periodic", "a period").positiveDuration());
      case "times" -> times(f.required("times", "the arrival instants, e.g. [120us, 480us]"));
      default -> burst(f.required("burst", "every, count, gap"));
    };
  }

  /** Recorded arrivals: instants above 0, in non-decreasing order. */
  private static Interrupts times(Cursor c) throws ScenarioException {
    List<Cursor> items = c.items();
    if (items.isEmpty()) {
      throw c.error("times needs at least one instant");
    }
    long[] at = new long[items.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = items.get(i).positiveDuration();
      if (i > 0 && at[i] < at[i - 1]) {
        throw items
            .get(i)
            .error(
                "times must be in order: "
                    + ScenarioText.bare(items.get(i).text())
                    + " comes before "
                    + ScenarioText.bare(items.get(i - 1).text()));
      }
    }
    return new Interrupts.Times(at);
  }

  private static Interrupts burst(Cursor c) throws ScenarioException {
    Fields f = c.mapping(BURST_KEYS);
    long every = f.required("every", "the burst period").positiveDuration();
    Cursor countAt = f.required("count", "interrupts per burst");
    long count = countAt.integerAtLeast(1);
    if (count > Integer.MAX_VALUE) {
      throw countAt.error("burst count " + ScenarioText.bare(countAt.text()) + " is too large");
    }
    long gap = f.required("gap", "the time between interrupts of one burst").positiveDuration();
    return new Interrupts.Burst(every, (int) count, gap);
  }

  /** One {@code then} entry: {@code { insert: dpc, args: [..], after: 3us }} and the like. */
  private Step step(Cursor c, Integer cpu) throws ScenarioException {
    Fields f = c.mapping();
    String op = null;
    for (String key : f.keys()) {
      if (!OpReader.ALL_OPS.contains(key)) {
        continue;
      }
      if (!OpReader.DPC_OPS.contains(key)) {
        throw f.keyError(
            key,
            "a routine or ISR cannot "
                + key
                + " (allowed: "
                + String.join(", ", OpReader.DPC_OPS)
                + ")");
      }
      if (op != null) {
        throw f.keyError(key, "one operation per step, found both '" + op + "' and '" + key + "'");
      }
      op = key;
    }
    if (op == null) {
      String need =
          "a step needs one operation: "
              + String.join(", ", OpReader.DPC_OPS)
              + " (e.g. { insert: nicRx })";
      for (String key : f.keys()) {
        if (!STEP_FIELDS.contains(key)) {
          throw f.keyError(key, "unknown key " + ScenarioText.quote(key) + "; " + need);
        }
      }
      throw c.error(need);
    }
    List<String> allowed = new ArrayList<>(List.of(op));
    allowed.addAll(OpReader.dpcOpKeys(op));
    allowed.add("after");
    f.allowOnly(allowed);
    String dpc = refs.dpc(f.required(op, "the DPC's name"), cpu);
    Op result = OpReader.dpcOp(op, dpc, f, refs);
    Cursor after = f.optional("after");
    return new Step(result, after == null ? null : after.positiveDuration());
  }
}
