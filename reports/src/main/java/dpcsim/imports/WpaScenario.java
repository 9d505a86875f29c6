package dpcsim.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a scenario that replays a WPA export's calls: every ISR arrives at its recorded instant on
 * its recorded processor ({@code interrupts: { times: [...] }}), and every DPC is queued at its
 * recorded start on its recorded processor; durations are the measured ones, as a histogram of the
 * exact values per module and function.
 *
 * <p>Per (module, function, processor) of an ISR: a device. Per (module, function, processor) of a
 * DPC: a KDPC targeted at that processor, and a device named for the module's DPC source whose 1 ns
 * ISR queues it at the recorded start (the export does not say which ISR queued which DPC). Devices
 * and KDPCs of one module and function share their {@code module:} and {@code function:}, so the
 * tables group them back into one row each.
 *
 * <p>Time starts 1 us before the first recorded call; the scenario lasts until 1 ms after the last
 * one ends.
 */
public final class WpaScenario {
  /** A histogram of exact values has at most this many buckets; past it, 8 per doubling. */
  static final int EXACT_BUCKETS = 4096;

  private static final long LEAD_NS = 1_000;
  private static final long TAIL_NS = 1_000_000;

  private WpaScenario() {}

  /** Calls of one (type, module, function, processor). */
  private record Key(boolean isr, String module, String function, int cpu) {}

  /** Calls of one (type, module, function), for the duration histogram. */
  private record Routine(boolean isr, String module, String function) {}

  /**
   * @return the scenario as YAML text
   */
  public static String yaml(WpaEvents e, String source) {
    long origin = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int processors = 1;
    Map<Key, List<Long>> arrivals = new LinkedHashMap<>();
    Map<Routine, List<Long>> durations = new LinkedHashMap<>();
    for (WpaEvents.Event ev : e.events()) {
      origin = Math.min(origin, ev.enterNs());
    }
    for (WpaEvents.Event ev : e.events()) {
      end = Math.max(end, ev.exitNs() - origin);
      processors = Math.max(processors, ev.cpu() + 1);
      arrivals
          .computeIfAbsent(
              new Key(ev.isr(), ev.module(), ev.function(), ev.cpu()), k -> new ArrayList<>())
          .add(ev.enterNs() - origin + LEAD_NS);
      durations
          .computeIfAbsent(
              new Routine(ev.isr(), ev.module(), ev.function()), k -> new ArrayList<>())
          .add(ev.durationNs());
    }
    long durationUs = (end + LEAD_NS + TAIL_NS + 999) / 1_000;
    List<String> out = new ArrayList<>();
    out.add("# Imported by dpcsim import wpa from " + XperfScenario.oneLine(source) + ":");
    out.add(
        "# "
            + e.events().size()
            + " calls on "
            + processors
            + " processors, replayed at their recorded instants with their measured durations.");
    out.add("# Edit it, or change a field with --set (docs/import.md).");
    out.add("name: " + XperfScenario.quote("Replayed from " + XperfScenario.oneLine(source)));
    out.add("processors: " + processors);
    out.add("duration: " + XperfScenario.exact(durationUs));
    List<String> dpcs = new ArrayList<>();
    List<String> devices = new ArrayList<>();
    SetPathNames names = new SetPathNames();
    for (Map.Entry<Key, List<Long>> a : arrivals.entrySet()) {
      Key k = a.getKey();
      String base = names.of(k.module() + "_" + k.function() + "_cpu" + k.cpu());
      String dist = histogram(durations.get(new Routine(k.isr(), k.module(), k.function())));
      String function = XperfScenario.quote(k.function());
      if (k.isr()) {
        devices.add("  " + base + ":");
        devices.add("    module: " + XperfScenario.quote(k.module()));
        devices.add("    function: " + function);
        devices.add("    cpus: [" + k.cpu() + "]");
        devices.add("    interrupts: { times: " + times(a.getValue(), 0) + " }");
        devices.add("    isr: { duration: " + dist + " }");
      } else {
        String kdpc = base + "_dpc";
        dpcs.add("  " + kdpc + ":");
        dpcs.add("    module: " + XperfScenario.quote(k.module()));
        dpcs.add("    function: " + function);
        dpcs.add("    target: " + k.cpu());
        dpcs.add("    routine: { duration: " + dist + " }");
        devices.add("  " + base + "_dpc_source:");
        devices.add("    module: " + XperfScenario.quote(k.module() + " (DPC source)"));
        devices.add("    function: " + function);
        devices.add("    cpus: [" + k.cpu() + "]");
        // The source's 1 ns ISR ends at the DPC's recorded start, and queues it.
        devices.add("    interrupts: { times: " + times(a.getValue(), 1) + " }");
        devices.add("    isr: { duration: 1ns, then: [ { insert: " + kdpc + " } ] }");
      }
    }
    if (!dpcs.isEmpty()) {
      out.add("dpcs:");
      out.addAll(dpcs);
    }
    out.add("devices:");
    out.addAll(devices);
    return String.join("\n", out) + "\n";
  }

  /** The instants, sorted, each {@code earlier} ns before its record, ten to a line. */
  private static String times(List<Long> at, long earlier) {
    List<Long> sorted = new ArrayList<>(at);
    sorted.sort(null);
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        s.append(i % 10 == 0 ? ",\n        " : ", ");
      }
      s.append(sorted.get(i) - earlier).append("ns");
    }
    return s.append("]").toString();
  }

  /** The exact durations as buckets [d, d, n]; with too many distinct values, 8 per doubling. */
  static String histogram(List<Long> ns) {
    TreeMap<Long, Long> counts = new TreeMap<>();
    for (long d : ns) {
      counts.merge(d, 1L, Long::sum);
    }
    if (counts.size() > EXACT_BUCKETS) {
      TreeMap<Long, long[]> log = new TreeMap<>();
      for (Map.Entry<Long, Long> c : counts.entrySet()) {
        long d = c.getKey();
        long lo = lowEdge(d);
        long[] b = log.computeIfAbsent(lo, x -> new long[] {x, highEdge(x), 0});
        b[2] += c.getValue();
      }
      List<String> parts = new ArrayList<>();
      for (long[] b : log.values()) {
        parts.add("[" + b[0] + "ns, " + b[1] + "ns, " + b[2] + "]");
      }
      return "{ histogram: [" + String.join(", ", parts) + "] }";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Long, Long> c : counts.entrySet()) {
      long d = c.getKey();
      parts.add("[" + d + "ns, " + Math.max(1, d) + "ns, " + c.getValue() + "]");
    }
    return "{ histogram: [" + String.join(", ", parts) + "] }";
  }

  /** The low edge of {@code d}'s bucket: 8 buckets per doubling above 8 ns, exact below. */
  private static long lowEdge(long d) {
    if (d < 8) {
      return d;
    }
    int top = 63 - Long.numberOfLeadingZeros(d);
    long step = 1L << (top - 3);
    return d - (d % step);
  }

  private static long highEdge(long lo) {
    if (lo < 8) {
      return Math.max(1, lo);
    }
    int top = 63 - Long.numberOfLeadingZeros(lo);
    return lo + (1L << (top - 3)) - 1;
  }
}
