package dpcsim.kernel;

/**
 * The kernel's ULONG arithmetic for the DPC tunables and their per-processor copies (R-10a): every
 * value is an unsigned 32-bit count held in a {@code long} in 0..0xFFFFFFFF, and a step below 0 or
 * above 0xFFFFFFFF wraps as WRK's x86 ULONG does. Comparisons of two such values are then plain
 * {@code long} comparisons.
 */
final class Ulong {
  /** The largest ULONG, 0xFFFFFFFF. */
  static final long MAX = 0xFFFF_FFFFL;

  private Ulong() {}

  /**
   * @return {@code v - 1} modulo 2^32 (0 wraps to 0xFFFFFFFF)
   */
  static long decrement(long v) {
    return (v - 1) & MAX;
  }

  /**
   * @return {@code v + 1} modulo 2^32 (0xFFFFFFFF wraps to 0)
   */
  static long increment(long v) {
    return (v + 1) & MAX;
  }

  /**
   * @return {@code v} modulo 2^32: what a ULONG field keeps of a wider result
   */
  static long of(long v) {
    return v & MAX;
  }
}
