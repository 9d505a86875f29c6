package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report's text helpers: XML-safe escaping and hand-written number formats. */
@DisplayName("Html helpers")
class HtmlTest {
  @Test
  @DisplayName("escapes the five XML characters and shows control characters as escapes")
  void escape() {
    assertAll(
        () ->
            assertEquals(
                "a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Html.esc("a<b> & \"c\" 'd'")),
        () -> assertEquals("x\\u0001y\\tz\\n\\e", Html.esc("x\u0001y\tz\n\u001b")),
        () -> assertEquals("caf\u00e9 \u2192", Html.esc("caf\u00e9 \u2192")));
  }

  @Test
  @DisplayName("fixed decimals round half up, as %.Nf does for these values")
  void fixed() {
    assertAll(
        () -> assertEquals("41.1", Html.fixed(41.149, 1)),
        () -> assertEquals("100.0", Html.fixed(100, 1)),
        () -> assertEquals("0.05", Html.fixed(0.049999, 2)),
        () -> assertEquals("1.70", Html.fixed(1.7, 2)),
        () -> assertEquals("0.0", Html.fixed(0, 1)),
        () -> assertEquals("-2.5", Html.fixed(-2.5, 1)),
        () -> assertEquals("12", Html.xy(12.0)),
        () -> assertEquals("12.5", Html.xy(12.5)),
        () -> assertEquals("12.3", Html.xy(12.34)),
        () -> assertEquals("0.0", Html.pct(5, 0)),
        () -> assertEquals("33.3", Html.pct(1, 3)));
  }

  @Test
  @DisplayName("colour scales: pale at the bottom, dark at the top; depths 1-4 a colour each")
  void palette() {
    assertAll(
        () -> assertEquals("#ffd43b", Palette.depth(1, 5)),
        () -> assertEquals("#c92a2a", Palette.depth(5, 5)),
        // Up to 4 levels each keeps its own colour, whatever the run's deepest (issue 21).
        () -> assertEquals("#fcc419", Palette.depth(1, 1)),
        () -> assertEquals("#fcc419", Palette.depth(1, 2)),
        () -> assertEquals("#f76707", Palette.depth(2, 2)),
        () -> assertEquals("#5f1e3c", Palette.depth(4, 4)),
        () -> assertEquals("#a54505", Palette.darker("#f76707")),
        () -> assertEquals("#a5d8ff", Palette.ipis(1, 100)),
        () -> assertEquals("#1864ab", Palette.ipis(100, 100)));
  }
}
