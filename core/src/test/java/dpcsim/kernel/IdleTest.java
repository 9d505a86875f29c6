package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.Runs;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.Idle;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The idle loop and idle-halt. */
class IdleTest {

  @Test
  @DisplayName("R-30/R-31: an idle processor retires a deferred Low DPC at once")
  void idleLoopRetiresLowAtOnce() {
    Runs sim =
        Runs.of(
                """
                processors: 1
                duration: 1ms
                clock: { tick: 100us }
                dpcs:
                  med: { routine: { duration: 100ns } }
                  low: { importance: low, routine: { duration: 1us } }
                script:
                  - { at: 10us, cpu: 0, do: insert, dpc: med }
                  - { at: 11us, cpu: 0, do: insert, dpc: med }
                  - { at: 12us, cpu: 0, do: insert, dpc: med }
                  - { at: 13us, cpu: 0, do: insert, dpc: med }
                  - { at: 14us, cpu: 0, do: insert, dpc: med }
                  - { at: 15us, cpu: 0, do: insert, dpc: med }
                  - { at: 150us, cpu: 0, do: insert, dpc: low }
                """)
            .run();
    // The rate (3 after the first tick) makes the Low insert request nothing ...
    assertTrue(sim.events(DpcInterruptRequest.class, e -> e.t() == 150_000).isEmpty(), sim.dump());
    // ... but the idle loop polls its queue: the DPC runs immediately.
    assertEquals(150_000, sim.events(DpcStart.class, e -> e.dpc().equals("low")).get(0).t());
  }

  @Test
  @DisplayName("R-30: idle processors enter the idle summary at boot and halt after haltAfter")
  void haltAfterIdleTime() {
    Runs sim =
        Runs.of(
                """
                processors: 2
                duration: 1ms
                idle: { haltAfter: 100us }
                load: { cpus: { 1: 1.0 } }
                """)
            .run();
    List<Idle> cpu0 = sim.events(Idle.class, e -> e.cpu() == 0);
    assertEquals(0, cpu0.get(0).t());
    assertTrue(cpu0.get(0).on());
    assertFalse(cpu0.get(0).halted());
    assertEquals(100_000, cpu0.get(1).t());
    assertTrue(cpu0.get(1).halted());
    assertTrue(sim.events(Idle.class, e -> e.cpu() == 1).isEmpty(), "CPU 1 is never idle");
    assertTrue(sim.cpus[0].halted());
    assertTrue(sim.cpus[0].idleSummary());
    assertFalse(sim.cpus[1].idleSummary());
  }

  @Test
  @DisplayName("R-30: raising IRQL on an idle processor makes it busy until it lowers to PASSIVE")
  void raiseIrqlMakesBusy() {
    Runs sim =
        Runs.of(
                """
                processors: 1
                duration: 100us
                script:
                  - { at: 10us, cpu: 0, do: raiseIrql, level: DISPATCH }
                  - { at: 20us, cpu: 0, do: lowerIrql, level: PASSIVE }
                """)
            .run();
    assertEquals(
        List.of(0L, 10_000L, 20_000L),
        sim.events(Idle.class).stream().map(Idle::t).toList(),
        sim.dump());
    assertEquals(
        List.of(true, false, true), sim.events(Idle.class).stream().map(Idle::on).toList());
  }

  @Test
  @DisplayName("R-30: the halt script action halts an idle processor; a tick wakes it")
  void haltActionAndTickWake() {
    Runs sim =
        Runs.of(
                """
                processors: 1
                duration: 20ms
                script:
                  - { at: 1ms, cpu: 0, do: halt }
                """)
            .run();
    List<Idle> idle = sim.events(Idle.class);
    assertEquals(3, idle.size(), sim.dump());
    assertTrue(idle.get(1).halted());
    assertEquals(1_000_000, idle.get(1).t());
    assertFalse(idle.get(2).halted());
    assertEquals(15_625_000, idle.get(2).t());
  }

  @Test
  @DisplayName("R-30: thread work that ends under a DPC ends when the thread runs again")
  void threadBlocksOnlyWhileRunning() {
    Runs sim =
        Runs.of(
                """
                processors: 1
                duration: 100us
                dpcs:
                  d: { routine: { duration: 20us } }
                script:
                  - { at: 0us, cpu: 0, do: runThread, for: 10us }
                  - { at: 5us, cpu: 0, do: insert, dpc: d }
                """)
            .run();
    List<Idle> idle = sim.events(Idle.class);
    assertEquals(1, idle.size(), sim.dump());
    assertEquals(25_000, idle.get(0).t(), "not at 10us: the thread was preempted by the DPC");
    assertTrue(idle.get(0).on());
  }
}
