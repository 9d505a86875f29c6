package dpcsim.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link YamlNode} together with its field path ({@code dpcs.nicRx.routine.duration}) and source
 * name, so that every typed read can fail with a complete one-line {@link ScenarioException}
 * pointing at the offending text. The readers only ever see cursors.
 */
final class Cursor {
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+");
  private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("\\d+");
  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
  private static final Pattern REAL =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  /** The longest fraction ({@code load}, {@code random}) read: no need for more digits. */
  private static final int FRACTION_CHARS = 64;

  private final String source;
  private final YamlNode node;
  private final String path;

  Cursor(String source, YamlNode node, String path) {
    this.source = source;
    this.node = node;
    this.path = path;
  }

  /**
   * @return {@code path.key}, or {@code key} at the root
   */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * @return {@code path[i]}
   */
  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  String source() {
    return source;
  }

  String path() {
    return path;
  }

  YamlNode node() {
    return node;
  }

  /**
   * @return an error at this node's position and path
   */
  ScenarioException error(String detail) {
    return new ScenarioException(source, node.mark().line(), node.mark().column(), path, detail);
  }

  /**
   * @return true if the value is YAML null ({@code null}, {@code ~} or nothing at all)
   */
  boolean isNull() {
    return node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL;
  }

  /**
   * @return the mapping's keys and values, not yet checked against any allowed set
   */
  Fields mapping() throws ScenarioException {
    if (node instanceof YamlNode.Mapping m) {
      return new Fields(this, m);
    }
    throw error("expected a mapping, found " + node.describe());
  }

  /**
   * @return the mapping, after rejecting any key outside {@code allowed}
   */
  Fields mapping(List<String> allowed) throws ScenarioException {
    Fields fields = mapping();
    fields.allowOnly(allowed);
    return fields;
  }

  /**
   * @return the list's items, each with its indexed path
   */
  List<Cursor> items() throws ScenarioException {
    if (!(node instanceof YamlNode.Sequence s)) {
      throw error("expected a list, found " + node.describe());
    }
    List<Cursor> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      out.add(new Cursor(source, item, index(path, out.size())));
    }
    return out;
  }

  /**
   * @return the text of a non-null scalar (names, enum spellings, numbers before parsing)
   */
  String text() throws ScenarioException {
    if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL) {
      return s.text();
    }
    throw error("expected a value, found " + node.describe());
  }

  /**
   * @return a boolean written as YAML true/false
   */
  boolean bool() throws ScenarioException {
    if (node instanceof YamlNode.Scalar s) {
      if (s.kind() == YamlNode.Kind.TRUE) {
        return true;
      }
      if (s.kind() == YamlNode.Kind.FALSE) {
        return false;
      }
    }
    throw error("expected true or false, found " + node.describe());
  }

  /**
   * @return a duration >= 0 in nanoseconds ({@code 0us} allowed, e.g. a script {@code at})
   */
  long duration() throws ScenarioException {
    if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NUMBER) {
      throw error(
          "duration "
              + ScenarioText.quote(s.text())
              + " has no unit (write it with ns, us, ms or s, e.g. 2us)");
    }
    String text = text();
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  /**
   * @return a duration > 0 in nanoseconds
   */
  long positiveDuration() throws ScenarioException {
    long ns = duration();
    if (ns == 0) {
      throw error("duration must be greater than zero, found " + ScenarioText.quote(text()));
    }
    return ns;
  }

  /**
   * @return a rate > 0 per second, written {@code N/s}
   */
  double positiveRate() throws ScenarioException {
    if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NUMBER) {
      throw error(
          "rate "
              + ScenarioText.quote(s.text())
              + " has no unit (write it per second, e.g. 20000/s)");
    }
    String text = text();
    double rate;
    try {
      rate = Durations.parseRate(text);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
    if (rate <= 0) {
      throw error("rate must be greater than zero, found " + ScenarioText.quote(text));
    }
    return rate;
  }

  /**
   * @return a signed 64-bit integer, decimal or {@code 0x} hex (hex gives the raw bits)
   */
  long integer() throws ScenarioException {
    String text = text();
    try {
      if (DECIMAL.matcher(text).matches()) {
        return Long.parseLong(text);
      }
      if (HEX.matcher(text).matches()) {
        return Long.parseUnsignedLong(text.substring(2), 16);
      }
    } catch (NumberFormatException e) {
      throw error("integer " + ScenarioText.quote(text) + " does not fit in 64 bits");
    }
    throw error("expected an integer (decimal or 0x hex), found " + ScenarioText.quote(text));
  }

  /**
   * @return an integer >= {@code min} that fits in a long
   */
  long integerAtLeast(long min) throws ScenarioException {
    long v = integer();
    if (v < min) {
      throw error("must be at least " + min + ", found " + ScenarioText.bare(text()));
    }
    return v;
  }

  /**
   * @return an unsigned 64-bit integer as its bit pattern, decimal or {@code 0x} hex
   */
  long unsigned64() throws ScenarioException {
    String text = text();
    try {
      if (UNSIGNED_DECIMAL.matcher(text).matches()) {
        return Long.parseUnsignedLong(text);
      }
      if (HEX.matcher(text).matches()) {
        return Long.parseUnsignedLong(text.substring(2), 16);
      }
    } catch (NumberFormatException e) {
      throw error("number " + ScenarioText.quote(text) + " does not fit in 64 bits");
    }
    throw error(
        "expected an unsigned integer (decimal or 0x hex, up to 64 bits), found "
            + ScenarioText.quote(text));
  }

  /**
   * @return a number in [0, 1]
   */
  double fraction() throws ScenarioException {
    String text = text();
    // The length cap keeps BigDecimal's quadratic reading of long digit strings out of reach.
    if (text.length() > FRACTION_CHARS) {
      throw error(
          "a number between 0 and 1 has at most "
              + FRACTION_CHARS
              + " characters, found "
              + ScenarioText.quote(text));
    }
    if (!REAL.matcher(text).matches()) {
      throw error("expected a number between 0 and 1, found " + ScenarioText.quote(text));
    }
    BigDecimal v;
    try {
      v = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw error(
          "expected a number between 0 and 1, found "
              + ScenarioText.quote(text)
              + " (its exponent is out of range)");
    }
    if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
      throw error("fraction " + ScenarioText.bare(text) + " is outside 0..1");
    }
    return v.doubleValue();
  }
}
