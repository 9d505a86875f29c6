package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.Runs;
import dpcsim.trace.TraceEvent.Watchdog;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DPC watchdog, R-29. */
class WatchdogTest {
  private static final String SINGLE =
      """
      profile: %s
      processors: 1
      duration: 200ms
      clock: { tick: 10ms }
      watchdog: { single: 2, cumulative: 100, action: %s }
      dpcs:
        slow: { routine: { duration: 45ms } }
      script:
        - { at: 1ms, cpu: 0, do: insert, dpc: slow }
      """;

  @Test
  @DisplayName("R-29: a DPC running through 3 ticks with a limit of 2 raises 0x133 (0, 3, 2)")
  void singleLimit() {
    Runs sim = Runs.of(SINGLE.formatted("win10", "record")).run();
    List<Watchdog> v = sim.events(Watchdog.class);
    assertEquals(1, v.size(), sim.dump());
    assertEquals(30_000_000, v.get(0).t());
    assertEquals(0x133, v.get(0).code());
    assertEquals(List.of(0L, 3L, 2L), List.of(v.get(0).p1(), v.get(0).p2(), v.get(0).p3()));
  }

  @Test
  @DisplayName("R-29/P: profiles without the watchdog record nothing")
  void noWatchdogInWs03() {
    Runs sim = Runs.of(SINGLE.formatted("ws03", "record")).run();
    assertTrue(sim.events(Watchdog.class).isEmpty());
  }

  @Test
  @DisplayName("R-29: action stop ends the run at the violation")
  void stopAction() {
    Runs sim = Runs.of(SINGLE.formatted("win10", "stop")).run();
    assertEquals(30_000_000, sim.trace.get(sim.trace.size() - 1).t(), sim.dump());
    assertTrue(sim.cpus[0].stopRequested());
  }

  @Test
  @DisplayName(
      "R-29: ticks at >= DISPATCH accumulate; one tick below resets; reaching the period fires")
  void cumulativeLimit() {
    Runs sim =
        Runs.of(
                """
                profile: win10
                processors: 1
                duration: 200ms
                clock: { tick: 10ms }
                watchdog: { single: 100, cumulative: 5 }
                script:
                  - { at: 5ms,  cpu: 0, do: raiseIrql, level: DISPATCH }
                  - { at: 35ms, cpu: 0, do: lowerIrql, level: PASSIVE }
                  - { at: 45ms, cpu: 0, do: raiseIrql, level: DISPATCH }
                """)
            .run();
    // 10, 20, 30 ms count 3; 40 ms is below DISPATCH and resets; 50..90 ms reach 5. After a
    // recorded violation the counter restarts from 0, so the next ones come 5 ticks later.
    List<Watchdog> v = sim.events(Watchdog.class);
    assertEquals(
        List.of(90_000_000L, 140_000_000L, 190_000_000L),
        v.stream().map(Watchdog::t).toList(),
        sim.dump());
    assertEquals(List.of(1L, 5L, 0L), List.of(v.get(0).p1(), v.get(0).p2(), v.get(0).p3()));
  }
}
