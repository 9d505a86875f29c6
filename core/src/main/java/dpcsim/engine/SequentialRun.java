package dpcsim.engine;

import dpcsim.invariant.InvariantViolation;
import dpcsim.invariant.Invariants;
import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Processor;
import dpcsim.lookahead.DpcReach;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScriptAction;
import dpcsim.stats.StatsCollector;
import dpcsim.trace.InstantSorter;
import dpcsim.trace.TracePipe;
import dpcsim.trace.TraceSink;
import dpcsim.trace.TraceWriter;
import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * The sequential engine's run as an object that can be advanced one event at a time: {@link
 * SequentialEngine} drives it to the end in one go, the debugger stops it in between. Both use the
 * same loop, so a run that paused writes the same trace as one that never did. The trace's writer,
 * statistics and observers run behind a {@link TracePipe}: close a run that does not finish.
 */
public final class SequentialRun implements AutoCloseable {
  private final Scenario scenario;
  private final Machine machine;
  private final KdpcTable kdpcs;
  private final TraceWriter writer;
  private final StatsCollector stats;
  private final TracePipe pipe;
  private final InstantSorter sorter;
  private final ArrayDeque<CrossCpu> mail = new ArrayDeque<>();
  private final Processor[] processors;
  private final ProcessorHeap heap;
  private final CancelToken cancel;
  private long limit;
  private long lastEventNs;
  private long stoppedAt = -1;
  private long processed;
  private long delivered;
  private RunResult result;

  /** The invariants checked after every event, or null (the default: no cost). */
  private Invariants checks;

  /**
   * Builds and starts every processor of {@code scenario}.
   *
   * @param tap wraps the sink the processors emit into (before events of one instant are sorted),
   *     e.g. to watch for breakpoints; {@code Function.identity()} for none
   */
  public SequentialRun(
      Scenario scenario, TraceOutputs outputs, Function<TraceSink, TraceSink> tap) {
    this(scenario, outputs, tap, CancelToken.NEVER);
  }

  /**
   * Builds and starts every processor of {@code scenario}; {@link #step} (and so every way to run
   * it) throws {@link RunCancelled} once {@code cancel} is cancelled.
   */
  public SequentialRun(
      Scenario scenario,
      TraceOutputs outputs,
      Function<TraceSink, TraceSink> tap,
      CancelToken cancel) {
    this.scenario = scenario;
    this.cancel = cancel;
    this.machine = new Machine(scenario);
    this.kdpcs = new KdpcTable(machine);
    this.writer = outputs.writer();
    this.stats = StatsCollector.forScenario(scenario);
    this.pipe = outputs.pipe(machine.traceNames(), writer, stats);
    this.sorter = new InstantSorter(machine.traceNames(), pipe);
    TraceSink sink = tap.apply(sorter);
    int n = machine.processors();
    processors = new Processor[n];
    DpcReach reach = new DpcReach(machine);
    for (int i = 0; i < n; i++) {
      processors[i] = new Processor(i, machine, kdpcs, reach, sink, mail::add);
    }
    for (Processor p : processors) {
      p.start();
      // The engine owns the globals: every processor gets every setTunable change.
      for (ScriptAction a : machine.globalChanges()) {
        p.scheduleTunableChange(a);
      }
    }
    heap = new ProcessorHeap(processors);
    limit = machine.durationNs();
  }

  /**
   * Checks every invariant ({@link Invariants#all}) after each event from now on; call before the
   * first step. A violation is thrown from {@link #step} as an {@link InvariantViolation}.
   *
   * @return this run
   */
  public SequentialRun checkInvariants() {
    checks = Invariants.forRun(processors, kdpcs);
    return this;
  }

  /**
   * @return the time of the next event that still runs, or {@code Long.MAX_VALUE} when the run has
   *     no event left (its end)
   */
  public long nextEventTime() {
    long t = heap.top().nextEventTime();
    return t > limit ? Long.MAX_VALUE : t;
  }

  /**
   * Processes the next event in global order.
   *
   * @return false if there was none left (the run is at its end)
   * @throws RunCancelled if the run's token is cancelled
   * @throws InvariantViolation if invariants are checked and one does not hold after the event
   */
  public boolean step() {
    // A volatile read per event: nothing next to an event's cost, and a cancel stops at once.
    if (cancel.isCancelled()) {
      throw new RunCancelled(lastEventNs);
    }
    Processor p = heap.top();
    long t = p.nextEventTime();
    if (t > limit) {
      return false;
    }
    String kind = checks == null ? null : p.nextEventKind();
    p.step();
    processed++;
    lastEventNs = t;
    CrossCpu m;
    while ((m = mail.poll()) != null) {
      delivered++;
      processors[m.to()].deliver(m);
      // Re-sorted per message, with no list of receivers to box and walk: the heap's top, all
      // the run depends on, is the same as after sorting each receiver once, since no two
      // processors' next events have equal keys (each key holds its processor).
      heap.arrived(m.to(), m.arriveNs());
    }
    heap.update(p.cpu());
    if (checks != null) {
      checks.afterEvent(t, p.cpu(), kind);
    }
    if (p.stopRequested() && stoppedAt < 0) {
      // action: stop ends the run once every event of this instant has been processed.
      stoppedAt = p.now();
      limit = stoppedAt;
    }
    return true;
  }

  /**
   * Processes every event before {@code time} (all of them for {@code Long.MAX_VALUE}).
   *
   * @throws RunCancelled if the run's token is cancelled first
   */
  public void runBefore(long time) {
    while (nextEventTime() < time && step()) {
      // each step processes one event
    }
  }

  /**
   * @return the processors, for inspection between steps (never to be changed)
   */
  public Processor processor(int cpu) {
    return processors[cpu];
  }

  /**
   * @return the run's KDPC objects, for inspection between steps
   */
  public KdpcTable kdpcs() {
    return kdpcs;
  }

  /**
   * @return the machine the run simulates
   */
  public Machine machine() {
    return machine;
  }

  /**
   * @return the last instant that runs: the duration, or the time a stopping watchdog violation
   *     ended the run at
   */
  public long lastInstant() {
    return stoppedAt >= 0 ? stoppedAt : machine.durationNs();
  }

  /**
   * @return events processed so far
   */
  public long processed() {
    return processed;
  }

  /**
   * Runs the remaining events and closes the trace; later calls return the same result.
   *
   * @return the trace hash and statistics
   */
  public RunResult finish() {
    if (result != null) {
      return result;
    }
    runBefore(Long.MAX_VALUE);
    long simulated = stoppedAt >= 0 ? stoppedAt : machine.durationNs();
    sorter.finish(simulated);
    result =
        new RunResult(
            scenario,
            SequentialEngine.NAME,
            1,
            simulated,
            stoppedAt >= 0,
            writer.events(),
            writer.sha256Hex(),
            stats.stats(),
            processed,
            RunResult.local(scenario),
            new EngineCounters(0, 0, delivered, 0));
    return result;
  }

  /** Stops the trace's consumer thread of a run that never reached {@link #finish}. */
  @Override
  public void close() {
    pipe.close();
  }
}
