package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.Runs;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.IpiSend;
import dpcsim.trace.TraceEvent.Tick;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-24..R-26 over a whole run: remote Low DPCs that only the tick retires. */
class TickAdaptationTest {
  @Test
  @DisplayName(
      "R-25/R-26: a busy target drained only by its tick shrinks MaximumDpcQueueDepth to 1")
  void shrinksOverTicks() {
    Runs sim =
        Runs.of(
                """
                processors: 2
                duration: 80ms
                load: { cpus: { 1: 1.0 } }
                dpcs:
                  lowRemote: { importance: low, target: 1, routine: { duration: 5us } }
                devices:
                  timer: { interrupts: { periodic: 10ms }, cpus: [0], isr: { duration: 1us, then: [ { insert: lowRemote } ] } }
                """)
            .run();
    List<Tick> ticks = sim.events(Tick.class, t -> t.cpu() == 1);
    assertEquals(
        List.of(3L, 2L, 1L, 1L, 1L), ticks.stream().map(Tick::maxDepth).toList(), sim.dump());
    // Once the maximum is 1, each remote Low insert reaches it and sends an IPI, so
    // the later ticks find the queue empty and count the threshold down.
    assertEquals(List.of(20L, 20L, 20L, 19L, 18L), ticks.stream().map(Tick::threshold).toList());
    assertEquals(3, sim.events(DpcInterruptRequest.class, r -> r.via().equals("tick")).size());
    assertEquals(
        List.of(50_001_200L, 60_001_200L, 70_001_200L),
        sim.events(IpiSend.class).stream().map(IpiSend::t).toList(),
        sim.dump());
    // CPU 0 is idle and never has DPCs at its ticks: its threshold counts down.
    List<Tick> idle = sim.events(Tick.class, t -> t.cpu() == 0);
    assertEquals(List.of(19L, 18L, 17L, 16L, 15L), idle.stream().map(Tick::threshold).toList());
  }
}
