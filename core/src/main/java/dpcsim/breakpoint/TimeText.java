package dpcsim.breakpoint;

import dpcsim.scenario.Durations;

/** Simulated times as the prompt prints them: {@code 120us (120000 ns)}. */
public final class TimeText {
  private TimeText() {}

  public static String of(long ns) {
    return Durations.format(ns) + " (" + ns + " ns)";
  }
}
