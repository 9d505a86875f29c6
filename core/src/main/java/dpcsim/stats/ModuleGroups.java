package dpcsim.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups KDPCs (or devices) by their {@code module:} and {@code function:} into {@link
 * ModuleStats}, as WPA's "DPC/ISR Duration by Module, Function" groups calls: counts and times add
 * up, and the duration figures are those of all the group's calls together.
 */
final class ModuleGroups {
  private ModuleGroups() {}

  /** One KDPC or device: its (module, function) label, calls, time and durations. */
  record Member(List<String> label, long count, long timeNs, LongSamples durations) {}

  /**
   * @return {module, function} of entry {@code i}: its scenario labels, or its name twice for an
   *     entry the scenario does not list
   */
  static List<String> label(List<String[]> labels, int i, String name) {
    return i < labels.size() ? List.of(labels.get(i)[0], labels.get(i)[1]) : List.of(name, name);
  }

  /**
   * @param type {@code DPC} or {@code ISR}
   * @return one entry per label, in order of first appearance; the samples must be prepared
   */
  static List<ModuleStats> of(String type, List<Member> members) {
    Map<List<String>, List<Member>> groups = new LinkedHashMap<>();
    for (Member m : members) {
      groups.computeIfAbsent(m.label(), k -> new ArrayList<>()).add(m);
    }
    List<ModuleStats> out = new ArrayList<>(groups.size());
    for (Map.Entry<List<String>, List<Member>> g : groups.entrySet()) {
      long count = 0;
      long time = 0;
      List<LongSamples> durations = new ArrayList<>();
      for (Member m : g.getValue()) {
        count += m.count();
        time += m.timeNs();
        durations.add(m.durations());
      }
      out.add(stats(type, g.getKey(), g.getValue().size(), count, time, durations));
    }
    return out;
  }

  private static ModuleStats stats(
      String type, List<String> label, int members, long count, long time, List<LongSamples> d) {
    // One member's figures are its own, already selected; a group's come from the union.
    Percentiles p =
        members == 1
            ? new Percentiles(
                d.get(0).percentile(50),
                d.get(0).percentile(99),
                d.get(0).max(),
                d.get(0).size(),
                d.get(0).mean())
            : Percentiles.ofUnion(d);
    return new ModuleStats(
        type,
        label.get(0),
        label.get(1),
        members,
        count,
        time,
        p.p50(),
        p.p99(),
        p.max(),
        p.mean());
  }
}
