package dpcsim.debug;

import dpcsim.kernel.debug.KdpcSnapshot;
import dpcsim.kernel.debug.ProcessorSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code !dpcs [cpu]}: the DPC queues in queue order, head first (the order the retire loop takes
 * them, R-19; High DPCs were linked at the head, R-13), as Kdexts' {@code !dpcs} prints them:
 * {@code CPU: Type : KDPC Function}. After the function, dpcsim adds the importance and the target.
 */
final class DpcsView {
  static final String HEADER = "CPU Type      KDPC               Function";

  private DpcsView() {}

  /**
   * @param bias the profile's target bias, to turn Number back into a processor
   * @return the lines for {@code cpus}
   */
  static List<String> render(List<ProcessorSnapshot> cpus, int bias) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (ProcessorSnapshot s : cpus) {
      for (KdpcSnapshot k : s.normal()) {
        lines.add(line(s.cpu(), "Normal  :", k, bias));
      }
      for (KdpcSnapshot k : s.threaded()) {
        lines.add(line(s.cpu(), "Threaded:", k, bias));
      }
    }
    if (lines.size() == 1) {
      lines.clear();
      lines.add(
          cpus.size() == 1
              ? "No DPCs queued on processor " + cpus.get(0).cpu()
              : "No DPCs queued on any processor");
    }
    return lines;
  }

  private static String line(int cpu, String type, KdpcSnapshot k, int bias) {
    String target = k.number() >= bias ? "target " + (k.number() - bias) : "untargeted";
    return String.format(
        Locale.ROOT,
        "%2d: %s 0x%s 0x%s %s  (%s, %s)",
        cpu,
        type,
        Addresses.plain(Addresses.kdpc(k.id())),
        Addresses.plain(Addresses.routine(k.id())),
        Addresses.symbol(k.name()),
        ImportanceText.of(k.importance()),
        target);
  }
}
