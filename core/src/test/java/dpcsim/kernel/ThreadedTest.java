package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.Runs;
import dpcsim.trace.TraceEvent.DpcEnd;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.Idle;
import dpcsim.trace.TraceEvent.IpiSend;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Threaded DPCs. */
class ThreadedTest {
  private static final String BASE =
      """
      profile: win10
      processors: 2
      duration: 1ms
      load: { cpus: { 0: 1.0, 1: %s } }
      dpcs:
        t1: { threaded: true, routine: { duration: 20us } }
        t2: { threaded: true, routine: { duration: 20us } }
        n:  { routine: { duration: 5us } }
      script:
      """;

  @Test
  @DisplayName("R-15/R-32: the DPC thread drains the threaded list at PASSIVE, in queue order")
  void drainsAtPassive() {
    Runs sim =
        Runs.of(
                BASE.formatted("1.0")
                    + """
                      - { at: 0us, cpu: 0, do: raiseIrql, level: DISPATCH }
                      - { at: 1us, cpu: 0, do: insert, dpc: t1 }
                      - { at: 2us, cpu: 0, do: insert, dpc: t2 }
                      - { at: 5us, cpu: 0, do: lowerIrql, level: PASSIVE }
                    """)
            .run();
    assertEquals(1, sim.events(DpcInterruptRequest.class).size(), "R-15: signalled once");
    List<DpcStart> starts = sim.events(DpcStart.class);
    assertEquals(List.of("t1", "t2"), starts.stream().map(DpcStart::dpc).toList(), sim.dump());
    assertTrue(starts.stream().allMatch(s -> s.irql().equals("PASSIVE")));
    assertEquals(5_000, starts.get(0).t());
    assertEquals(25_000, starts.get(1).t());
    Kprcb p = sim.cpus[0].prcb();
    assertFalse(p.dpcThreadActive());
    assertFalse(p.dpcThreadRequested());
    assertFalse(p.dpcInterruptRequested(), "R-15 never sets DpcInterruptRequested");
  }

  @Test
  @DisplayName("R-21/R-32: a normal DPC preempts the threaded routine, which then finishes later")
  void normalPreemptsThreaded() {
    Runs sim =
        Runs.of(
                BASE.formatted("1.0")
                    + """
                      - { at: 1us, cpu: 0, do: insert, dpc: t1 }
                      - { at: 10us, cpu: 0, do: insert, dpc: n }
                    """)
            .run();
    assertEquals(List.of("t1", "n"), sim.startOrder(0));
    assertEquals(15_000, sim.events(DpcEnd.class, e -> e.dpc().equals("n")).get(0).t());
    assertEquals(26_000, sim.events(DpcEnd.class, e -> e.dpc().equals("t1")).get(0).t());
  }

  @Test
  @DisplayName("R-15/R-32: the DPC thread takes an idle processor out of the idle summary")
  void dpcThreadLeavesIdle() {
    Runs sim =
        Runs.of(BASE.formatted("0.0") + "  - { at: 10us, cpu: 1, do: insert, dpc: t1 }\n").run();
    List<Idle> idle = sim.events(Idle.class, e -> e.cpu() == 1);
    assertEquals(List.of(0L, 10_000L, 30_000L), idle.stream().map(Idle::t).toList(), sim.dump());
    assertEquals(List.of(true, false, true), idle.stream().map(Idle::on).toList());
  }

  @Test
  @DisplayName("R-15: a remote threaded insert signals a busy target by IPI, an idle one not")
  void remoteSignal() {
    String yaml =
        BASE.replace("t1: { threaded: true,", "t1: { threaded: true, target: 1,")
            + "  - { at: 10us, cpu: 0, do: insert, dpc: t1 }\n";
    Runs busy = Runs.of(yaml.formatted("1.0")).run();
    assertEquals(1, busy.events(IpiSend.class).size(), busy.dump());
    assertEquals(12_200, busy.events(DpcStart.class).get(0).t());
    Runs idle = Runs.of(yaml.formatted("0.0")).run();
    assertTrue(idle.events(IpiSend.class).isEmpty(), idle.dump());
    assertEquals(10_200, idle.events(DpcStart.class).get(0).t());
  }
}
