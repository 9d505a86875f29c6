package dpcsim.kernel.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link KdpcLayout} the way WinDbg's {@code dt _KDPC} does, for {@code dpcsim
 * layout} and for the debugger's {@code dt _KDPC NAME}.
 *
 * <p>Line format, checked against captured WinDbg output: three spaces, {@code +0x} and the offset
 * in three lower-case hex digits, a space, the member name left-justified in 16 columns, {@code " :
 * "}, then the type (or, in the live form, the value). The name column is a fixed minimum of 16,
 * not the width of the longest name: a longer name such as {@code TargetInfoAsUlong} (17) pushes
 * only its own colon one column right, exactly as WinDbg prints it.
 *
 * <p>Trailing spaces are stripped from every line. WinDbg itself ends function-pointer lines with a
 * space (after the {@code void} of a function pointer) and null pointers with {@code "(null) "};
 * dropping it keeps the output diffable and safe in text fixtures, and is the one intended
 * difference from WinDbg.
 */
public final class DtRenderer {

  /** The minimum width of the name column, as WinDbg pads it. */
  public static final int NAME_WIDTH = 16;

  private DtRenderer() {}

  /**
   * @return one line per member, in {@code dt} order, showing each member's type
   */
  public static List<String> render(KdpcLayout layout) {
    return render(layout, Map.of());
  }

  /**
   * Renders the live form, where {@code dt _KDPC ADDRESS} shows values instead of types. The caller
   * formats the values (see {@link DtValues}); a member with no value, or a null one, shows its
   * type, as WinDbg does for embedded structures such as {@code DpcListEntry}.
   *
   * @param values the formatted value per member name, e.g. {@code "Type" -> "0x13 ''"}
   * @return one line per member, in {@code dt} order
   * @throws IllegalArgumentException if {@code values} names a member this layout does not have
   */
  public static List<String> render(KdpcLayout layout, Map<String, String> values) {
    for (String name : values.keySet()) {
      if (layout.field(name).isEmpty()) {
        throw new IllegalArgumentException(
            "_KDPC (" + layout.family() + ", " + layout.arch().cliName() + ") has no " + name);
      }
    }
    List<String> lines = new ArrayList<>(layout.fields().size());
    for (KdpcField f : layout.fields()) {
      String value = values.get(f.name());
      lines.add(line(f, value != null ? value : f.typeText()));
    }
    return List.copyOf(lines);
  }

  /**
   * @return one {@code dt} line for {@code field} with {@code text} after the colon
   */
  static String line(KdpcField field, String text) {
    String padded = String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s", field.name());
    return String.format(Locale.ROOT, "   +0x%03x %s : %s", field.offset(), padded, text)
        .stripTrailing();
  }
}
