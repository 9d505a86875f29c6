package dpcsim.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a small tree as scenario YAML: {@link Map}s (keys in iteration order) and {@link List}s,
 * with {@link String}s (names and other text), {@link Plain} values (durations, rates, numbers as
 * written), {@link Integer}s, {@link Long}s, {@link Boolean}s and null as leaves. Short collections
 * come out in flow style ({@code { exp: 20us }}), as the documentation writes them.
 *
 * <p>Strings are quoted unless they are plain identifiers, so that a name such as {@code yes},
 * {@code null} or {@code x[0]} reads back as the same text. {@link Plain} values are written bare
 * when YAML keeps them as written, so {@code 20} reads back as the number a file would hold there
 * (and the loader gives a file's message about it, "has no unit").
 */
public final class YamlText {
  /** Lines up to this long keep a collection in flow style. */
  private static final int FLOW_WIDTH = 100;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
  private static final Pattern NUMBER_KEY = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern PLAIN = Pattern.compile("(-?[0-9]|[A-Za-z_.+])[A-Za-z0-9_.+/\\-]*");

  /** Words YAML 1.1 reads as booleans or null: written as strings, they must be quoted. */
  private static final Set<String> RESERVED =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  /** A value written as is when YAML reads it back as the same text (a duration, a rate). */
  public record Plain(String text) {}

  private YamlText() {}

  /**
   * @return a fraction as the loader reads it back to the same double ({@code 0.3}, {@code 1.0E-5})
   */
  public static Plain fraction(double f) {
    return new Plain(Double.toString(f));
  }

  /**
   * @return a rate per second ({@code 20000/s}): the shortest decimal that reads back as the same
   *     double, without an exponent (rates take none); NaN and infinities as Java spells them, for
   *     the loader to refuse
   */
  public static Plain rate(double perSecond) {
    if (!Double.isFinite(perSecond)) {
      return new Plain(perSecond + "/s");
    }
    return new Plain(BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString() + "/s");
  }

  /**
   * @return an unsigned 64-bit value ({@code args}) in hexadecimal, as scenario files write them
   */
  public static Plain unsigned(long bits) {
    return new Plain("0x" + Long.toHexString(bits));
  }

  /**
   * @return {@code root} as a block mapping, one line per top-level key, ending in a newline
   */
  public static String write(Map<String, ?> root) {
    StringBuilder out = new StringBuilder();
    blockMapping(root, 0, "", out);
    return out.toString();
  }

  private static void blockMapping(
      Map<String, ?> map, int indent, String firstPrefix, StringBuilder out) {
    String pad = " ".repeat(indent);
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      String start = (first ? firstPrefix : pad) + key(e.getKey()) + ":";
      first = false;
      Object v = e.getValue();
      if (isCollection(v) && !isEmpty(v)) {
        String flow = flow(v);
        // Top-level sections of entries (dpcs, devices, script) read best one entry a line.
        boolean nested = indent == 0 && holdsCollections(v);
        if (!nested && start.length() + 1 + flow.length() <= FLOW_WIDTH) {
          out.append(start).append(' ').append(flow).append('\n');
        } else {
          out.append(start).append('\n');
          block(v, indent + 2, out);
        }
      } else {
        out.append(start).append(' ').append(flow(v)).append('\n');
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void block(Object v, int indent, StringBuilder out) {
    if (v instanceof Map<?, ?> m) {
      blockMapping((Map<String, ?>) m, indent, " ".repeat(indent), out);
      return;
    }
    String pad = " ".repeat(indent);
    for (Object item : (List<?>) v) {
      String flow = flow(item);
      if (!isCollection(item) || isEmpty(item) || indent + 2 + flow.length() <= FLOW_WIDTH) {
        out.append(pad).append("- ").append(flow).append('\n');
      } else if (item instanceof Map<?, ?> m) {
        // "- first: ..." then the other keys under it, as a person would write a script entry.
        blockMapping((Map<String, ?>) m, indent + 2, pad + "- ", out);
      } else {
        out.append(pad).append("-\n");
        block(item, indent + 2, out);
      }
    }
  }

  private static boolean holdsCollections(Object v) {
    Iterable<?> items = v instanceof Map<?, ?> m ? m.values() : (List<?>) v;
    for (Object item : items) {
      if (isCollection(item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCollection(Object v) {
    return v instanceof Map<?, ?> || v instanceof List<?>;
  }

  private static boolean isEmpty(Object v) {
    return v instanceof Map<?, ?> m ? m.isEmpty() : ((List<?>) v).isEmpty();
  }

  /**
   * @return {@code v} on one line: a scalar, or a flow collection
   */
  private static String flow(Object v) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return "{}";
      }
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        parts.add(key((String) e.getKey()) + ": " + flow(e.getValue()));
      }
      return "{ " + String.join(", ", parts) + " }";
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object item : l) {
        parts.add(flow(item));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return scalar(v);
  }

  private static String scalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    if (v instanceof Plain p) {
      return plainSafe(p.text()) ? p.text() : quoted(p.text());
    }
    if (v instanceof String s) {
      return IDENTIFIER.matcher(s).matches() && !reserved(s) ? s : quoted(s);
    }
    throw new IllegalArgumentException("not a YAML value: " + v.getClass().getName());
  }

  private static String key(String k) {
    return NUMBER_KEY.matcher(k).matches() ? k : scalar(k);
  }

  private static boolean plainSafe(String s) {
    return PLAIN.matcher(s).matches() && !reserved(s);
  }

  private static boolean reserved(String s) {
    return RESERVED.contains(s.toLowerCase(Locale.ROOT));
  }

  /**
   * @return {@code s} as a YAML double-quoted scalar; control and other invisible characters as
   *     escapes, since the loader refuses them raw
   */
  static String quoted(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i)); // a pair is one printable code point
          } else if (c < 0x20
              || (c >= 0x7f && c <= 0x9f)
              || c == '\u2028'
              || c == '\u2029'
              || c == '\ufeff'
              || c >= '\ufffe'
              || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
