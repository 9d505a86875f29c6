package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.Runs;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.DpcRemove;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.Idle;
import dpcsim.trace.TraceEvent.IpiReceive;
import dpcsim.trace.TraceEvent.IpiSend;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Insertions, removals and flushes that cross processors: R-6, R-14 (remote), R-22, R-23. */
class RemoteTest {

  private static final String FOUR_CPUS =
      """
      profile: %s
      processors: 4
      duration: 20ms
      idle: { haltAfter: 50us }
      load: { cpus: { 0: 1.0, 1: 1.0, 2: 0.0, 3: 0.0 } }
      dpcs:
        toBusy:   { importance: %s, target: 1, routine: { duration: 10us } }
        toIdle:   { importance: %s, target: 2, routine: { duration: 10us } }
        toHalted: { importance: %s, target: 3, routine: { duration: 10us } }
      script:
        - { at: 10us, cpu: 0, do: insert, dpc: toBusy }
        - { at: 20us, cpu: 0, do: insert, dpc: toIdle }
        - { at: 1ms,  cpu: 0, do: insert, dpc: toHalted }
      """;

  private static Runs fourCpus(String profile, String importance) {
    return Runs.of(FOUR_CPUS.formatted(profile, importance, importance, importance)).run();
  }

  @Test
  @DisplayName("R-14 remote: High to a busy target sends an IPI; the insert lands after 200ns")
  void highToBusy() {
    Runs sim = fourCpus("ws03", "high");
    DpcInsert insert = sim.events(DpcInsert.class, e -> e.dpc().equals("toBusy")).get(0);
    assertEquals(10_200, insert.t());
    assertEquals(1, insert.cpu());
    assertEquals(0, insert.by());
    IpiSend send = sim.events(IpiSend.class, e -> e.to() == 1).get(0);
    assertEquals(0, send.cpu(), "the IPI leaves the inserting processor");
    assertEquals(10_200, send.t());
    DpcInterruptRequest req = sim.events(DpcInterruptRequest.class, e -> e.cpu() == 1).get(0);
    assertEquals("ipi", req.via());
    IpiReceive recv = sim.events(IpiReceive.class, e -> e.cpu() == 1).get(0);
    assertEquals(12_200, recv.t(), "IPI latency 2us");
    assertEquals(12_200, sim.events(DpcStart.class, e -> e.cpu() == 1).get(0).t());
  }

  @Test
  @DisplayName("R-14/R-30 remote: High to an idle, non-halted target: no IPI, its idle loop polls")
  void highToIdle() {
    Runs sim = fourCpus("ws03", "high");
    assertTrue(sim.events(IpiSend.class, e -> e.to() == 2).isEmpty(), sim.dump());
    assertTrue(sim.events(DpcInterruptRequest.class, e -> e.cpu() == 2).isEmpty());
    assertEquals(20_200, sim.events(DpcStart.class, e -> e.cpu() == 2).get(0).t());
  }

  @Test
  @DisplayName("R-14/R-30 remote: High to an idle-halted target: the IPI wakes it")
  void highToHalted() {
    Runs sim = fourCpus("ws03", "high");
    Idle halt = sim.events(Idle.class, e -> e.cpu() == 3 && e.halted()).get(0);
    assertEquals(50_000, halt.t(), "idle since boot, halted after haltAfter");
    assertEquals(1, sim.events(IpiSend.class, e -> e.to() == 3).size(), sim.dump());
    Idle wake = sim.events(Idle.class, e -> e.cpu() == 3 && e.t() == 1_002_200).get(0);
    assertTrue(wake.on());
    assertFalse(wake.halted());
    assertEquals(1_002_200, sim.events(DpcStart.class, e -> e.cpu() == 3).get(0).t());
  }

  @Test
  @DisplayName("R-14 remote: Medium below the maximum depth interrupts nobody; the tick does")
  void mediumToBusyWaitsForTick() {
    Runs sim = fourCpus("ws03", "medium");
    assertTrue(sim.events(IpiSend.class, e -> e.to() == 1).isEmpty(), sim.dump());
    DpcStart start = sim.events(DpcStart.class, e -> e.cpu() == 1).get(0);
    assertEquals(15_625_000, start.t(), "R-25: CPU 1's first clock tick retires it");
    // The halted target: Medium, depth 1 < 4, so no IPI either; its next tick wakes it.
    assertTrue(sim.events(IpiSend.class, e -> e.to() == 3).isEmpty());
    assertEquals(15_625_000, sim.events(DpcStart.class, e -> e.cpu() == 3).get(0).t());
  }

  @Test
  @DisplayName("R-14 remote, textbook: Medium interrupts an idle target and not a busy one")
  void textbookRemoteRule() {
    Runs sim = fourCpus("textbook", "medium");
    assertTrue(sim.events(IpiSend.class, e -> e.to() == 1).isEmpty(), sim.dump());
    assertEquals(1, sim.events(IpiSend.class, e -> e.to() == 2).size());
    assertEquals(1, sim.events(IpiSend.class, e -> e.to() == 3).size());
  }

  @Test
  @DisplayName("R-14/R-16 remote: the fourth Medium DPC queued on a busy target sends the IPI")
  void remoteDepthThreshold() {
    Runs sim =
        Runs.of(
                """
                processors: 2
                duration: 1ms
                load: { cpus: { 0: 1.0, 1: 1.0 } }
                dpcs:
                  m1: { target: 1, routine: { duration: 1us } }
                  m2: { target: 1, routine: { duration: 1us } }
                  m3: { target: 1, routine: { duration: 1us } }
                  m4: { target: 1, routine: { duration: 1us } }
                script:
                  - { at: 10us, cpu: 0, do: insert, dpc: m1 }
                  - { at: 11us, cpu: 0, do: insert, dpc: m2 }
                  - { at: 12us, cpu: 0, do: insert, dpc: m3 }
                  - { at: 13us, cpu: 0, do: insert, dpc: m4 }
                """)
            .run();
    List<IpiSend> sends = sim.events(IpiSend.class);
    assertEquals(1, sends.size(), sim.dump());
    assertEquals(13_200, sends.get(0).t());
    assertEquals(List.of("m1", "m2", "m3", "m4"), sim.startOrder(1));
    assertEquals(15_200, sim.events(DpcStart.class).get(0).t());
  }

  private static final String MEDIUM_HIGH =
      """
      profile: %s
      processors: 2
      duration: 1ms
      load: { cpus: { 0: 1.0, 1: 1.0 } }
      dpcs:
        mh: { importance: mediumHigh, target: 1, routine: { duration: 1us } }
      script:
        - { at: 10us, cpu: 0, do: insert, dpc: mh }
      """;

  @Test
  @DisplayName("R-4/P: MediumHigh is Medium in ws03 (no IPI) and High for the decision in win10")
  void mediumHighByProfile() {
    Runs ws03 = Runs.of(MEDIUM_HIGH.formatted("ws03")).run();
    assertTrue(ws03.events(IpiSend.class).isEmpty(), ws03.dump());
    assertEquals("tail", ws03.events(DpcInsert.class).get(0).pos());
    Runs win10 = Runs.of(MEDIUM_HIGH.formatted("win10")).run();
    assertEquals(1, win10.events(IpiSend.class).size(), win10.dump());
    assertEquals("tail", win10.events(DpcInsert.class).get(0).pos(), "tail position in win10");
  }

  private static final String QUEUED_ON_BUSY_1 =
      """
      processors: 3
      duration: 20ms
      load: { cpus: { 0: 1.0, 1: 1.0, 2: 1.0 } }
      dpcs:
        x: { importance: low, target: 1, routine: { duration: 5us } }
      script:
        - { at: 10us, cpu: 0, do: insert, dpc: x }
      """;

  @Test
  @DisplayName("R-6: retargeting a queued DPC does not move it; the next insertion goes there")
  void retargetQueued() {
    Runs sim =
        Runs.of(
                QUEUED_ON_BUSY_1.replace("duration: 20ms", "duration: 40ms")
                    + """
                      - { at: 20us, cpu: 0, do: setTarget, dpc: x, target: 2 }
                      - { at: 16ms, cpu: 0, do: insert, dpc: x }
                    """)
            .run();
    List<DpcStart> starts = sim.events(DpcStart.class);
    assertEquals(2, starts.size(), sim.dump());
    assertEquals(1, starts.get(0).cpu(), "the queued DPC stays on CPU 1");
    assertEquals(15_625_000, starts.get(0).t());
    assertEquals(2, starts.get(1).cpu(), "the next insertion uses the new target");
    assertEquals(31_250_000, starts.get(1).t(), "Low on busy CPU 2: its second tick (R-25)");
    assertEquals(64 + 2, sim.dpc("x").number(), "Number = target + bias (x64: 64)");
  }

  @Test
  @DisplayName("R-22: removing a DPC queued on another processor unlinks it there")
  void remoteRemove() {
    Runs sim = Runs.of(QUEUED_ON_BUSY_1 + "  - { at: 30us, cpu: 0, do: remove, dpc: x }\n").run();
    DpcRemove remove = sim.events(DpcRemove.class).get(0);
    assertTrue(remove.ok());
    assertEquals(1, remove.cpu());
    assertEquals(0, remove.by());
    assertEquals(30_200, remove.t());
    assertTrue(sim.events(DpcStart.class).isEmpty(), sim.dump());
    assertEquals(0, sim.cpus[1].prcb().normal().depth());
    assertEquals(1, sim.cpus[1].prcb().normal().count(), "DpcCount is not decremented");
    assertFalse(sim.dpc("x").inserted());
  }

  @Test
  @DisplayName("R-22: removing a DPC that is not queued returns FALSE where it is called")
  void removeNotQueued() {
    Runs sim = Runs.of(QUEUED_ON_BUSY_1 + "  - { at: 5us, cpu: 2, do: remove, dpc: x }\n").run();
    DpcRemove remove = sim.events(DpcRemove.class).get(0);
    assertFalse(remove.ok());
    assertEquals(2, remove.cpu());
    assertEquals(5_000, remove.t());
  }

  @Test
  @DisplayName("R-23: a flush forces the deferred Low DPC on another processor to run")
  void flushRunsDeferredDpc() {
    Runs sim = Runs.of(QUEUED_ON_BUSY_1 + "  - { at: 50us, cpu: 0, do: flush }\n").run();
    DpcInterruptRequest req =
        sim.events(DpcInterruptRequest.class, e -> e.via().equals("flush")).get(0);
    assertEquals(1, req.cpu());
    assertEquals(0, req.by());
    assertEquals(50_200, req.t());
    assertEquals(0, sim.events(IpiSend.class).get(0).cpu());
    // Only the processor with queued DPCs is interrupted.
    assertEquals(1, sim.events(IpiSend.class).size(), sim.dump());
    assertEquals(52_200, sim.events(DpcStart.class).get(0).t());
  }
}
