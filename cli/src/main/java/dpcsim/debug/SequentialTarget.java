package dpcsim.debug;

import dpcsim.breakpoint.BreakWatch;
import dpcsim.breakpoint.Breakpoint;
import dpcsim.breakpoint.Stop;
import dpcsim.engine.CancelToken;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.SequentialRun;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.debug.KdpcSnapshot;
import dpcsim.kernel.debug.ProcessorSnapshot;
import dpcsim.kernel.debug.Snapshots;
import dpcsim.scenario.Scenario;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TraceSink;
import java.util.List;
import java.util.Optional;

/**
 * The sequential engine under the debugger: exact, one event at a time. Breakpoints and the IPI
 * ledger watch the events as processors emit them (before an instant's events are sorted), so a
 * stop in the middle of an instant already sees that instant's events so far.
 */
public final class SequentialTarget implements DebugTarget {
  private final SequentialRun run;
  private final IpiLedger ipis;
  private final TraceNames names;
  private final BreakWatch watch = new BreakWatch();
  private long reached;

  /** Starts {@code scenario} paused at time 0, before any event. */
  public SequentialTarget(Scenario scenario, TraceOutputs outputs) {
    this(scenario, outputs, CancelToken.NEVER);
  }

  /**
   * Starts {@code scenario} paused at time 0; running it throws {@link dpcsim.engine.RunCancelled}
   * once {@code cancel} is cancelled.
   */
  public SequentialTarget(Scenario scenario, TraceOutputs outputs, CancelToken cancel) {
    this.ipis = new IpiLedger(scenario.processors());
    this.names = TraceNames.of(scenario);
    this.run = new SequentialRun(scenario, outputs, this::tap, cancel);
  }

  /**
   * Watches every event as the processors emit it (before an instant is sorted): the debugger's
   * breakpoints and IPI ledger read objects, so each event is decoded here, off the engines' path.
   */
  private TraceSink tap(TraceSink sorter) {
    TraceBuffer one = new TraceBuffer(names, 1);
    return (kind, t, cpu, a, b, c, x, y, z, emitter, emitSeq) -> {
      one.clear();
      one.emit(kind, t, cpu, a, b, c, x, y, z, emitter, emitSeq);
      TraceEvent event = one.event(0);
      ipis.accept(event);
      watch.see(event);
      sorter.emit(kind, t, cpu, a, b, c, x, y, z, emitter, emitSeq);
    };
  }

  @Override
  public int processors() {
    return run.machine().processors();
  }

  @Override
  public ProcessorSnapshot snapshot(int cpu) {
    return Snapshots.of(run.processor(cpu));
  }

  @Override
  public Optional<KdpcSnapshot> kdpc(String name) {
    return Snapshots.find(run.kdpcs(), name);
  }

  @Override
  public IpiLedger ipis() {
    return ipis;
  }

  @Override
  public Stop runBefore(long time, List<Breakpoint> breakpoints) {
    watch.arm(breakpoints);
    try {
      while (run.nextEventTime() < time) {
        run.step();
        if (watch.hit() != null) {
          long after = watch.hit().t() + 1;
          run.runBefore(after);
          reached = after;
          return watch.stopFor(ended());
        }
      }
      reached = Math.max(reached, Math.min(time, endTime()));
      return Stop.at(reached, ended());
    } finally {
      watch.disarm();
    }
  }

  @Override
  public Stop step() {
    if (ended()) {
      return Stop.at(reached, true);
    }
    long t = run.nextEventTime();
    run.step();
    reached = Math.max(reached, t);
    return Stop.at(t, ended());
  }

  @Override
  public RunResult finish() {
    return run.finish();
  }

  @Override
  public void close() {
    run.close();
  }

  @Override
  public String engine() {
    return SequentialEngine.NAME;
  }

  private boolean ended() {
    return run.nextEventTime() == Long.MAX_VALUE;
  }

  private long endTime() {
    return run.lastInstant() + 1;
  }
}
