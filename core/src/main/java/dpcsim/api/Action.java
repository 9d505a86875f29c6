package dpcsim.api;

import dpcsim.scenario.Importance;
import dpcsim.scenario.Irql;
import dpcsim.scenario.Tunable;
import dpcsim.scenario.YamlText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation: a step of a routine or an ISR ({@link DpcBuilder#routine}, {@link
 * DeviceBuilder#isr}) or a script action ({@link ScenarioBuilder#at}). The same value serves both,
 * as the same words do in a file; the loader says which operations a routine may not perform
 * ({@code a routine or ISR cannot raiseIrql}) and which keys a script action may not take. Actions
 * are immutable: {@link #args}, {@link #after} and {@link #randomTarget} return a new one.
 */
public final class Action {
  private final String op;
  private final String subjectKey;
  private final String subject;
  private final Map<String, Object> fields;
  private final Object after;
  private final Object random;

  private Action(
      String op,
      String subjectKey,
      String subject,
      Map<String, Object> fields,
      Object after,
      Object random) {
    this.op = op;
    this.subjectKey = subjectKey;
    this.subject = subject;
    this.fields = fields;
    this.after = after;
    this.random = random;
  }

  private static Action of(String op, String subjectKey, String subject, Object... keyValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new Action(op, subjectKey, subject, fields, null, null);
  }

  /**
   * @return KeInsertQueueDpc({@code dpc}) with both arguments 0
   */
  public static Action insert(String dpc) {
    return of("insert", "dpc", dpc);
  }

  /**
   * @return KeRemoveQueueDpc({@code dpc})
   */
  public static Action remove(String dpc) {
    return of("remove", "dpc", dpc);
  }

  /**
   * @return KeSetImportanceDpc({@code dpc}, {@code importance})
   */
  public static Action setImportance(String dpc, Importance importance) {
    return of("setImportance", "dpc", dpc, "importance", name(importance));
  }

  /**
   * @param cpu the processor, or null to make the DPC untargeted again
   * @return KeSetTargetProcessorDpc({@code dpc}, {@code cpu})
   */
  public static Action setTarget(String dpc, Integer cpu) {
    return of("setTarget", "dpc", dpc, "target", cpu);
  }

  /**
   * @return KeRaiseIrql to {@code level} (script only: PASSIVE, APC, DISPATCH or HIGH)
   */
  public static Action raiseIrql(Irql level) {
    return of("raiseIrql", null, null, "level", level == null ? null : level.name());
  }

  /**
   * @return KeLowerIrql to {@code level} (script only)
   */
  public static Action lowerIrql(Irql level) {
    return of("lowerIrql", null, null, "level", level == null ? null : level.name());
  }

  /**
   * @return PASSIVE-level thread work on the action's processor for {@code duration} (script only)
   */
  public static Action runThread(String duration) {
    return of("runThread", null, null, "for", ScenarioBuilder.plain(duration));
  }

  /**
   * @return one interrupt from {@code device}, now, on the action's processor (script only)
   */
  public static Action interrupt(String device) {
    return of("interrupt", "device", device);
  }

  /**
   * @return KeFlushQueuedDpcs (script only)
   */
  public static Action flush() {
    return of("flush", null, null);
  }

  /**
   * @return idle-halt the processor now if it is idle (script only)
   */
  public static Action halt() {
    return of("halt", null, null);
  }

  /**
   * @return a change of the global {@code tunable} (script only, and without a processor: {@link
   *     ScenarioBuilder#at(String, Action)})
   */
  public static Action setTunable(Tunable tunable, long value) {
    return of(
        "setTunable",
        null,
        null,
        "name",
        tunable == null ? null : tunable.yamlName(),
        "value",
        value);
  }

  /**
   * @return this insertion with SystemArgument1 = {@code arg1} (an unsigned 64-bit pattern)
   */
  public Action args(long arg1) {
    return with("args", List.of(YamlText.unsigned(arg1)));
  }

  /**
   * @return this insertion with both SystemArguments (unsigned 64-bit patterns)
   */
  public Action args(long arg1, long arg2) {
    return with("args", List.of(YamlText.unsigned(arg1), YamlText.unsigned(arg2)));
  }

  /**
   * @return this step done {@code delay} into the routine or ISR instead of at its end ({@code
   *     after: 5us}; steps only)
   */
  public Action after(String delay) {
    return new Action(op, subjectKey, subject, fields, ScenarioBuilder.plain(delay), random);
  }

  /**
   * @return this insert step preceded by KeSetTargetProcessorDpc to a uniformly random processor
   *     with probability {@code p}, else the one running the step ({@code target: { random: P }};
   *     routine and ISR steps only)
   */
  public Action randomTarget(double p) {
    return new Action(op, subjectKey, subject, fields, after, YamlText.fraction(p));
  }

  /**
   * @return the operation's name in scenario files ({@code insert}, {@code raiseIrql}, ...)
   */
  public String kind() {
    return op;
  }

  @Override
  public String toString() {
    return "Action" + asStep();
  }

  private Action with(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(fields);
    more.put(key, value);
    return new Action(op, subjectKey, subject, more, after, random);
  }

  /**
   * @return the {@code then} entry: {@code { insert: nicRx, args: [..], after: 5us }}
   */
  Map<String, Object> asStep() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(op, subject);
    m.putAll(fields);
    putExtras(m);
    return m;
  }

  /**
   * @param cpu the processor, or null (setTunable)
   * @return the {@code script} entry: {@code { at: 1us, cpu: 0, do: insert, dpc: nicRx }}
   */
  Map<String, Object> asScript(Object at, Integer cpu) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", at);
    if (cpu != null) {
      m.put("cpu", cpu);
    }
    m.put("do", op);
    if (subjectKey != null) {
      m.put(subjectKey, subject);
    }
    m.putAll(fields);
    putExtras(m);
    return m;
  }

  /** Written wherever they were asked for: where they do not belong, the loader says so. */
  private void putExtras(Map<String, Object> m) {
    if (random != null) {
      m.put("target", Map.of("random", random));
    }
    if (after != null) {
      m.put("after", after);
    }
  }

  private static String name(Importance i) {
    return i == null ? null : i.yamlName();
  }
}
