package dpcsim.cli;

import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioSets;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sweep --over PATH=VALUES}: the field and its values. VALUES is a range of integers ({@code
 * 0..3}), a range of numbers with a unit in N even steps ({@code 10000/s..40000/s:4}, {@code
 * 5us..50us:10}), or a list ({@code 0,2,3} or {@code low,medium,high}; commas inside [] or {}
 * belong to the value).
 */
record SweepValues(String path, List<String> values) {
  /** The most points a sweep runs. */
  static final int MAX_POINTS = 1000;

  private static final Pattern INT_RANGE = Pattern.compile("(-?[0-9]{1,9})\\.\\.(-?[0-9]{1,9})");
  private static final Pattern STEPS =
      Pattern.compile(
          "(-?[0-9]+(?:\\.[0-9]+)?)([A-Za-z/%]*)\\.\\.(-?[0-9]+(?:\\.[0-9]+)?)([A-Za-z/%]*):([0-9]{1,4})");

  /**
   * @throws UserError naming --over if the path or the values are malformed
   */
  static SweepValues parse(String over) {
    String path;
    try {
      path = ScenarioSets.path(over);
    } catch (ScenarioException e) {
      throw new UserError(
          "--over " + over + ": " + e.detail().replace("PATH=VALUE", "PATH=VALUES"));
    }
    String spec = over.substring(path.length() + 1).strip();
    List<String> values = values(over, spec);
    if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
      throw new UserError("--over " + over + ": an empty value in " + spec);
    }
    if (values.size() > MAX_POINTS) {
      throw new UserError(
          "--over " + over + ": " + values.size() + " points, at most " + MAX_POINTS);
    }
    return new SweepValues(path, values);
  }

  private static List<String> values(String over, String spec) {
    Matcher r = INT_RANGE.matcher(spec);
    if (r.matches()) {
      long lo = Long.parseLong(r.group(1));
      long hi = Long.parseLong(r.group(2));
      if (hi < lo) {
        throw new UserError("--over " + over + ": the range ends before it starts");
      }
      if (hi - lo + 1 > MAX_POINTS) {
        throw new UserError(
            "--over " + over + ": " + (hi - lo + 1) + " points, at most " + MAX_POINTS);
      }
      List<String> out = new ArrayList<>();
      for (long v = lo; v <= hi; v++) {
        out.add(Long.toString(v));
      }
      return out;
    }
    Matcher s = STEPS.matcher(spec);
    if (s.matches()) {
      if (!s.group(2).equals(s.group(4))) {
        throw new UserError(
            "--over "
                + over
                + ": both ends need the same unit ('"
                + s.group(2)
                + "' and '"
                + s.group(4)
                + "')");
      }
      int n = Integer.parseInt(s.group(5));
      if (n < 2 || n > MAX_POINTS) {
        throw new UserError(
            "--over " + over + ": " + n + " steps (a range takes 2.." + MAX_POINTS + ")");
      }
      BigDecimal lo = new BigDecimal(s.group(1));
      BigDecimal hi = new BigDecimal(s.group(3));
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        BigDecimal v =
            lo.add(
                hi.subtract(lo)
                    .multiply(BigDecimal.valueOf(i))
                    .divide(BigDecimal.valueOf(n - 1), MathContext.DECIMAL64));
        out.add(v.round(new MathContext(9)).stripTrailingZeros().toPlainString() + s.group(2));
      }
      return out;
    }
    if (spec.contains("..")) {
      throw new UserError(
          "--over "
              + over
              + ": a range is A..B (integers) or A..B:N (N steps, e.g. 10000/s..40000/s:4)");
    }
    return split(spec);
  }

  /** Splits at commas outside [] and {}. */
  private static List<String> split(String spec) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(spec.substring(start, i).strip());
        start = i + 1;
      }
    }
    out.add(spec.substring(start).strip());
    return out;
  }
}
