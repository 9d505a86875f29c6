package dpcsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a {@code dpcs} or {@code devices} section defines once its per-CPU templates are
 * expanded: an entry with {@code perCpu: true} stands for one object per processor, named {@code
 * x[0]}, {@code x[1]}, ... in place of {@code x}, as a driver keeps one KDPC per processor in an
 * array indexed by KeGetCurrentProcessorNumber.
 *
 * @param names every name in file order, templates expanded
 * @param templates the names written with {@code perCpu: true}
 */
record PerCpuNames(List<String> names, Set<String> templates) {
  static final String KEY = "perCpu";

  static final PerCpuNames NONE = new PerCpuNames(List.of(), Set.of());

  PerCpuNames {
    names = List.copyOf(names);
    templates = Set.copyOf(templates);
  }

  /**
   * @return instance {@code cpu} of template {@code name}
   */
  static String instance(String name, int cpu) {
    return name + "[" + cpu + "]";
  }

  /**
   * Reads the keys of {@code section} and each entry's {@code perCpu} flag (the rest of each entry
   * is read later, once every name is known).
   *
   * @param what "KDPC" or "device", for errors
   */
  static PerCpuNames read(Cursor section, int processors, String what) throws ScenarioException {
    if (section == null) {
      return NONE;
    }
    Fields f = section.mapping();
    List<String> names = new ArrayList<>();
    Set<String> templates = new LinkedHashSet<>();
    // Which entry first gave each name: a plain key "x[0]" beside a template "x" is an error.
    Map<String, String> givenBy = new HashMap<>();
    for (Fields.Named e : f.entries()) {
      if (templated(e.value())) {
        templates.add(e.key());
        for (int cpu = 0; cpu < processors; cpu++) {
          add(f, e.key(), instance(e.key(), cpu), names, givenBy, what);
        }
      } else {
        add(f, e.key(), e.key(), names, givenBy, what);
      }
    }
    return new PerCpuNames(names, templates);
  }

  private static boolean templated(Cursor entry) throws ScenarioException {
    if (!(entry.node() instanceof YamlNode.Mapping)) {
      return false; // the entry's own reader reports what it should be
    }
    Cursor flag = entry.mapping().optional(KEY);
    return flag != null && flag.bool();
  }

  private static void add(
      Fields f,
      String key,
      String name,
      List<String> names,
      Map<String, String> givenBy,
      String what)
      throws ScenarioException {
    String earlier = givenBy.putIfAbsent(name, key);
    if (earlier != null) {
      String later =
          key.equals(name) ? "" : " (an instance of the per-CPU " + what + " " + key + ")";
      throw f.keyError(
          key,
          ScenarioText.quote(name)
              + later
              + " is already the name of "
              + (earlier.equals(name)
                  ? "the " + what + " defined above"
                  : "an instance of the per-CPU " + what + " " + earlier));
    }
    names.add(name);
  }
}
