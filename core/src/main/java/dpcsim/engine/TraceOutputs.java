package dpcsim.engine;

import dpcsim.stats.StatsCollector;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceFanout;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TracePipe;
import dpcsim.trace.TraceWriter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's ordered trace goes besides the statistics: the JSON Lines stream (hashed even when
 * not written) and any observers (Perfetto writer, HTML report, progress display). Every engine
 * hands observers the same events in the same order, Tick events included.
 *
 * @param trace the JSON Lines destination, or null to hash only
 * @param ticks write Tick events to {@code trace}
 * @param observers further consumers of the ordered trace
 * @param hash compute {@code traceSha256}; off only for {@code dpcsim bench --no-hash}, where the
 *     result's hash is null
 */
public record TraceOutputs(
    OutputStream trace, boolean ticks, List<TraceConsumer> observers, boolean hash) {
  /** No file, no observers: the trace is only hashed. */
  public static final TraceOutputs NONE = new TraceOutputs(null, false, List.of());

  public TraceOutputs {
    observers = List.copyOf(observers);
  }

  /** Hashed outputs. */
  public TraceOutputs(OutputStream trace, boolean ticks, List<TraceConsumer> observers) {
    this(trace, ticks, observers, true);
  }

  /**
   * @return these outputs without the trace hash
   */
  public TraceOutputs withoutHash() {
    return new TraceOutputs(trace, ticks, observers, false);
  }

  /** Only the JSON Lines trace. */
  public static TraceOutputs of(OutputStream trace, boolean ticks) {
    return new TraceOutputs(trace, ticks, List.of());
  }

  /** The writer for {@link #trace}. */
  public TraceWriter writer() {
    return new TraceWriter(trace, ticks, hash);
  }

  /**
   * The writer, the statistics and the observers behind a {@link TracePipe}: they run on a thread
   * of their own (formatting, hashing, statistics), fed in trace order, while the engine's thread
   * simulates.
   */
  public TracePipe pipe(TraceNames names, TraceWriter writer, StatsCollector stats) {
    return TracePipe.to(names, fanout(writer, stats), true);
  }

  /**
   * The writer and the observers behind a {@link TracePipe}, without the statistics: for an engine
   * that keeps them on a thread of its own (the actor engine's client), so the pipe's thread, the
   * one every event waits for, only formats and hashes.
   */
  public TracePipe pipeWithoutStats(TraceNames names, TraceWriter writer) {
    List<TraceConsumer> all = new ArrayList<>(1 + observers.size());
    all.add(writer);
    all.addAll(observers);
    return TracePipe.to(names, new TraceFanout(all), true);
  }

  /** One consumer feeding the writer, the statistics and the observers, in that order. */
  private TraceConsumer fanout(TraceWriter writer, StatsCollector stats) {
    List<TraceConsumer> all = new ArrayList<>(2 + observers.size());
    all.add(writer);
    all.add(stats);
    all.addAll(observers);
    return new TraceFanout(all);
  }
}
