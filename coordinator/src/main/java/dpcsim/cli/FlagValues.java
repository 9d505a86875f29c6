package dpcsim.cli;

import dpcsim.scenario.Durations;

/** Parsing of flag values shared by the commands; a bad value is a {@link UserError}. */
final class FlagValues {
  private FlagValues() {}

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
