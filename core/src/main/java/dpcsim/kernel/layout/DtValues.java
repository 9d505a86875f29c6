package dpcsim.kernel.layout;

import java.util.Locale;

/**
 * Formats member values the way WinDbg's {@code dt} prints them, for the live form of {@link
 * DtRenderer#render(KdpcLayout, java.util.Map)}.
 *
 * <p>WinDbg prints integers in the shortest hex ({@code 0x13}) and zero as a bare {@code 0}; a
 * 64-bit value that needs more than 32 bits is printed in full with a backtick between the halves
 * ({@code 0xfffff801`12345678}). Pointers are always printed at full width and a null pointer as
 * {@code (null)}. A UChar adds its character in quotes, empty when not printable ({@code 0x13 ''}).
 */
public final class DtValues {

  private DtValues() {}

  /**
   * Formats an integer or pointer-sized value. On x86 the value is taken as 32 bits (so a
   * sign-extended {@code int} prints as its unsigned form); on x64 values above 32 bits get the
   * backtick.
   *
   * @return e.g. {@code 0}, {@code 0x13}, {@code 0x8054a123}, {@code 0xfffff801`12345678}
   */
  public static String hex(long v, Arch arch) {
    long value = arch == Arch.X86 ? v & 0xffff_ffffL : v;
    if (value == 0) {
      return "0";
    }
    if (value >>> 32 == 0) {
      return "0x" + Long.toHexString(value);
    }
    return split64(value);
  }

  /**
   * Formats a pointer member at full width.
   *
   * @return {@code (null)} for 0, else {@code 0x0012f000} on x86 or {@code 0xfffff801`12345678} on
   *     x64
   */
  public static String pointer(long v, Arch arch) {
    if (arch == Arch.X86) {
      long value = v & 0xffff_ffffL;
      return value == 0 ? "(null)" : String.format(Locale.ROOT, "0x%08x", value);
    }
    return v == 0 ? "(null)" : split64(v);
  }

  /**
   * Formats a UChar member such as Type or Importance.
   *
   * @return e.g. {@code 0x13 ''}, {@code 0x41 'A'}, {@code 0 ''}
   * @throws IllegalArgumentException if {@code v} is not in 0..255
   */
  public static String uchar(int v) {
    if (v < 0 || v > 0xff) {
      throw new IllegalArgumentException("not a UChar: " + v);
    }
    String ch = v >= 0x20 && v < 0x7f ? String.valueOf((char) v) : "";
    return hex(v, Arch.X86) + " '" + ch + "'";
  }

  private static String split64(long value) {
    return String.format(Locale.ROOT, "0x%08x`%08x", value >>> 32, value & 0xffff_ffffL);
  }
}
