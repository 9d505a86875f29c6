package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.Runs;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceEvent.DpcEnd;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.IsrEnd;
import dpcsim.trace.TraceEvent.IsrStart;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Interrupt delivery and the retire loop: R-17..R-21. */
class RetireTest {

  @Test
  @DisplayName("R-21: an ISR queues its DPC, which runs after the ISR; a later ISR preempts it")
  void isrQueuedDpcAndPreemption() {
    Runs sim =
        Runs.of(
                """
                processors: 1
                duration: 1ms
                load: { cpus: { 0: 1.0 } }
                dpcs:
                  rx: { routine: { duration: 20us } }
                devices:
                  nic:   { interrupts: { periodic: 100us }, isr: { duration: 2us, then: [ { insert: rx } ] } }
                  other: { interrupts: { periodic: 10s }, isr: { duration: 3us } }
                script:
                  - { at: 110us, cpu: 0, do: interrupt, device: other }
                """)
            .run();
    List<TraceEvent> first =
        sim.trace.stream().filter(e -> e.t() >= 100_000 && e.t() <= 125_000).toList();
    List<String> kinds = first.stream().map(TraceEvent::ev).toList();
    assertEquals(
        List.of(
            "IsrStart",
            "DpcInsert",
            "DpcInterruptRequest",
            "IsrEnd",
            "DpcStart",
            "IsrStart",
            "IsrEnd",
            "DpcEnd"),
        kinds,
        sim.dump());
    assertEquals(102_000, sim.events(DpcStart.class).get(0).t());
    assertEquals(110_000, sim.events(IsrStart.class, e -> e.device().equals("other")).get(0).t());
    assertEquals(113_000, sim.events(IsrEnd.class, e -> e.device().equals("other")).get(0).t());
    assertEquals(125_000, sim.events(DpcEnd.class).get(0).t(), "20us of work + 3us preempted");
  }

  @Test
  @DisplayName(
      "R-20: a routine that queues a local DPC requests no interrupt; it runs in the same pass")
  void samePassChaining() {
    Runs sim =
        Runs.of(
                """
                processors: 1
                duration: 1ms
                load: { cpus: { 0: 1.0 } }
                dpcs:
                  a: { routine: { duration: 5us, then: [ { insert: b } ] } }
                  b: { importance: high, routine: { duration: 5us } }
                script:
                  - { at: 10us, cpu: 0, do: insert, dpc: a }
                """)
            .run();
    assertEquals(1, sim.events(DpcInterruptRequest.class).size(), sim.dump());
    assertEquals(List.of(10_000L, 15_000L), startTimes(sim));
  }

  @Test
  @DisplayName("R-19/R-20: a routine re-inserting its own KDPC gets TRUE (DpcData cleared first)")
  void selfReinsertRunsAgain() {
    Runs sim =
        Runs.of(
                """
                processors: 1
                duration: 50us
                load: { cpus: { 0: 1.0 } }
                dpcs:
                  loop: { routine: { duration: 10us, then: [ { insert: loop } ] } }
                script:
                  - { at: 0us, cpu: 0, do: insert, dpc: loop }
                """)
            .run();
    assertTrue(sim.events(DpcInsert.class).stream().allMatch(DpcInsert::ok), sim.dump());
    assertEquals(List.of(0L, 10_000L, 20_000L, 30_000L, 40_000L, 50_000L), startTimes(sim));
    assertEquals(1, sim.events(DpcInterruptRequest.class).size(), "one pass, one request");
  }

  @Test
  @DisplayName("R-19: DpcRoutineActive is set for the whole pass and cleared at its end")
  void routineActiveDuringPass() {
    Runs sim =
        Runs.of(
            """
            processors: 1
            duration: 100us
            load: { cpus: { 0: 1.0 } }
            dpcs:
              a: { routine: { duration: 10us } }
            script:
              - { at: 0us, cpu: 0, do: insert, dpc: a }
            """);
    sim.runUntil(5_000);
    assertTrue(sim.cpus[0].prcb().dpcRoutineActive());
    assertEquals("DISPATCH", sim.cpus[0].currentIrql().name());
    sim.runUntil(20_000);
    assertTrue(!sim.cpus[0].prcb().dpcRoutineActive());
    assertEquals("PASSIVE", sim.cpus[0].currentIrql().name());
  }

  private static final String REQUEST_WITHOUT_WORK =
      """
      profile: %s
      processors: 1
      duration: 20ms
      load: { cpus: { 0: 1.0 } }
      dpcs:
        x: { routine: { duration: 1us } }
        y: { routine: { duration: 1us } }
      script:
        - { at: 0us, cpu: 0, do: raiseIrql, level: DISPATCH }
        - { at: 1us, cpu: 0, do: insert, dpc: x }
        - { at: 2us, cpu: 0, do: remove, dpc: x }
        - { at: 3us, cpu: 0, do: lowerIrql, level: PASSIVE }
        - { at: 10us, cpu: 0, do: insert, dpc: y }
      """;

  @Test
  @DisplayName("R-18: taking the DISPATCH interrupt clears DpcInterruptRequested (ws03)")
  void softwareInterruptClearsRequest() {
    Runs sim = Runs.of(REQUEST_WITHOUT_WORK.formatted("ws03")).run();
    assertEquals(2, sim.events(DpcInterruptRequest.class).size(), sim.dump());
    assertEquals(10_000, sim.events(DpcStart.class).get(0).t());
  }

  @Test
  @DisplayName("R-18/R-25 reactos: only the retire loop clears it, so y waits for the clock tick")
  void reactosKeepsRequestUntilRetire() {
    Runs sim = Runs.of(REQUEST_WITHOUT_WORK.formatted("reactos")).run();
    List<DpcInterruptRequest> requests = sim.events(DpcInterruptRequest.class);
    assertEquals(2, requests.size(), sim.dump());
    assertEquals("tick", requests.get(1).via(), "R-25 in reactos ignores DpcInterruptRequested");
    assertEquals(15_625_000, sim.events(DpcStart.class).get(0).t());
  }

  private static List<Long> startTimes(Runs sim) {
    return sim.events(DpcStart.class).stream().map(DpcStart::t).toList();
  }
}
