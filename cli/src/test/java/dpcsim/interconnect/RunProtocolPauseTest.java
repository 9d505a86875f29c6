package dpcsim.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.debug.SequentialTarget;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.debug.Snapshots;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.scenario.Scenario;
import dpcsim.trace.TraceWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RunProtocol#pauseBefore}, with no actors: at a pause every processor has run exactly the
 * events before the pause time (the sequential engine's state there), and going on from pauses
 * writes the trace of a run that never paused.
 */
@DisplayName("RunProtocol pauses")
class RunProtocolPauseTest {
  static Stream<Path> examples() {
    return ExampleScenarios.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @DisplayName("stop between windows at the sequential engine's state; the trace is unchanged")
  void pauses(Path file) {
    Scenario s = ExampleScenarios.shortened(file);
    Machine machine = new Machine(s);
    DpcReach reach = new DpcReach(machine);
    TraceWriter writer = new TraceWriter(null, false, true);
    RunProtocol protocol = new RunProtocol(machine, reach, writer, Long.MAX_VALUE);
    KdpcTable kdpcs = new KdpcTable(machine);
    ProcessorWindow[] cpus = new ProcessorWindow[machine.processors()];
    List<ProcessorStatus> initial = new ArrayList<>();
    for (int p = 0; p < cpus.length; p++) {
      cpus[p] = new ProcessorWindow(p, machine, kdpcs, reach, machine.globalChanges(), c -> true);
      initial.add(cpus[p].status());
    }
    protocol.start(initial);
    long[] pauses = {0, s.durationNs() / 9, s.durationNs() / 4, s.durationNs() / 2};
    try (SequentialTarget seq = new SequentialTarget(s, TraceOutputs.NONE)) {
      int next = 0;
      protocol.pauseBefore(pauses[next]);
      while (true) {
        RunProtocol.Step step = protocol.next();
        if (step instanceof RunProtocol.Step.Window w) {
          assertTrue(next >= pauses.length || w.horizon() <= pauses[next], "horizon capped");
          for (int i = 0; i < w.participants().length; i++) {
            int p = w.participants()[i];
            protocol.accept(cpus[p].run(w.horizon(), w.inbound().get(i)));
          }
        } else if (step instanceof RunProtocol.Step.Shared sh) {
          protocol.accept(
              cpus[sh.cpu()].stepShared(sh.horizon(), sh.inbound(), sh.limit(), sh.shared()));
        } else if (step instanceof RunProtocol.Step.Paused p) {
          assertEquals(pauses[next], p.reachedNs());
          seq.runBefore(p.reachedNs(), List.of());
          for (int c = 0; c < cpus.length; c++) {
            assertTrue(cpus[c].processor().nextEventTime() >= p.reachedNs());
            assertEquals(seq.snapshot(c), Snapshots.of(cpus[c].processor()), "cpu " + c);
          }
          next++;
          protocol.pauseBefore(next < pauses.length ? pauses[next] : Long.MAX_VALUE);
        } else {
          assertInstanceOf(RunProtocol.Step.Done.class, step);
          break;
        }
      }
      assertEquals(pauses.length, next, "every pause happened");
    }
    assertEquals(SequentialEngine.run(s, TraceOutputs.NONE).traceSha256(), writer.sha256Hex());
  }
}
