package dpcsim;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.measure.ThreadAllocation;
import dpcsim.scenario.Scenario;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A sequential run's ordered trace kept as columns (Tick events included), to feed a consumer again
 * in each way a consumer can be fed: batches of any size, objects, a names table that numbers the
 * names otherwise (as a client's own table may), or all of them mixed. Tests of an observer's two
 * paths check that every way gives the output the run gave it.
 */
public final class RecordedTrace {
  private final RunResult result;
  private final TraceBuffer events;
  private final TraceBuffer renumbered;

  private RecordedTrace(RunResult result, TraceBuffer events) {
    this.result = result;
    this.events = events;
    this.renumbered = renumber(events);
  }

  /** Runs {@code scenario} with {@code observers} (fed by the engine as usual) and records it. */
  public static RecordedTrace of(Scenario scenario, TraceConsumer... observers) {
    Recorder recorder = new Recorder();
    List<TraceConsumer> all = new ArrayList<>(List.of(observers));
    all.add(recorder);
    RunResult result = SequentialEngine.run(scenario, new TraceOutputs(null, false, all));
    if (recorder.events == null) {
      fail("the run produced no trace");
    }
    return new RecordedTrace(result, recorder.events);
  }

  /** Keeps every batch's entries; a run's batches share one names table. */
  private static final class Recorder implements TraceConsumer {
    TraceBuffer events;

    @Override
    public void accept(TraceEvent event) {
      fail("the engine hands the trace over as columns");
    }

    @Override
    public void accept(TraceBuffer batch, int from, int to) {
      if (events == null) {
        events = new TraceBuffer(batch.names(), 1 << 16);
      }
      assertSame(events.names(), batch.names(), "one names table per run");
      events.copyRange(batch, from, to);
    }
  }

  /**
   * @return the run's result
   */
  public RunResult result() {
    return result;
  }

  /**
   * @return the number of events
   */
  public int size() {
    return events.size();
  }

  /** Feeds the trace in batches of {@code batch} entries, then finishes {@code c}. */
  public <C extends TraceConsumer> C feedColumns(C c, int batch) {
    return feedColumns(c, batch, events);
  }

  /**
   * Feeds the trace in batches of {@code batch} entries whose names table lists the KDPCs and the
   * devices in reverse order (so every id differs from the run's), then finishes {@code c}.
   */
  public <C extends TraceConsumer> C feedRenumbered(C c, int batch) {
    return feedColumns(c, batch, renumbered);
  }

  private <C extends TraceConsumer> C feedColumns(C c, int batch, TraceBuffer in) {
    for (int from = 0; from < in.size(); from += batch) {
      c.accept(in, from, Math.min(in.size(), from + batch));
    }
    c.finish(result.simulatedNs());
    return c;
  }

  /** Feeds the trace one object at a time, then finishes {@code c}. */
  public <C extends TraceConsumer> C feedObjects(C c) {
    for (int i = 0; i < events.size(); i++) {
      c.accept(events.event(i));
    }
    c.finish(result.simulatedNs());
    return c;
  }

  /**
   * Feeds the trace in runs of {@code batch} entries that take turns: columns, objects, renumbered
   * columns; then finishes {@code c}. State a consumer keeps across batches must not depend on the
   * table a batch's ids refer to.
   */
  public <C extends TraceConsumer> C feedMixed(C c, int batch) {
    int turn = 0;
    for (int from = 0; from < events.size(); from += batch, turn++) {
      int to = Math.min(events.size(), from + batch);
      switch (turn % 3) {
        case 0 -> c.accept(events, from, to);
        case 1 -> {
          for (int i = from; i < to; i++) {
            c.accept(events.event(i));
          }
        }
        default -> c.accept(renumbered, from, to);
      }
    }
    c.finish(result.simulatedNs());
    return c;
  }

  /**
   * Checks that every way of feeding a fresh consumer (objects, batches of 1 and 977, renumbered
   * names, a mix) gives {@code expected}.
   *
   * @param output the output of a fresh consumer fed by the given feed
   */
  public <C extends TraceConsumer> void assertEveryPath(
      String expected, Function<Function<C, C>, String> output) {
    assertSameText(expected, output.apply(this::feedObjects), "objects");
    assertSameText(expected, output.apply(c -> feedColumns(c, 1)), "batches of 1");
    assertSameText(expected, output.apply(c -> feedColumns(c, 977)), "batches of 977");
    assertSameText(expected, output.apply(c -> feedRenumbered(c, 4096)), "renumbered names");
    assertSameText(expected, output.apply(c -> feedMixed(c, 501)), "mixed");
  }

  /**
   * @return the bytes this thread allocates per event while a fresh consumer takes the trace as
   *     columns in batches of 4096, after another has warmed the JIT
   */
  public <C extends TraceConsumer> double columnsBytesPerEvent(Supplier<C> fresh) {
    feedColumns(fresh.get(), 4096);
    C c = fresh.get();
    long before = ThreadAllocation.currentThread();
    feedColumns(c, 4096);
    return (double) (ThreadAllocation.currentThread() - before) / size();
  }

  /** The same entries with a names table in reverse order, each name's id changed to match. */
  private static TraceBuffer renumber(TraceBuffer in) {
    TraceNames names = in.names();
    int dpcs = names.dpcCount();
    int devices = names.deviceCount();
    List<String> dpcNames = new ArrayList<>();
    for (int i = dpcs - 1; i >= 0; i--) {
      dpcNames.add(names.dpc(i));
    }
    List<String> deviceNames = new ArrayList<>();
    for (int i = devices - 1; i >= 0; i--) {
      deviceNames.add(names.device(i));
    }
    TraceBuffer out = new TraceBuffer(new TraceNames(dpcNames, deviceNames), in.size());
    for (int i = 0; i < in.size(); i++) {
      int kind = in.kind(i);
      int a =
          switch (kind) {
            case TraceKind.DPC_INSERT,
                    TraceKind.DPC_START,
                    TraceKind.DPC_END,
                    TraceKind.DPC_REMOVE ->
                dpcs - 1 - in.a(i);
            case TraceKind.ISR_START, TraceKind.ISR_END -> devices - 1 - in.a(i);
            default -> in.a(i);
          };
      out.emit(
          kind,
          in.t(i),
          in.cpu(i),
          a,
          in.b(i),
          in.c(i),
          in.x(i),
          in.y(i),
          in.z(i),
          in.emitter(i),
          in.emitSeq(i));
    }
    return out;
  }

  /**
   * Fails unless {@code actual} is {@code expected}, naming the first line that differs (the texts
   * are megabytes: a whole-text message would bury it).
   */
  public static void assertSameText(String expected, String actual, String what) {
    if (expected.equals(actual)) {
      return;
    }
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      if (!e.get(i).equals(a.get(i))) {
        fail(what + ": line " + (i + 1) + " is\n  " + a.get(i) + "\nnot\n  " + e.get(i));
      }
    }
    fail(what + ": " + a.size() + " lines, not " + e.size() + " (or the line ends differ)");
  }
}
