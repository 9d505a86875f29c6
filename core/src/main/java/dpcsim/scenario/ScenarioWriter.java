package dpcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Scenario} back as scenario YAML ({@link Scenario#toYaml()}). The text is the
 * loaded form: per-CPU templates appear expanded ({@code nicRx[0]}, {@code nicRx[1]}, ... each with
 * its target), and defaults the loader applied are left out where leaving them out gives them back.
 * Loading the text again with the same source name gives an equal scenario.
 */
final class ScenarioWriter {
  private ScenarioWriter() {}

  static String write(Scenario s) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("name", s.name());
    top.put("profile", s.profile());
    top.put("processors", s.processors());
    top.put("seed", s.seed());
    top.put("duration", duration(s.durationNs()));
    if (s.tickNs() != ScenarioReader.DEFAULT_TICK_NS) {
      top.put("clock", Map.of("tick", duration(s.tickNs())));
    }
    Map<String, Object> latency = new LinkedHashMap<>();
    if (s.ipiLatencyNs() != ScenarioReader.DEFAULT_IPI_NS) {
      latency.put("ipi", duration(s.ipiLatencyNs()));
    }
    if (s.remoteInsertLatencyNs() != ScenarioReader.DEFAULT_REMOTE_INSERT_NS) {
      latency.put("remoteInsert", duration(s.remoteInsertLatencyNs()));
    }
    putIfAny(top, "latency", latency);
    Map<String, Object> tunables = new LinkedHashMap<>();
    s.tunables().values().forEach((t, v) -> tunables.put(t.yamlName(), v));
    putIfAny(top, "tunables", tunables);
    if (s.threadedDpcs() != null) {
      top.put("threadedDpcs", s.threadedDpcs());
    }
    if (s.haltAfterNs() != null) {
      top.put("idle", Map.of("haltAfter", duration(s.haltAfterNs())));
    }
    if (!s.load().equals(Load.NONE)) {
      top.put("load", load(s.load()));
    }
    if (s.watchdog() != null) {
      top.put("watchdog", watchdog(s.watchdog()));
    }
    Map<String, Object> dpcs = new LinkedHashMap<>();
    s.dpcs().forEach(d -> dpcs.put(d.name(), dpc(d)));
    putIfAny(top, "dpcs", dpcs);
    Map<String, Object> devices = new LinkedHashMap<>();
    s.devices().forEach(d -> devices.put(d.name(), device(d)));
    putIfAny(top, "devices", devices);
    List<Object> script = new ArrayList<>();
    s.script().forEach(a -> script.add(action(a)));
    if (!script.isEmpty()) {
      top.put("script", script);
    }
    return YamlText.write(top);
  }

  private static void putIfAny(Map<String, Object> top, String key, Map<String, Object> block) {
    if (!block.isEmpty()) {
      top.put(key, block);
    }
  }

  private static YamlText.Plain duration(long ns) {
    return new YamlText.Plain(Durations.format(ns));
  }

  private static YamlText.Plain fraction(double f) {
    return YamlText.fraction(f);
  }

  private static YamlText.Plain unsigned(long bits) {
    return YamlText.unsigned(bits);
  }

  private static Map<String, Object> load(Load load) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("default", fraction(load.defaultFraction()));
    if (!load.cpus().isEmpty()) {
      Map<String, Object> cpus = new LinkedHashMap<>();
      load.cpus().forEach((cpu, f) -> cpus.put(Integer.toString(cpu), fraction(f)));
      out.put("cpus", cpus);
    }
    out.put("period", duration(load.periodNs()));
    return out;
  }

  private static Map<String, Object> watchdog(WatchdogSpec w) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (w.single() != null) {
      out.put("single", w.single());
    }
    if (w.cumulative() != null) {
      out.put("cumulative", w.cumulative());
    }
    out.put("action", w.stop() ? "stop" : "record");
    return out;
  }

  private static Map<String, Object> dpc(DpcDef d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("importance", d.importance().yamlName());
    if (d.target() != null) {
      out.put("target", d.target());
    }
    if (d.threaded()) {
      out.put("threaded", true);
    }
    labels(out, d.name(), d.module(), d.function());
    out.put("routine", work(d.routine()));
    return out;
  }

  private static Map<String, Object> device(DeviceDef d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("interrupts", interrupts(d.interrupts()));
    out.put("cpus", new ArrayList<Object>(d.cpus()));
    labels(out, d.name(), d.module(), d.function());
    out.put("isr", work(d.isr()));
    return out;
  }

  /** Written only when they differ from the name, the loader's default. */
  private static void labels(Map<String, Object> out, String name, String module, String function) {
    if (!module.equals(name)) {
      out.put("module", module);
    }
    if (!function.equals(name)) {
      out.put("function", function);
    }
  }

  private static Map<String, Object> interrupts(Interrupts i) {
    if (i instanceof Interrupts.Poisson p) {
      return Map.of("poisson", rate(p.perSecond()));
    }
    if (i instanceof Interrupts.Periodic p) {
      return Map.of("periodic", duration(p.periodNs()));
    }
    if (i instanceof Interrupts.Times t) {
      List<Object> at = new ArrayList<>();
      for (int k = 0; k < t.count(); k++) {
        at.add(duration(t.at(k)));
      }
      return Map.of("times", at);
    }
    Interrupts.Burst b = (Interrupts.Burst) i;
    Map<String, Object> burst = new LinkedHashMap<>();
    burst.put("every", duration(b.everyNs()));
    burst.put("count", b.count());
    burst.put("gap", duration(b.gapNs()));
    return Map.of("burst", burst);
  }

  private static YamlText.Plain rate(double perSecond) {
    return YamlText.rate(perSecond);
  }

  private static Map<String, Object> work(Work w) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("duration", dist(w.duration()));
    if (!w.then().isEmpty()) {
      List<Object> then = new ArrayList<>();
      for (Step step : w.then()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(step.op().kind(), subject(step.op()));
        m.putAll(fields(step.op()));
        if (step.op() instanceof Op.Insert ins && ins.remote() != null) {
          m.put("target", Map.of("random", fraction(ins.remote())));
        }
        if (step.afterNs() != null) {
          m.put("after", duration(step.afterNs()));
        }
        then.add(m);
      }
      out.put("then", then);
    }
    return out;
  }

  private static Object dist(Dist d) {
    if (d instanceof Dist.Fixed f) {
      return duration(f.ns());
    }
    if (d instanceof Dist.Exp e) {
      return Map.of("exp", duration(e.meanNs0()));
    }
    if (d instanceof Dist.Uniform u) {
      return Map.of("uniform", List.of(duration(u.lowNs()), duration(u.highNs())));
    }
    if (d instanceof DurationHistogram h) {
      List<Object> buckets = new ArrayList<>();
      for (DurationHistogram.Bucket b : h.buckets()) {
        buckets.add(List.of(duration(b.lowNs()), duration(b.highNs()), b.count()));
      }
      return Map.of("histogram", buckets);
    }
    // A distribution added to Dist must be written here too, or toYaml would lose it.
    throw new IllegalArgumentException("toYaml cannot write the distribution " + d);
  }

  private static Map<String, Object> action(ScriptAction a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", duration(a.atNs()));
    if (a.cpu() != null) {
      out.put("cpu", a.cpu());
    }
    out.put("do", a.op().kind());
    String subject = subject(a.op());
    if (subject != null) {
      out.put(a.op() instanceof Op.Interrupt ? "device" : "dpc", subject);
    }
    out.putAll(fields(a.op()));
    return out;
  }

  /**
   * @return the DPC or device the operation names, or null
   */
  private static String subject(Op op) {
    if (op instanceof Op.Insert o) {
      return o.dpc();
    }
    if (op instanceof Op.Remove o) {
      return o.dpc();
    }
    if (op instanceof Op.SetImportance o) {
      return o.dpc();
    }
    if (op instanceof Op.SetTarget o) {
      return o.dpc();
    }
    return op instanceof Op.Interrupt o ? o.device() : null;
  }

  /**
   * @return the operation's keys besides its subject, {@code at}, {@code cpu} and {@code after}
   */
  private static Map<String, Object> fields(Op op) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (op instanceof Op.Insert o && (o.arg1() != 0 || o.arg2() != 0)) {
      out.put(
          "args",
          o.arg2() == 0
              ? List.of(unsigned(o.arg1()))
              : List.of(unsigned(o.arg1()), unsigned(o.arg2())));
    } else if (op instanceof Op.SetImportance o) {
      out.put("importance", o.importance().yamlName());
    } else if (op instanceof Op.SetTarget o) {
      out.put("target", o.target());
    } else if (op instanceof Op.RaiseIrql o) {
      out.put("level", o.level().name());
    } else if (op instanceof Op.LowerIrql o) {
      out.put("level", o.level().name());
    } else if (op instanceof Op.RunThread o) {
      out.put("for", duration(o.forNs()));
    } else if (op instanceof Op.SetTunable o) {
      out.put("name", o.name().yamlName());
      out.put("value", o.value());
    }
    return out;
  }
}
