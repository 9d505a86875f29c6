package dpcsim.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The x axis of a sweep chart: the swept values in the order given. When every value is a number
 * with the same unit after it ({@code 0}, {@code 2.5}, {@code 10000/s}, {@code 20us}) the axis is
 * numeric, the points placed by value; otherwise ({@code low,medium,high}, or mixed units) it is
 * categorical, one even slot per value.
 *
 * @param values the swept values, as given
 * @param numbers each value's number, or null for a categorical axis
 * @param unit what follows the numbers ({@code /s}, {@code us}; empty for plain numbers or a
 *     categorical axis)
 */
record SweepAxis(List<String> values, double[] numbers, String unit) {
  private static final Pattern NUMBER = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)(\\S*)");

  /** A tick: where it is (0 to 1 along the axis) and its label. */
  record Tick(double at, String label) {}

  static SweepAxis of(List<String> values) {
    double[] numbers = new double[values.size()];
    String unit = null;
    for (int i = 0; i < values.size(); i++) {
      Matcher m = NUMBER.matcher(values.get(i).strip());
      // The unit must not start with a digit or a dot: 1.2.3 is a name, not a number.
      if (!m.matches() || (unit != null && !unit.equals(m.group(2))) || startsNumeric(m.group(2))) {
        return new SweepAxis(List.copyOf(values), null, "");
      }
      unit = m.group(2);
      numbers[i] = Double.parseDouble(m.group(1));
    }
    return new SweepAxis(List.copyOf(values), numbers, unit == null ? "" : unit);
  }

  private static boolean startsNumeric(String unit) {
    return !unit.isEmpty() && (Character.isDigit(unit.charAt(0)) || unit.charAt(0) == '.');
  }

  boolean numeric() {
    return numbers != null;
  }

  /**
   * @return where value {@code i} lies along the axis, 0 to 1: by its number on a numeric axis (a
   *     single value, or all equal, in the middle), by its slot on a categorical one
   */
  double at(int i) {
    int n = values.size();
    if (!numeric()) {
      return (i + 0.5) / n;
    }
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (double v : numbers) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    // A margin of 4% at each end keeps the first and last points off the frame.
    return hi == lo ? 0.5 : 0.04 + 0.92 * (numbers[i] - lo) / (hi - lo);
  }

  /**
   * @param width the axis length in px
   * @return the values as ticks under their points; where labels would overlap (about 6.5 px a
   *     character), only those that fit, the first and the last always
   */
  List<Tick> ticks(double width) {
    List<Integer> order = order();
    int n = order.size();
    List<Tick> out = new ArrayList<>();
    int shown = -1;
    for (int k = 0; k < n; k++) {
      int i = order.get(k);
      boolean fits =
          shown < 0 || k == n - 1 || (clear(shown, i, width) && clear(i, order.get(n - 1), width));
      if (fits) {
        out.add(new Tick(at(i), values.get(i)));
        shown = i;
      }
    }
    return out;
  }

  /**
   * @return the values' indices from left to right: as given on a categorical axis, by number on a
   *     numeric one (a list need not be sorted), equal numbers in the order given
   */
  List<Integer> order() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      out.add(i);
    }
    if (numeric()) {
      out.sort((a, b) -> Double.compare(numbers[a], numbers[b]));
    }
    return out;
  }

  /** True when the labels of values {@code a} and {@code b} do not overlap. */
  private boolean clear(int a, int b, double width) {
    double need = (values.get(a).length() + values.get(b).length()) / 2.0 * 6.5 + 8;
    return (at(b) - at(a)) * width >= need;
  }
}
