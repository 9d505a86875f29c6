package dpcsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What the rest of a scenario may refer to: the processor count and the DPC and device names in
 * file order. Read before the DPC bodies, devices and script, so that a routine may insert a DPC
 * defined further down the file.
 *
 * @param dpcs each DPC name with its position under {@code dpcs}, in file order: operations carry
 *     the position, so the kernel finds the KDPC without hashing its name on every call
 */
record Refs(
    int processors,
    Map<String, Integer> dpcs,
    Set<String> devices,
    Set<String> dpcTemplates,
    Set<String> deviceTemplates) {
  /** How many defined names an "unknown name" error lists. */
  private static final int LISTED_NAMES = 10;

  /**
   * Hashed, not lists: a generated scenario names thousands of KDPCs (DPC-PHOLD on 2048 processors:
   * 8,192, each named twice), and a list lookup per reference made loading quadratic.
   */
  Refs(int processors, List<String> dpcs, List<String> devices) {
    this(processors, positions(dpcs), inFileOrder(devices), Set.of(), Set.of());
  }

  /** The names of the sections with their per-CPU templates expanded. */
  Refs(int processors, PerCpuNames dpcs, PerCpuNames devices) {
    this(
        processors,
        positions(dpcs.names()),
        inFileOrder(devices.names()),
        dpcs.templates(),
        devices.templates());
  }

  private static Map<String, Integer> positions(List<String> names) {
    Map<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
    }
    return Collections.unmodifiableMap(positions);
  }

  private static Set<String> inFileOrder(List<String> names) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(names));
  }

  /**
   * @return a processor number in 0..processors-1
   */
  int processor(Cursor c) throws ScenarioException {
    long n = c.integer();
    if (n < 0 || n >= processors) {
      throw c.error(outOfRange(c.text()));
    }
    return (int) n;
  }

  /**
   * @return the message for a processor number that does not exist
   */
  String outOfRange(String written) {
    return "processor "
        + ScenarioText.bare(written)
        + " is out of range (the scenario has "
        + (processors == 1
            ? "1 processor: 0)"
            : processors + " processors: 0.." + (processors - 1) + ")");
  }

  /**
   * @param cpu the processor an instance of a per-CPU template stands for where the name is read (a
   *     per-CPU routine or ISR, a script action), or null where none does
   * @return the name of a DPC defined under {@code dpcs}: the name written, or for a per-CPU
   *     template {@code x}, its instance {@code x[cpu]}
   */
  String dpc(Cursor c, Integer cpu) throws ScenarioException {
    String template = instanceOf(c, cpu, dpcTemplates, "KDPC");
    return template != null ? template : known(c, "DPC", dpcs.keySet(), "dpcs");
  }

  /**
   * @return the position under {@code dpcs} of {@code name}, a name {@link #dpc} returned
   */
  int dpcIndex(String name) {
    return dpcs.get(name);
  }

  /**
   * @return the name of a device defined under {@code devices}
   */
  String device(Cursor c, Integer cpu) throws ScenarioException {
    String template = instanceOf(c, cpu, deviceTemplates, "device");
    return template != null ? template : known(c, "device", devices, "devices");
  }

  /**
   * @return {@code x[cpu]} if {@code c} names template {@code x}, else null
   */
  private String instanceOf(Cursor c, Integer cpu, Set<String> templates, String what)
      throws ScenarioException {
    String name = c.text();
    if (!templates.contains(name)) {
      return null;
    }
    if (cpu == null) {
      throw c.error(
          ScenarioText.quote(name)
              + " is a per-CPU "
              + what
              + " (perCpu: true): name one instance, "
              + ScenarioText.bare(PerCpuNames.instance(name, 0))
              + " .. "
              + ScenarioText.bare(PerCpuNames.instance(name, processors - 1))
              + " (a bare name means the processor's own instance only in a script action and in"
              + " the steps of a per-CPU device or KDPC)");
    }
    return PerCpuNames.instance(name, cpu);
  }

  private static String known(Cursor c, String what, Set<String> names, String section)
      throws ScenarioException {
    String name = c.text();
    if (names.contains(name)) {
      return name;
    }
    throw c.error(
        "unknown "
            + what
            + " "
            + ScenarioText.quote(name)
            + " "
            + (names.isEmpty()
                ? "(no " + section + " are defined)"
                : "(defined: " + firstNames(names) + ")"));
  }

  /** The names listed in an error: a generated scenario defines thousands, so the first few. */
  private static String firstNames(Set<String> names) {
    StringJoiner shown = new StringJoiner(", ");
    int listed = 0;
    for (String n : names) {
      if (listed++ == LISTED_NAMES) {
        return shown + ", ... (" + names.size() + " in all)";
      }
      shown.add(ScenarioText.bare(n));
    }
    return shown.toString();
  }
}
