package dpcsim.bench;

import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Phold;
import dpcsim.scenario.Scenario;
import dpcsim.stats.StatsCollector;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TraceWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the trace thread does per event, apart: the JSON Lines writer with its SHA-256 and the
 * statistics, each fed a recorded PHOLD trace (16 processors, 20 ms, 78,871 events, clock ticks
 * included) in batches of 4,096 as the trace pipe feeds them. The score is nanoseconds per trace
 * event; the statistics' score includes their end-of-run selection, spread over the events.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TraceConsumersBench {
  /** Events per operation: the recorded trace's length (fixed by the scenario and seed). */
  static final int EVENTS = 78_871;

  private Scenario scenario;
  private TraceBuffer trace;

  @Setup
  public void setUp() {
    scenario = Scenarios.parse(Phold.yaml(16, 4, 0.25, "10us", 42, "20ms"));
    trace = record(scenario);
    if (trace.size() != EVENTS) {
      throw new IllegalStateException("the recorded trace has " + trace.size() + " events");
    }
  }

  /** Runs {@code s} once and keeps its ordered trace. */
  static TraceBuffer record(Scenario s) {
    TraceBuffer all = new TraceBuffer(TraceNames.of(s), 1 << 17);
    TraceConsumer keep =
        new TraceConsumer() {
          @Override
          public void accept(TraceEvent event) {
            throw new UnsupportedOperationException("the engine hands over batches");
          }

          @Override
          public void accept(TraceBuffer batch, int from, int to) {
            all.copyRange(batch, from, to);
          }
        };
    SequentialEngine.run(s, new TraceOutputs(null, false, List.of(keep), false));
    return all;
  }

  /** Formats every line and hashes it: @return the trace's hash. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public String writeAndHash() {
    TraceWriter w = new TraceWriter(null, false, true);
    feed(w);
    return w.sha256Hex();
  }

  /** Collects the statistics and selects their percentiles: @return the machine's p99 latency. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long statistics() {
    StatsCollector s = StatsCollector.forScenario(scenario);
    feed(s);
    s.finish(scenario.durationNs());
    return s.stats().machineLatency().p99();
  }

  private void feed(TraceConsumer c) {
    for (int i = 0; i < trace.size(); i += 4096) {
      c.accept(trace, i, Math.min(trace.size(), i + 4096));
    }
  }
}
