package dpcsim.scenario;

/**
 * Text from a scenario (names, values, keys) and from the command line (paths), shown to a human:
 * on a terminal, in an error line, in the HTML report or in Perfetto. Such text is data, so it must
 * never act as terminal control or forge a line: {@link #escape} writes every control character
 * visibly ({@code \e}, {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}), and {@link
 * #quote} also shortens a long value, so an error quotes at most {@link
 * ScenarioLimits#QUOTED_CHARS} characters of it. Machine-read output (the JSON Lines trace, {@code
 * --json}) keeps its own JSON escaping instead.
 */
public final class ScenarioText {
  private ScenarioText() {}

  /**
   * @return {@code s} with every C0 and C1 control character, DEL, the Unicode line and paragraph
   *     separators and the bidirectional overrides (which reorder what a terminal shows) written as
   *     an escape; other text is unchanged, so escaping twice gives the same as once
   */
  public static String escape(String s) {
    int first = firstToEscape(s);
    if (first < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!needsEscape(c)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '\u001b' -> out.append("\\e");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /**
   * @return {@code 'value'}, escaped; a value longer than {@link ScenarioLimits#QUOTED_CHARS}
   *     characters keeps its start and says how long it was: {@code '99999...' (200002 characters)}
   */
  public static String quote(String value) {
    return shown(value, "'");
  }

  /**
   * @return {@code value} as {@link #quote} shows it but without the quotes, for a number written
   *     after "found" ({@code 99999... (200002 characters)})
   */
  public static String bare(String value) {
    return shown(value, "");
  }

  private static String shown(String value, String mark) {
    int length = value.codePointCount(0, value.length());
    if (length <= ScenarioLimits.QUOTED_CHARS) {
      return mark + escape(value) + mark;
    }
    int end = value.offsetByCodePoints(0, ScenarioLimits.QUOTED_CHARS - 3);
    return mark + escape(value.substring(0, end)) + "..." + mark + " (" + length + " characters)";
  }

  /**
   * @return {@code s} cut to at most {@code max} characters (ending in {@code ...} when cut), then
   *     escaped: for text that is not one quoted value, such as a field path
   */
  public static String shorten(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return escape(s);
    }
    return escape(s.substring(0, s.offsetByCodePoints(0, max - 3))) + "...";
  }

  private static int firstToEscape(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (needsEscape(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean needsEscape(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
