package dpcsim.imports;

import java.util.List;

/**
 * The DPC and ISR events of a WPA CSV export, as {@link WpaCsvParser} read them.
 *
 * @param events in the file's order
 */
public record WpaEvents(List<Event> events) {
  public WpaEvents {
    events = List.copyOf(events);
  }

  /**
   * One DPC or ISR call.
   *
   * @param isr true for an ISR (WPA's type {@code Interrupt} or {@code ISR}), false for a DPC
   * @param enterNs and {@code exitNs}: in nanoseconds from the trace's start
   */
  public record Event(
      boolean isr, int cpu, String module, String function, long enterNs, long exitNs) {
    public long durationNs() {
      return exitNs - enterNs;
    }
  }
}
