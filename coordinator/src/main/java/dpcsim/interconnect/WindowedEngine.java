package dpcsim.interconnect;

import dpcsim.engine.EngineCounters;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.scenario.Scenario;
import dpcsim.stats.StatsCollector;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TracePipe;
import dpcsim.trace.TraceWriter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The actor engine's window protocol ({@link RunProtocol}) driven on one thread, with no actors:
 * the reference for the protocol itself. Within a window the participants may run in any order (a
 * seeded shuffle proves it), which is what lets the actor engine run them in parallel.
 */
public final class WindowedEngine {
  /** The engine's name in results. */
  public static final String NAME = "windowed";

  private WindowedEngine() {}

  /**
   * Runs {@code scenario}.
   *
   * @param windowCap the largest window span, or {@code Long.MAX_VALUE}
   * @param shuffleSeed if not null, participants of a window run in an order shuffled with it
   * @return the trace hash and statistics
   */
  public static RunResult run(
      Scenario scenario,
      OutputStream traceOut,
      boolean traceTicks,
      long windowCap,
      Long shuffleSeed) {
    return run(scenario, traceOut, traceTicks, windowCap, shuffleSeed, 1);
  }

  /**
   * Runs {@code scenario} with its processors split into {@code nodes} contiguous ranges, each with
   * its own copy of the KDPC objects, as separate cluster nodes have: shared KDPCs must then travel
   * between them with the shared steps.
   */
  public static RunResult run(
      Scenario scenario,
      OutputStream traceOut,
      boolean traceTicks,
      long windowCap,
      Long shuffleSeed,
      int nodes) {
    Machine machine = new Machine(scenario);
    DpcReach reach = new DpcReach(machine);
    TraceOutputs outputs = TraceOutputs.of(traceOut, traceTicks);
    TraceWriter writer = outputs.writer();
    StatsCollector stats = StatsCollector.forScenario(scenario);
    try (TracePipe pipe = outputs.pipe(TraceNames.of(scenario), writer, stats)) {
      return run(scenario, machine, reach, writer, stats, pipe, windowCap, shuffleSeed, nodes);
    }
  }

  private static RunResult run(
      Scenario scenario,
      Machine machine,
      DpcReach reach,
      TraceWriter writer,
      StatsCollector stats,
      TracePipe pipe,
      long windowCap,
      Long shuffleSeed,
      int nodes) {
    RunProtocol protocol = new RunProtocol(machine, reach, pipe, windowCap);
    int n = machine.processors();
    ProcessorWindow[] cpus = new ProcessorWindow[n];
    List<ProcessorStatus> initial = new ArrayList<>(n);
    int first = 0;
    for (int node = 0; node < nodes; node++) {
      int size = n / nodes + (node < n % nodes ? 1 : 0);
      int lo = first;
      int hi = first + size;
      KdpcTable kdpcs = new KdpcTable(machine);
      for (int p = lo; p < hi; p++) {
        cpus[p] =
            new ProcessorWindow(
                p, machine, kdpcs, reach, machine.globalChanges(), c -> c >= lo && c < hi);
        initial.add(cpus[p].status());
      }
      first = hi;
    }
    protocol.start(initial);
    Random shuffle = shuffleSeed == null ? null : new Random(shuffleSeed);
    while (true) {
      RunProtocol.Step step = protocol.next();
      if (step instanceof RunProtocol.Step.Window w) {
        int[] order = new int[w.participants().length];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        if (shuffle != null) {
          for (int i = order.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
          }
        }
        for (int i : order) {
          int p = w.participants()[i];
          protocol.accept(cpus[p].run(w.horizon(), w.inbound().get(i)));
        }
      } else if (step instanceof RunProtocol.Step.Shared s) {
        protocol.accept(cpus[s.cpu()].stepShared(s.horizon(), s.inbound(), s.limit(), s.shared()));
      } else {
        RunProtocol.Step.Done d = (RunProtocol.Step.Done) step;
        return new RunResult(
            scenario,
            NAME,
            nodes,
            d.simulatedNs(),
            d.stoppedByWatchdog(),
            writer.events(),
            writer.sha256Hex(),
            stats.stats(),
            protocol.processed(),
            RunResult.local(scenario),
            new EngineCounters(protocol.windows(), protocol.sharedSteps(), protocol.messages(), 0));
      }
    }
  }
}
