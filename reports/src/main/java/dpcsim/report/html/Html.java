package dpcsim.report.html;

import dpcsim.scenario.ScenarioText;

/**
 * Text helpers for the report. Everything it writes is also well-formed XML (only the five XML
 * escapes, every element closed), so tests and tools can parse the whole file with an XML parser.
 */
final class Html {
  private Html() {}

  /**
   * @return {@code s} safe as element text and as a double-quoted attribute value. Control
   *     characters show as escapes ({@code \e}, {@code \n}, {@code \u0001}, see {@link
   *     ScenarioText}): the report's text comes from the scenario, and no generated text has any
   */
  static String esc(String s) {
    String shown = ScenarioText.escape(s);
    StringBuilder out = new StringBuilder(shown.length() + 8);
    for (int i = 0; i < shown.length(); i++) {
      char ch = shown.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * @return an SVG box's geometry as attributes, {@code x="…" y="…" width="…" height="…"} (each
   *     with a leading space), every value written by {@link #xy}
   */
  static String box(double x, double y, double width, double height) {
    return " x=\""
        + xy(x)
        + "\" y=\""
        + xy(y)
        + "\" width=\""
        + xy(width)
        + "\" height=\""
        + xy(height)
        + '"';
  }

  /**
   * @return a coordinate with at most one decimal, e.g. {@code 12.5} or {@code 40}
   */
  static String xy(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : fixed(v, 1);
  }

  /**
   * @return {@code part/whole} in percent with one decimal, without the sign ({@code 0.0} when
   *     {@code whole} is not positive)
   */
  static String pct(long part, long whole) {
    return fixed(whole <= 0 ? 0.0 : 100.0 * part / whole, 1);
  }

  /**
   * @return {@code v} rounded half up to {@code decimals} (1 to 3) decimals, e.g. {@code 0.50};
   *     written by hand because {@code String.format} dominated the time to render a large page
   */
  static String fixed(double v, int decimals) {
    long scale = decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    long n = Math.round(Math.abs(v) * scale);
    String frac = Long.toString(scale + n % scale).substring(1);
    return (v < 0 && n != 0 ? "-" : "") + n / scale + "." + frac;
  }
}
