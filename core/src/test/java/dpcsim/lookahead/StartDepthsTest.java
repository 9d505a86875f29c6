package dpcsim.lookahead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Op;
import dpcsim.scenario.ScenarioLoader;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How soon work that starts on a processor may lead to a send there (StartDepths). */
class StartDepthsTest {
  /**
   * Processor 0: a device whose 3 us ISR queues rx (local), whose 10 us routine queues done on
   * processor 1 (a message). A tick-free machine with thread load, so processor 0 has events that
   * start nothing.
   */
  private static final String CHAIN =
      """
      profile: win10
      processors: 2
      duration: 2ms
      load: { default: 0.5, period: 20us }
      dpcs:
        rx: { target: 0, routine: { duration: 10us, then: [ { insert: done } ] } }
        done: { importance: high, target: 1, routine: { duration: 4us } }
      devices:
        q: { interrupts: { periodic: 500us }, cpus: [0], isr: { duration: 3us, then: [ { insert: rx } ] } }
      """;

  private static Machine machine() throws Exception {
    return new Machine(
        ScenarioLoader.parse(CHAIN, "t.yaml", new LinkedHashSet<>(Profiles.names())));
  }

  @Test
  @DisplayName("an ISR that queues a local routine that sends: the sum of the two offsets")
  void chainDepths() throws Exception {
    SendLimits reach = new DpcReach(machine()).sends();
    assertTrue(reach.followsStarts());
    assertEquals(10_000, reach.routineStart(0, 0), "rx sends at its end");
    assertEquals(13_000, reach.isrStart(0, 0), "the ISR queues rx after 3 us");
    assertEquals(DpcReach.NEVER, reach.routineStart(1, 1), "done sends nothing");
    assertEquals(0, reach.stepStart(new Op.Insert("done", 0, 0), 0), "a message");
    assertEquals(10_000, reach.stepStart(new Op.Insert("rx", 0, 0), 0), "lands here");
  }

  @Test
  @DisplayName("the bound follows the next interrupt, not the thread load's next event")
  void boundFollowsTheInterrupt() throws Exception {
    Machine m = machine();
    DpcReach reach = new DpcReach(m);
    ProcessorWindow cpu0 = new ProcessorWindow(0, m, new KdpcTable(m), reach, List.of());
    ProcessorStatus s = cpu0.status();
    assertTrue(s.nextEventTime() < 500_000, "thread load events come first: " + s);
    assertEquals(513_000, s.earliestOutput(), "interrupt at 500 us + ISR 3 us + rx 10 us");
    WindowReport r = cpu0.run(513_000, List.of());
    assertTrue(r.outbound().isEmpty(), "nothing sent before the bound");
    WindowReport after = cpu0.run(513_001, List.of());
    assertEquals(1, after.outbound().size(), "done leaves at 513 us");
  }
}
