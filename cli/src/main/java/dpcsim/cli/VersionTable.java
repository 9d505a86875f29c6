package dpcsim.cli;

import dpcsim.kernel.layout.Arch;
import dpcsim.kernel.layout.KdpcFamily;
import dpcsim.kernel.layout.NtVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code dpcsim layout --list}: every version {@code --nt} takes, with its Windows releases, its
 * KDPC layout family, the architectures it was built for and its Type codes, then the
 * two articles they come from.
 */
final class VersionTable {
  private static final List<String> HEADER =
      List.of("version", "Windows", "layout", "arch", "DpcObject", "ThreadedDpcObject");

  private VersionTable() {}

  static void print(PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (NtVersion v : NtVersion.values()) {
      rows.add(row(v));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> r : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", r.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
    out.println();
    out.println("layouts (R-7): " + KdpcFamily.SOURCE);
    out.println("Type codes (R-3): " + NtVersion.SOURCE);
  }

  private static List<String> row(NtVersion v) {
    KdpcFamily f = v.family();
    String arches =
        Stream.of(Arch.values())
            .filter(f::hasBuild)
            .map(Arch::cliName)
            .collect(Collectors.joining(" "));
    String threaded =
        v.threadedDpcObjectType().isPresent() ? hex(v.threadedDpcObjectType().getAsInt()) : "-";
    return List.of(
        v.cliName(), v.windows(), f.versions(), arches, hex(v.dpcObjectType()), threaded);
  }

  private static String hex(int value) {
    return String.format(Locale.ROOT, "0x%02x", value);
  }
}
