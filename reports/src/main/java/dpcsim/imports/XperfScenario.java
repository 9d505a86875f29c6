package dpcsim.imports;

import dpcsim.scenario.Durations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a scenario from an xperf report: per module, a device whose ISR has the report's ISR
 * durations, and a KDPC whose routine has its DPC durations, at the report's rates (calls over the
 * trace's length), on the processors the usage table shows it on.
 *
 * <p>A KDPC is queued by an ISR, so the counts decide the devices. A module with as many ISRs as
 * DPCs (the usual driver: its ISR queues its DPC) gets one device that inserts the KDPC. Where
 * there are more ISRs than DPCs, a second device of the same module takes the extra ISRs and
 * inserts nothing. Where there are more DPCs than ISRs (or DPCs only: timers, DPCs queued by other
 * DPCs), a device named for the module's DPC source, whose ISR takes 1 ns, queues the extra ones:
 * its ISR row is the import's, labelled so ({@code module: "ndis.sys (DPC source)"}). A module's
 * devices share one function, so the by-module table shows one ISR row per module as xperf does.
 */
public final class XperfScenario {
  /** The longest scenario written: a trace of minutes would simulate for a long time. */
  static final long MAX_DURATION_US = 10_000_000L;

  private XperfScenario() {}

  /**
   * @param source the report's name, for the scenario's name and comments
   * @return the scenario as YAML text
   */
  public static String yaml(XperfData d, String source) {
    List<String> out = new ArrayList<>();
    long durationUs = Math.min(d.spanUs(), MAX_DURATION_US);
    out.add("# Imported by dpcsim import xperf from " + oneLine(source) + ":");
    out.add(
        "# "
            + d.processors()
            + " processors, a trace of "
            + Durations.format(d.spanUs() * 1_000)
            + ", "
            + d.dpcs().size()
            + " DPC modules and "
            + d.isrs().size()
            + " ISR modules.");
    out.add("# Rates are the report's counts over the trace's length; durations its histograms");
    out.add("# (xperf's buckets are (low, high] microseconds). Edit it, or change a field with");
    out.add("# --set (docs/import.md).");
    out.add("name: " + quote("Imported from " + oneLine(source)));
    out.add("processors: " + d.processors());
    out.add(
        "duration: "
            + exact(durationUs)
            + (durationUs < d.spanUs()
                ? "    # the trace lasted " + Durations.format(d.spanUs() * 1_000) + "; same rates"
                : ""));
    SetPathNames names = new SetPathNames();
    List<String> dpcs = new ArrayList<>();
    List<String> devices = new ArrayList<>();
    Set<String> modules = new LinkedHashSet<>();
    d.dpcs().forEach(m -> modules.add(m.name()));
    d.isrs().forEach(m -> modules.add(m.name()));
    for (String module : modules) {
      XperfData.Module dpc = d.dpc(module);
      XperfData.Module isr = d.isr(module);
      long nd = dpc == null ? 0 : dpc.count();
      long ni = isr == null ? 0 : isr.count();
      String base = names.of(module);
      String kdpc = base + "_dpc";
      if (nd > 0) {
        dpcs.add("  " + kdpc + ":");
        dpcs.add("    module: " + quote(module));
        dpcs.add("    function: " + kdpc);
        dpcs.add("    routine: { duration: " + histogram(dpc.buckets()) + " }");
      }
      long both = Math.min(nd, ni);
      if (ni > 0) {
        String cpus = cpus(isr, dpc, d.processors());
        if (both > 0) {
          device(
              devices,
              base,
              module,
              base,
              rate(both, d.spanUs()),
              cpus,
              histogram(isr.buckets()),
              kdpc);
        }
        if (ni > both) {
          device(
              devices,
              both > 0 ? base + "_more_isrs" : base,
              module,
              base,
              rate(ni - both, d.spanUs()),
              cpus,
              histogram(isr.buckets()),
              null);
        }
      }
      if (nd > both) {
        device(
            devices,
            base + "_dpc_source",
            module + " (DPC source)",
            base + "_dpc_source",
            rate(nd - both, d.spanUs()),
            cpus(dpc, null, d.processors()),
            "1ns",
            kdpc);
      }
    }
    if (!dpcs.isEmpty()) {
      out.add("dpcs:");
      out.addAll(dpcs);
    }
    if (!devices.isEmpty()) {
      out.add("devices:");
      out.addAll(devices);
    }
    return String.join("\n", out) + "\n";
  }

  private static void device(
      List<String> out,
      String name,
      String module,
      String function,
      String rate,
      String cpus,
      String isr,
      String inserts) {
    out.add("  " + name + ":");
    out.add("    module: " + quote(module));
    out.add("    function: " + function);
    out.add("    interrupts: { poisson: " + rate + " }");
    out.add("    cpus: " + cpus);
    out.add(
        "    isr: { duration: "
            + isr
            + (inserts == null ? "" : ", then: [ { insert: " + inserts + " } ]")
            + " }");
  }

  /** The processors the module was seen on (its first section's, else the other's), else 0. */
  private static String cpus(XperfData.Module first, XperfData.Module second, int processors) {
    List<String> on = new ArrayList<>();
    for (XperfData.Module m : new XperfData.Module[] {first, second}) {
      if (m == null || !on.isEmpty()) {
        continue;
      }
      long[] usec = m.usecByCpu();
      for (int cpu = 0; cpu < Math.min(processors, usec.length); cpu++) {
        if (usec[cpu] > 0) {
          on.add(Integer.toString(cpu));
        }
      }
    }
    return "[" + (on.isEmpty() ? "0" : String.join(", ", on)) + "]";
  }

  /** A whole number of microseconds in the largest unit that keeps it exact. */
  static String exact(long us) {
    if (us % 1_000_000 == 0) {
      return us / 1_000_000 + "s";
    }
    return us % 1_000 == 0 ? us / 1_000 + "ms" : us + "us";
  }

  /** Calls per second, six significant digits. */
  static String rate(long calls, long spanUs) {
    BigDecimal r =
        BigDecimal.valueOf(calls)
            .multiply(BigDecimal.valueOf(1_000_000))
            .divide(BigDecimal.valueOf(spanUs), new MathContext(6))
            .stripTrailingZeros();
    return r.toPlainString() + "/s";
  }

  /** The report's buckets as the scenario's; an open last bucket gets a high bound of 2 x low. */
  static String histogram(List<XperfData.Bucket> buckets) {
    List<String> parts = new ArrayList<>();
    for (XperfData.Bucket b : buckets) {
      if (b.count() == 0) {
        continue;
      }
      long hi = b.open() ? Math.max(1, 2 * b.lowUs()) : b.highUs();
      parts.add("[" + b.lowUs() + "us, " + hi + "us, " + b.count() + "]");
    }
    return "{ histogram: [" + String.join(", ", parts) + "] }";
  }

  /** A double-quoted YAML scalar: module names may hold anything. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        q.append('?'); // a module name with a control character is a damaged report
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }

  static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}]", "?");
  }
}
