package dpcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Durations: exact duration and rate spellings")
class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "15.625ms, 15625000",
    "2us, 2000",
    "200ns, 200",
    "2s, 2000000000",
    "0us, 0",
    "0.5us, 500",
    "1.000000001s, 1000000001",
    "86400s, 86400000000000",
    "00000000000000000000000000000000000000002us, 2000",
    "2.000000000000000000000000000000000000000us, 2000"
  })
  @DisplayName("parses each unit exactly")
  void parsesUnits(String text, long ns) {
    assertEquals(ns, Durations.parse(text));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5|has no unit",
        "5m|unknown unit 'm'",
        "5 min|unknown unit 'min'",
        "-5us|negative duration",
        "0.5ns|not a whole number of nanoseconds",
        "1.0000000001s|not a whole number of nanoseconds",
        "9223372036854775808ns|longer than a day",
        "86400.000000001s|longer than a day",
        "86400000000001ns|longer than a day",
        "0.0000000000000000000000000000000000000001s|not a whole number of nanoseconds",
        "fast|is not a duration",
        "1e3us|is not a duration"
      })
  @DisplayName("rejects bad spellings with a reason")
  void rejects(String text, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @ParameterizedTest(name = "{0} ns -> {1}")
  @CsvSource({
    "15625000, 15.625ms",
    "2000, 2us",
    "200, 200ns",
    "1500000000, 1.5s",
    "0, 0ns",
    "1001, 1.001us",
    "-2000, -2us"
  })
  @DisplayName("formats in the largest unit that keeps the value >= 1")
  void formats(long ns, String text) {
    assertEquals(text, Durations.format(ns));
  }

  @Test
  @DisplayName("rates: N/s per second, unit required")
  void rates() {
    assertEquals(20000.0, Durations.parseRate("20000/s"));
    assertEquals(0.5, Durations.parseRate("0.5/s"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Durations.parseRate("20000"))
            .getMessage()
            .contains("has no unit"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Durations.parseRate("20/ms"))
            .getMessage()
            .contains("unknown unit '/ms'"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Durations.parseRate("-1/s"))
            .getMessage()
            .contains("negative rate"));
  }

  @Test
  @DisplayName("rates are at most 1e9/s, however many digits they are written with")
  void rateLimit() {
    assertEquals(1e9, Durations.parseRate("1000000000/s"));
    assertEquals(1e9, Durations.parseRate("0001000000000.000/s"));
    for (String tooHigh : List.of("1000000000.5/s", "1000000001/s", "9".repeat(400) + "/s")) {
      String message =
          assertThrows(IllegalArgumentException.class, () -> Durations.parseRate(tooHigh))
              .getMessage();
      assertTrue(message.contains("is above the limit of 1000000000/s"), message);
      assertTrue(message.length() < 200, message);
    }
  }

  @Test
  @DisplayName("a 200,000-digit duration is refused at once, quoting 80 characters of it")
  void hugeDuration() {
    String text = "9".repeat(200_000) + "s";
    String message =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text)).getMessage();
    assertEquals(
        "duration '"
            + "9".repeat(77)
            + "...' (200001 characters) is longer than a day (at most"
            + " 86400s of simulated time)",
        message);
  }
}
