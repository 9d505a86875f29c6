package dpcsim.report;

import java.util.Locale;

/** Human units for tables: durations with a unit, percentages. */
public final class Units {
  private Units() {}

  /**
   * @return {@code ns} as e.g. {@code 850ns}, {@code 2.00us}, {@code 15.6ms}, {@code 2.00s}
   */
  public static String duration(long ns) {
    if (ns < 1_000) {
      return ns + "ns";
    }
    if (ns < 1_000_000) {
      return scaled(ns / 1e3, "us");
    }
    if (ns < 1_000_000_000) {
      return scaled(ns / 1e6, "ms");
    }
    return scaled(ns / 1e9, "s");
  }

  private static String scaled(double v, String unit) {
    String digits = v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, digits, v) + unit;
  }

  /**
   * @return {@code part/whole} as a percentage with one decimal, e.g. {@code 12.5%}
   */
  public static String percent(long part, long whole) {
    if (whole <= 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /**
   * @return {@code n} shortened for a glance, e.g. {@code 950}, {@code 12.3k}, {@code 1.25M}
   */
  public static String count(long n) {
    if (n < 1_000) {
      return Long.toString(n);
    }
    if (n < 1_000_000) {
      return scaled(n / 1e3, "k");
    }
    return scaled(n / 1e6, "M");
  }
}
