package dpcsim.engine;

import dpcsim.kernel.DpcReach;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Processor;
import dpcsim.report.StatsCollector;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScriptAction;
import dpcsim.trace.InstantSorter;
import dpcsim.trace.TracePipe;
import dpcsim.trace.TraceWriter;
import dpcsim.wire.CrossCpu;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference engine: one thread, every processor's events in one global order (the event key of
 * the processors' own queues), cross-processor messages delivered into the receiver's queue as soon
 * as they are sent (their latency puts them in its future). It is the oracle the actor engine is
 * compared with, and the baseline for benchmarks.
 */
public final class SequentialEngine {
  /** The engine's name in {@code --engine} and in results. */
  public static final String NAME = "sequential";

  private SequentialEngine() {}

  /**
   * Runs {@code scenario} to its duration (or to a stopping watchdog violation).
   *
   * @param traceOut where to write the JSON Lines trace, or null for none (it is hashed anyway)
   * @param traceTicks include Tick events in the trace
   * @return the trace hash and statistics
   */
  public static RunResult run(Scenario scenario, OutputStream traceOut, boolean traceTicks) {
    return run(scenario, TraceOutputs.of(traceOut, traceTicks));
  }

  /**
   * Runs {@code scenario}, handing the ordered trace to {@code outputs}.
   *
   * @return the trace hash and statistics
   */
  public static RunResult run(Scenario scenario, TraceOutputs outputs) {
    TraceWriter writer = outputs.writer();
    StatsCollector stats = StatsCollector.forScenario(scenario);
    try (TracePipe pipe = outputs.pipe(writer, stats)) {
      return run(scenario, writer, stats, pipe);
    }
  }

  private static RunResult run(
      Scenario scenario, TraceWriter writer, StatsCollector stats, TracePipe pipe) {
    Machine machine = new Machine(scenario);
    KdpcTable kdpcs = new KdpcTable(machine);
    InstantSorter sorter = new InstantSorter(pipe);
    ArrayDeque<CrossCpu> mail = new ArrayDeque<>();
    int n = machine.processors();
    Processor[] processors = new Processor[n];
    DpcReach reach = new DpcReach(machine);
    for (int i = 0; i < n; i++) {
      processors[i] = new Processor(i, machine, kdpcs, reach, sorter, mail::add);
    }
    for (Processor p : processors) {
      p.start();
      // The engine owns the globals: every processor gets every setTunable change.
      for (ScriptAction a : machine.globalChanges()) {
        p.scheduleTunableChange(a);
      }
    }
    ProcessorHeap heap = new ProcessorHeap(processors);
    List<Integer> touched = new ArrayList<>();
    long limit = machine.durationNs();
    long stoppedAt = -1;
    long processed = 0;
    long delivered = 0;
    while (true) {
      Processor p = heap.top();
      long t = p.nextEventTime();
      if (t > limit) {
        break;
      }
      p.step();
      processed++;
      touched.clear();
      delivered += deliver(mail, processors, touched);
      for (int cpu : touched) {
        heap.update(cpu);
      }
      heap.update(p.cpu());
      if (p.stopRequested() && stoppedAt < 0) {
        // action: stop ends the run once every event of this instant has been processed.
        stoppedAt = p.now();
        limit = stoppedAt;
      }
    }
    long simulated = stoppedAt >= 0 ? stoppedAt : machine.durationNs();
    sorter.finish(simulated);
    return new RunResult(
        scenario,
        NAME,
        1,
        simulated,
        stoppedAt >= 0,
        writer.events(),
        writer.sha256Hex(),
        stats.stats(),
        processed,
        RunResult.local(scenario),
        new EngineCounters(0, 0, delivered, 0));
  }

  private static int deliver(
      ArrayDeque<CrossCpu> mail, Processor[] processors, List<Integer> touched) {
    CrossCpu m;
    int n = 0;
    while ((m = mail.poll()) != null) {
      n++;
      processors[m.to()].deliver(m);
      if (touched != null) {
        touched.add(m.to());
      }
    }
    return n;
  }
}
