package dpcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ScenarioText: scenario text shown to a human is data, never terminal control")
class ScenarioTextTest {

  @ParameterizedTest(name = "U+{0} -> {1}")
  @CsvSource({
    "001b, \\e",
    "000a, \\n",
    "000d, \\r",
    "0009, \\t",
    "0000, \\u0000",
    "0007, \\u0007",
    "007f, \\u007f",
    "009b, \\u009b",
    "2028, \\u2028",
    "2029, \\u2029",
    "202e, \\u202e",
    "2066, \\u2066",
    "200f, \\u200f"
  })
  @DisplayName("control, separator and direction characters show as escapes")
  void escapes(String hex, String shown) {
    char c = (char) Integer.parseInt(hex, 16);
    assertEquals("a" + shown + "b", ScenarioText.escape("a" + c + "b"));
  }

  @Test
  @DisplayName("ordinary text, accents, emoji and backslashes are unchanged (the same string)")
  void plain() {
    String text = "nicRx caf\u00e9 \ud83d\ude80 C:\\x\\y 'q' \"d\"";
    assertSame(text, ScenarioText.escape(text));
  }

  @Test
  @DisplayName("a forged error line stays on one line, and escaping twice changes nothing")
  void forgedLine() {
    String forged = "x\ny.yaml:1:1: fake\r\u001b[2K";
    String once = ScenarioText.escape(forged);
    assertEquals("x\\ny.yaml:1:1: fake\\r\\e[2K", once);
    assertEquals(once, ScenarioText.escape(once));
  }

  @Test
  @DisplayName("quote: up to 80 characters in full, else 77 and the length")
  void quote() {
    assertEquals("'abc'", ScenarioText.quote("abc"));
    assertEquals("'a\\eb'", ScenarioText.quote("a\u001bb"));
    String eighty = "7".repeat(80);
    assertEquals("'" + eighty + "'", ScenarioText.quote(eighty));
    String long200k = "9".repeat(200_000);
    String q = ScenarioText.quote(long200k);
    assertEquals("'" + "9".repeat(77) + "...' (200000 characters)", q);
    assertEquals("9".repeat(77) + "... (200000 characters)", ScenarioText.bare(long200k));
  }

  @Test
  @DisplayName("shortening counts code points and never splits a surrogate pair")
  void surrogates() {
    String rockets = "\ud83d\ude80".repeat(100);
    String q = ScenarioText.quote(rockets);
    assertTrue(q.startsWith("'" + "\ud83d\ude80".repeat(77) + "...'"), q);
    assertTrue(q.endsWith("(100 characters)"), q);
    String s = ScenarioText.shorten(rockets, 10);
    assertEquals("\ud83d\ude80".repeat(7) + "...", s);
    assertFalse(Character.isHighSurrogate(s.charAt(s.length() - 4)), s);
  }
}
