package dpcsim.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.scenario.Scenario;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The protocol streams the trace: windows stay near {@link RunProtocol#WINDOW_EVENTS} even without
 * cross-processor traffic, and a window's trace is released after the next step is planned, so an
 * engine merges and writes it while the processors run that step.
 */
class RunProtocolStreamingTest {
  /** Counts what the protocol released. */
  private static final class Count implements TraceConsumer {
    long events;

    @Override
    public void accept(TraceEvent event) {
      events++;
    }

    @Override
    public void accept(TraceBuffer batch, int from, int to) {
      events += to - from;
    }
  }

  private static Scenario storm() {
    return ExampleScenarios.load(
        ExampleScenarios.repoRoot().resolve("scenarios/nic-storm-cpu0.yaml"));
  }

  @Test
  @DisplayName("the first window spans about WINDOW_EVENTS events of the estimate, not the run")
  void firstSpan() {
    Machine m = new Machine(storm());
    long span = RunProtocol.firstSpan(m);
    assertTrue(span < m.durationNs(), "span " + span + " of " + m.durationNs());
    assertTrue(span > 0);
  }

  @Test
  @DisplayName("a window's trace goes downstream at releaseTrace (or the next step), never before")
  void releaseAfterTheNextStep() {
    Scenario s = storm();
    Machine machine = new Machine(s);
    DpcReach reach = new DpcReach(machine);
    Count out = new Count();
    RunProtocol protocol = new RunProtocol(machine, reach, out, Long.MAX_VALUE);
    KdpcTable kdpcs = new KdpcTable(machine);
    ProcessorWindow[] cpus = new ProcessorWindow[machine.processors()];
    List<ProcessorStatus> initial = new ArrayList<>();
    for (int p = 0; p < cpus.length; p++) {
      cpus[p] = new ProcessorWindow(p, machine, kdpcs, reach, machine.globalChanges());
      initial.add(cpus[p].status());
    }
    protocol.start(initial);
    int windows = 0;
    long maxWindow = 0;
    int grew = 0;
    while (true) {
      long beforeNext = out.events;
      RunProtocol.Step step = protocol.next();
      if (step instanceof RunProtocol.Step.Done) {
        break;
      }
      RunProtocol.Step.Window w = assertInstanceOf(RunProtocol.Step.Window.class, step);
      assertEquals(beforeNext, out.events, "planning the next window released nothing");
      protocol.releaseTrace(); // as the actor driver does once it has sent the window
      if (out.events > beforeNext) {
        grew++;
      }
      long produced = 0;
      for (int i = 0; i < w.participants().length; i++) {
        int p = w.participants()[i];
        var report = cpus[p].run(w.horizon(), w.inbound().get(i));
        produced += report.trace().size();
        protocol.accept(report);
      }
      maxWindow = Math.max(maxWindow, produced);
      windows++;
    }
    assertTrue(grew >= windows - 1, grew + " of " + windows + " windows released the one before");
    assertTrue(windows > 3, windows + " windows: the run streams");
    assertTrue(maxWindow < 8 * RunProtocol.WINDOW_EVENTS, "largest window " + maxWindow);
    assertTrue(out.events > 0);
  }
}
