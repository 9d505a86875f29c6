package dpcsim.debug;

import dpcsim.scenario.Durations;

/** Simulated times as the prompt prints them: {@code 120us (120000 ns)}. */
final class TimeText {
  private TimeText() {}

  static String of(long ns) {
    return Durations.format(ns) + " (" + ns + " ns)";
  }
}
