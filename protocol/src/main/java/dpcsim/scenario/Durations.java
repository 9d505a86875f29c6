package dpcsim.scenario;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duration and rate spellings of scenario files. A duration is a non-negative decimal number
 * followed by a unit, {@code ns}, {@code us}, {@code ms} or {@code s} ({@code 15.625ms}, {@code
 * 2us}); it must come to a whole number of nanoseconds, because every engine counts simulated time
 * in integer nanoseconds and a silently rounded tick would drift. The arithmetic is exact ({@link
 * BigDecimal}): {@code 15.625ms} is 15,625,000 ns, not a binary approximation. A rate is a
 * non-negative number followed by {@code /s} ({@code 20000/s}).
 */
public final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("(-?)(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([A-Za-z]*)");
  private static final Pattern RATE = Pattern.compile("(-?)(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(/.*)?");
  private static final String UNITS = "ns, us, ms, s";

  private Durations() {}

  /**
   * @param text a duration such as {@code 15.625ms}, {@code 2us}, {@code 0us}
   * @return the duration in nanoseconds, >= 0
   * @throws IllegalArgumentException with a one-line reason if {@code text} has no unit, an unknown
   *     unit, a sign, or is not a whole number of nanoseconds
   */
  public static long parse(String text) {
    String t = text.strip();
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (expected a number and a unit: " + UNITS + ")");
    }
    String unit = m.group(3);
    if (unit.isEmpty()) {
      throw new IllegalArgumentException(
          "duration '" + text + "' has no unit (expected one of " + UNITS + ", e.g. 2us)");
    }
    long scale = nanosPer(unit);
    if (scale == 0) {
      throw new IllegalArgumentException(
          "unknown unit '" + unit + "' in duration '" + text + "' (expected " + UNITS + ")");
    }
    if (!m.group(1).isEmpty()) {
      throw new IllegalArgumentException("negative duration '" + text + "'");
    }
    BigDecimal ns = new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(scale));
    try {
      return ns.longValueExact();
    } catch (ArithmeticException e) {
      if (ns.stripTrailingZeros().scale() > 0) {
        throw new IllegalArgumentException(
            "duration '" + text + "' is not a whole number of nanoseconds");
      }
      throw new IllegalArgumentException("duration '" + text + "' is too large");
    }
  }

  /**
   * @param text a rate such as {@code 20000/s} or {@code 0.5/s}
   * @return events per second, >= 0
   * @throws IllegalArgumentException with a one-line reason if the {@code /s} unit is missing or
   *     wrong, or the number is negative
   */
  public static double parseRate(String text) {
    String t = text.strip();
    Matcher m = RATE.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a rate (expected a number per second, e.g. 20000/s)");
    }
    String unit = m.group(3);
    if (unit == null) {
      throw new IllegalArgumentException(
          "rate '" + text + "' has no unit (expected a number per second, e.g. 20000/s)");
    }
    if (!unit.equals("/s")) {
      throw new IllegalArgumentException(
          "unknown unit '" + unit + "' in rate '" + text + "' (expected /s)");
    }
    if (!m.group(1).isEmpty()) {
      throw new IllegalArgumentException("negative rate '" + text + "'");
    }
    return new BigDecimal(m.group(2)).doubleValue();
  }

  /**
   * @param ns a duration in nanoseconds
   * @return the exact value in the largest unit that keeps it >= 1 ({@code 15.625ms}, {@code 2us},
   *     {@code 200ns}, {@code 1.5s}); {@link #parse} reads it back to {@code ns}
   */
  public static String format(long ns) {
    BigDecimal v = BigDecimal.valueOf(ns);
    BigDecimal abs = v.abs();
    String unit;
    int shift;
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
      unit = "s";
      shift = 9;
    } else if (abs.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0) {
      unit = "ms";
      shift = 6;
    } else if (abs.compareTo(BigDecimal.valueOf(1_000L)) >= 0) {
      unit = "us";
      shift = 3;
    } else {
      unit = "ns";
      shift = 0;
    }
    return v.movePointLeft(shift).stripTrailingZeros().toPlainString() + unit;
  }

  private static long nanosPer(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      default -> 0L;
    };
  }
}
