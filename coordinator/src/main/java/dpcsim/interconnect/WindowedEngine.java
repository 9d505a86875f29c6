package dpcsim.interconnect;

import dpcsim.engine.EngineCounters;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.Partition;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.lookahead.SendLimits;
import dpcsim.lookahead.WindowReport;
import dpcsim.partition.NodeWindows;
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
    int n = machine.processors();
    Partition partition = Partition.even(n, nodes);
    RunProtocol protocol = new RunProtocol(machine, reach, pipe, windowCap, partition);
    SendLimits crossing = reach.nodeSends(partition);
    ProcessorWindow[] cpus = new ProcessorWindow[n];
    NodeWindows[] parts = new NodeWindows[partition.nodes()];
    List<ProcessorStatus> initial = new ArrayList<>(n);
    for (int node = 0; node < partition.nodes(); node++) {
      int lo = partition.first(node);
      int hi = partition.end(node);
      KdpcTable kdpcs = new KdpcTable(machine);
      List<ProcessorStatus> statuses = new ArrayList<>();
      for (int p = lo; p < hi; p++) {
        cpus[p] =
            new ProcessorWindow(
                p,
                machine,
                kdpcs,
                reach,
                machine.globalChanges(),
                c -> c >= lo && c < hi,
                crossing);
        statuses.add(cpus[p].status());
      }
      initial.addAll(statuses);
      parts[node] = new NodeWindows(machine, reach, partition, node);
      parts[node].start(statuses);
    }
    protocol.start(initial);
    for (int node = 0; node < parts.length; node++) {
      protocol.startNode(node, parts[node].crossOutput());
    }
    Random shuffle = shuffleSeed == null ? null : new Random(shuffleSeed);
    long localWindows = 0;
    while (true) {
      RunProtocol.Step step = protocol.next();
      if (step instanceof RunProtocol.Step.Window w) {
        List<List<CrossCpu>> inbound = new ArrayList<>();
        boolean[] takesPart = new boolean[parts.length];
        for (int node = 0; node < parts.length; node++) {
          inbound.add(new ArrayList<>());
        }
        for (int i = 0; i < w.participants().length; i++) {
          int node = partition.nodeOf(w.participants()[i]);
          takesPart[node] = true;
          inbound.get(node).addAll(w.inbound().get(i));
        }
        for (int node : order(parts.length, shuffle)) {
          if (!takesPart[node]) {
            continue;
          }
          NodeWindows part = parts[node];
          part.grant(w.horizon(node), protocol.lastInstant(), inbound.get(node));
          for (NodeWindows.LocalWindow local = part.next(); local != null; local = part.next()) {
            for (int i : order(local.cpus().length, shuffle)) {
              part.accept(cpus[local.cpus()[i]].run(local.horizons()[i], local.inbound().get(i)));
            }
          }
          NodeWindows.GrantReport report = part.finish();
          localWindows += report.localWindows();
          protocol.acceptNode(node, report);
        }
      } else if (step instanceof RunProtocol.Step.Shared s) {
        WindowReport report =
            cpus[s.cpu()].stepShared(s.horizon(), s.inbound(), s.limit(), s.shared());
        parts[partition.nodeOf(s.cpu())].refresh(report.status());
        protocol.accept(report);
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
            new EngineCounters(
                protocol.windows(), protocol.sharedSteps(), protocol.messages(), 0, localWindows));
      }
    }
  }

  /** 0..n-1, shuffled when {@code shuffle} is set: within a step the order must not matter. */
  private static int[] order(int n, Random shuffle) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (shuffle != null) {
      for (int i = n - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }
}
