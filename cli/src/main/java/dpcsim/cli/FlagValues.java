package dpcsim.cli;

import dpcsim.scenario.Durations;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of flag values shared by the commands; a bad value is a {@link UserError}. */
final class FlagValues {
  private static final Pattern MINUTES_OR_HOURS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([mh])");

  private FlagValues() {}

  /**
   * A wall-clock time: a duration as in scenarios, or minutes and hours ({@code 2m}, {@code 1.5h}),
   * which a wall-time limit needs and a simulated time never does.
   *
   * @return {@code text} as nanoseconds, which must be more than zero
   * @throws UserError naming {@code flag} otherwise
   */
  static long wallDuration(String flag, String text) {
    Matcher m = MINUTES_OR_HOURS.matcher(text.strip());
    String scenarioSpelling =
        m.matches()
            ? new BigDecimal(m.group(1))
                    .multiply(BigDecimal.valueOf(m.group(2).equals("h") ? 3600 : 60))
                    .toPlainString()
                + "s"
            : text;
    long ns;
    try {
      ns = Durations.parse(scenarioSpelling);
    } catch (IllegalArgumentException e) {
      throw new UserError(
          flag
              + ": '"
              + text
              + "' is not a wall time (expected a number and a unit, ms, s, m or h: 30s, 2m)");
    }
    if (ns <= 0) {
      throw new UserError(flag + ": must be greater than zero, got '" + text + "'");
    }
    return ns;
  }

  /**
   * @return {@code text} as nanoseconds, which must be more than zero
   * @throws UserError naming {@code flag} otherwise
   */
  static long positiveDuration(String flag, String text) {
    long ns;
    try {
      ns = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError(flag + ": " + e.getMessage());
    }
    if (ns <= 0) {
      throw new UserError(flag + ": must be greater than zero, got '" + text + "'");
    }
    return ns;
  }

  /**
   * Checks that {@code address} is a dpcsim node address, {@code pekko://dpcsim@HOST:PORT}.
   *
   * @throws UserError naming {@code flag} otherwise
   */
  static void nodeAddress(String flag, String address) {
    if (!address.matches("pekko://dpcsim@[^:/]+:\\d+")) {
      throw new UserError(
          flag + ": '" + address + "' is not a node address (expected pekko://dpcsim@HOST:PORT)");
    }
  }
}
