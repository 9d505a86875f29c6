package dpcsim.imports;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names an importer gives KDPCs and devices: usable in {@code --set} paths ({@code
 * [A-Za-z0-9_]}, starting with a letter or {@code _}), and unique even ignoring case (modules
 * {@code NDIS.SYS} and {@code ndis.sys} get {@code NDIS_SYS} and {@code ndis_sys_2}).
 */
final class SetPathNames {
  private final Set<String> used = new HashSet<>();

  /**
   * @return a new name made from {@code raw}
   */
  String of(String raw) {
    String b = raw.replaceAll("[^A-Za-z0-9_]", "_");
    if (b.isEmpty() || !Character.isLetter(b.charAt(0)) && b.charAt(0) != '_') {
      b = "m_" + b;
    }
    String name = b;
    for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) {
      name = b + "_" + k;
    }
    return name;
  }
}
