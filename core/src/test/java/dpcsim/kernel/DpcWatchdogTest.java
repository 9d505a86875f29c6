package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DPC watchdog's counting, called directly; WatchdogTest runs it in whole runs. */
class DpcWatchdogTest {
  private static Kprcb prcb(long limit, long period) {
    Kprcb p = Fixtures.prcb(0);
    p.dpcTimeLimit = limit;
    p.dpcWatchdogPeriod = period;
    return p;
  }

  @Test
  @DisplayName(
      "R-29: the single-DPC count exceeding the limit raises (0, count, limit), then restarts")
  void single() {
    Kprcb p = prcb(2, 100);
    assertEquals(0, DpcWatchdog.tick(p, true, true).length);
    assertEquals(0, DpcWatchdog.tick(p, true, true).length);
    assertArrayEquals(
        new DpcWatchdog.Violation[] {new DpcWatchdog.Violation(0, 3, 2)},
        DpcWatchdog.tick(p, true, true));
    assertEquals(0, p.dpcTimeCount());
  }

  @Test
  @DisplayName("R-29: every routine call restarts the single-DPC count")
  void routineCallRestarts() {
    Kprcb p = prcb(2, 100);
    DpcWatchdog.tick(p, true, true);
    DpcWatchdog.tick(p, true, true);
    DpcWatchdog.routineCalled(p);
    assertEquals(0, DpcWatchdog.tick(p, true, true).length);
    assertEquals(1, p.dpcTimeCount());
  }

  @Test
  @DisplayName("R-29: the cumulative count reaching the period raises (1, period, 0); below resets")
  void cumulative() {
    Kprcb p = prcb(100, 3);
    DpcWatchdog.tick(p, false, true);
    DpcWatchdog.tick(p, false, false);
    assertEquals(0, p.dpcWatchdogCount(), "a tick below DISPATCH resets it");
    DpcWatchdog.tick(p, false, true);
    DpcWatchdog.tick(p, false, true);
    assertArrayEquals(
        new DpcWatchdog.Violation[] {new DpcWatchdog.Violation(1, 3, 0)},
        DpcWatchdog.tick(p, false, true));
    assertEquals(0, p.dpcWatchdogCount());
  }
}
