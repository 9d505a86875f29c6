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
 * non-negative number followed by {@code /s} ({@code 20000/s}). Both are bounded ({@link
 * ScenarioLimits}): a duration at most one day, a rate at most 10^9 per second, so that no valid
 * scenario asks for unbounded work.
 */
public final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("(-?)(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([A-Za-z]*)");
  private static final Pattern RATE = Pattern.compile("(-?)(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(/.*)?");
  private static final String UNITS = "ns, us, ms, s";

  /** Digits kept on each side of the point: more than any limit or any unit's scale needs. */
  private static final int KEPT_DIGITS = 30;

  private static final BigDecimal MAX_NS = BigDecimal.valueOf(ScenarioLimits.MAX_DURATION_NS);
  private static final BigDecimal MAX_RATE = BigDecimal.valueOf(ScenarioLimits.MAX_RATE_PER_SECOND);

  private Durations() {}

  /**
   * @param text a duration such as {@code 15.625ms}, {@code 2us}, {@code 0us}
   * @return the duration in nanoseconds, >= 0
   * @throws IllegalArgumentException with a one-line reason if {@code text} has no unit, an unknown
   *     unit, a sign, is longer than a day or is not a whole number of nanoseconds
   */
  public static long parse(String text) {
    String t = text.strip();
    Matcher m = DURATION.matcher(t);
    String shown = ScenarioText.quote(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          shown + " is not a duration (expected a number and a unit: " + UNITS + ")");
    }
    String unit = m.group(3);
    if (unit.isEmpty()) {
      throw new IllegalArgumentException(
          "duration " + shown + " has no unit (expected one of " + UNITS + ", e.g. 2us)");
    }
    long scale = nanosPer(unit);
    if (scale == 0) {
      throw new IllegalArgumentException(
          "unknown unit "
              + ScenarioText.quote(unit)
              + " in duration "
              + shown
              + " (expected "
              + UNITS
              + ")");
    }
    if (!m.group(1).isEmpty()) {
      throw new IllegalArgumentException("negative duration " + shown);
    }
    BigDecimal ns = decimal(m.group(2)).multiply(BigDecimal.valueOf(scale));
    if (ns.compareTo(MAX_NS) > 0) {
      throw new IllegalArgumentException(
          "duration " + shown + " is longer than a day (at most 86400s of simulated time)");
    }
    if (ns.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "duration " + shown + " is not a whole number of nanoseconds");
    }
    return ns.longValueExact();
  }

  /**
   * @param text a rate such as {@code 20000/s} or {@code 0.5/s}
   * @return events per second, >= 0
   * @throws IllegalArgumentException with a one-line reason if the {@code /s} unit is missing or
   *     wrong, or the number is negative or above 10^9
   */
  public static double parseRate(String text) {
    String t = text.strip();
    Matcher m = RATE.matcher(t);
    String shown = ScenarioText.quote(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          shown + " is not a rate (expected a number per second, e.g. 20000/s)");
    }
    String unit = m.group(3);
    if (unit == null) {
      throw new IllegalArgumentException(
          "rate " + shown + " has no unit (expected a number per second, e.g. 20000/s)");
    }
    if (!unit.equals("/s")) {
      throw new IllegalArgumentException(
          "unknown unit " + ScenarioText.quote(unit) + " in rate " + shown + " (expected /s)");
    }
    if (!m.group(1).isEmpty()) {
      throw new IllegalArgumentException("negative rate " + shown);
    }
    BigDecimal rate = decimal(m.group(2));
    // Compared exactly before the conversion: 400 digits would become Infinity as a double.
    if (rate.compareTo(MAX_RATE) > 0) {
      throw new IllegalArgumentException(
          "rate " + shown + " is above the limit of " + MAX_RATE + "/s");
    }
    return rate.doubleValue();
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

  /**
   * Reads {@code digits} ({@code 12.50}) in time linear in its length: {@link BigDecimal} reads a
   * long digit string in quadratic time (200,000 digits took 2 s, 1,000,000 took 33 s). Leading and
   * trailing zeros are dropped; more than {@link #KEPT_DIGITS} digits before the point give a value
   * above every limit, and a fraction longer than that is cut with a 1 appended, so it stays
   * non-zero past the ninth decimal and the "whole number of nanoseconds" check still fails.
   *
   * @return the value, exact up to {@link #KEPT_DIGITS} digits on either side of the point
   */
  private static BigDecimal decimal(String digits) {
    int dot = digits.indexOf('.');
    int wholeEnd = dot < 0 ? digits.length() : dot;
    int wholeStart = 0;
    while (wholeStart < wholeEnd && digits.charAt(wholeStart) == '0') {
      wholeStart++;
    }
    if (wholeEnd - wholeStart > KEPT_DIGITS) {
      return BigDecimal.TEN.pow(KEPT_DIGITS);
    }
    int fracEnd = digits.length();
    while (dot >= 0 && fracEnd > dot + 1 && digits.charAt(fracEnd - 1) == '0') {
      fracEnd--;
    }
    String whole = wholeStart == wholeEnd ? "0" : digits.substring(wholeStart, wholeEnd);
    if (dot < 0 || fracEnd == dot + 1) {
      return new BigDecimal(whole);
    }
    String fraction = digits.substring(dot + 1, Math.min(fracEnd, dot + 1 + KEPT_DIGITS));
    return new BigDecimal(whole + "." + fraction + (fracEnd > dot + 1 + KEPT_DIGITS ? "1" : ""));
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
