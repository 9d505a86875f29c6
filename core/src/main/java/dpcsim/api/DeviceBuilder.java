package dpcsim.api;

import dpcsim.scenario.YamlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One interrupt source of a {@link ScenarioBuilder}, as an entry under {@code devices}
 * (docs/scenario-format.md): how it interrupts, which processors, and its ISR. {@link #isr} and one
 * of {@link #poisson}, {@link #periodic}, {@link #burst} are required; a later one of those three
 * replaces an earlier one.
 */
public final class DeviceBuilder {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  DeviceBuilder() {}

  /**
   * @return this, interrupting at exponential gaps, {@code perSecond} on average
   */
  public DeviceBuilder poisson(double perSecond) {
    fields.put("interrupts", Map.of("poisson", YamlText.rate(perSecond)));
    return this;
  }

  /**
   * @param rate a rate as a file writes it, e.g. {@code "20000/s"}
   * @return this, interrupting at exponential gaps
   */
  public DeviceBuilder poisson(String rate) {
    fields.put("interrupts", Map.of("poisson", ScenarioBuilder.plain(rate)));
    return this;
  }

  /**
   * @return this, interrupting every {@code period} (first at one period)
   */
  public DeviceBuilder periodic(String period) {
    fields.put("interrupts", Map.of("periodic", ScenarioBuilder.plain(period)));
    return this;
  }

  /**
   * @return this, interrupting every {@code every}: {@code count} interrupts {@code gap} apart
   */
  public DeviceBuilder burst(String every, long count, String gap) {
    Map<String, Object> burst = new LinkedHashMap<>();
    burst.put("every", ScenarioBuilder.plain(every));
    burst.put("count", count);
    burst.put("gap", ScenarioBuilder.plain(gap));
    fields.put("interrupts", Map.of("burst", burst));
    return this;
  }

  /**
   * @return this, interrupting these processors round robin (default: processor 0)
   */
  public DeviceBuilder cpus(int... cpus) {
    List<Object> list = new ArrayList<>();
    for (int cpu : cpus) {
      list.add(cpu);
    }
    fields.put("cpus", list);
    return this;
  }

  /**
   * @return this, one device per processor ({@code name[0]}, ...; instance i interrupts processor i
   *     only, and a bare KDPC name in its ISR's steps means the processor's own instance)
   */
  public DeviceBuilder perCpu() {
    fields.put("perCpu", true);
    return this;
  }

  /**
   * @return this, whose ISR belongs to driver {@code module} (default: the device's name)
   */
  public DeviceBuilder module(String module) {
    fields.put("module", module);
    return this;
  }

  /**
   * @return this, whose ISR is named {@code function} (default: the device's name)
   */
  public DeviceBuilder function(String function) {
    fields.put("function", function);
    return this;
  }

  /**
   * @param duration how long the ISR runs, e.g. {@code "2us"}
   * @param then its steps ({@link Action#insert}, ...)
   * @return this
   */
  public DeviceBuilder isr(String duration, Action... then) {
    return isr(DurationSpec.fixed(duration), then);
  }

  /**
   * @return this, with an ISR of {@code duration} and steps {@code then}
   */
  public DeviceBuilder isr(DurationSpec duration, Action... then) {
    fields.put("isr", DpcBuilder.work(duration, Arrays.asList(then)));
    return this;
  }

  Map<String, Object> yaml() {
    return fields;
  }
}
