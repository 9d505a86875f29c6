package dpcsim.api;

import dpcsim.scenario.Importance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One KDPC of a {@link ScenarioBuilder}, as an entry under {@code dpcs} (docs/scenario-format.md):
 * its importance, target, threaded flag, labels and routine. Only {@link #routine} is required. A
 * setter called twice keeps the later value; null means "leave the key out".
 */
public final class DpcBuilder {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  DpcBuilder() {}

  /**
   * @return this, with KDPC_IMPORTANCE {@code importance} (default MEDIUM)
   */
  public DpcBuilder importance(Importance importance) {
    fields.put("importance", importance == null ? null : importance.yamlName());
    return this;
  }

  /**
   * @return this, targeted at processor {@code cpu} (KeSetTargetProcessorDpc at initialisation)
   */
  public DpcBuilder target(int cpu) {
    fields.put("target", cpu);
    return this;
  }

  /**
   * @return this, untargeted: it runs where it is inserted (the default)
   */
  public DpcBuilder untargeted() {
    fields.remove("target");
    return this;
  }

  /**
   * @return this, a threaded DPC (KeInitializeThreadedDpc)
   */
  public DpcBuilder threaded() {
    return threaded(true);
  }

  /**
   * @return this, threaded or not
   */
  public DpcBuilder threaded(boolean threaded) {
    fields.put("threaded", threaded);
    return this;
  }

  /**
   * @return this, whose routine belongs to driver {@code module} ({@code ndis.sys}; default: the
   *     KDPC's name)
   */
  public DpcBuilder module(String module) {
    fields.put("module", module);
    return this;
  }

  /**
   * @return this, whose DeferredRoutine is named {@code function} (default: the KDPC's name)
   */
  public DpcBuilder function(String function) {
    fields.put("function", function);
    return this;
  }

  /**
   * @return this, one KDPC per processor ({@code name[0]}, {@code name[1]}, ..., instance i
   *     targeted at processor i; a bare name in its steps means the processor's own instance)
   */
  public DpcBuilder perCpu() {
    fields.put("perCpu", true);
    return this;
  }

  /**
   * @param duration how long the routine runs, e.g. {@code "20us"}
   * @param then its steps, in order ({@link Action#insert}, ...)
   * @return this
   */
  public DpcBuilder routine(String duration, Action... then) {
    return routine(DurationSpec.fixed(duration), then);
  }

  /**
   * @param duration how long the routine runs ({@link DurationSpec#exp}, ...)
   * @param then its steps, in order
   * @return this
   */
  public DpcBuilder routine(DurationSpec duration, Action... then) {
    fields.put("routine", work(duration, Arrays.asList(then)));
    return this;
  }

  /** A routine or ISR body: {@code { duration: ..., then: [...] }}. */
  static Map<String, Object> work(DurationSpec duration, List<Action> then) {
    Map<String, Object> work = new LinkedHashMap<>();
    work.put("duration", duration == null ? null : duration.yaml());
    if (!then.isEmpty()) {
      List<Object> steps = new ArrayList<>();
      for (Action a : then) {
        steps.add(a.asStep());
      }
      work.put("then", steps);
    }
    return work;
  }

  Map<String, Object> yaml() {
    return fields;
  }
}
