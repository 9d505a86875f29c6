package dpcsim.bench;

import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Processor;
import dpcsim.trace.TraceKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One DPC's life on one idle processor, per operation: a device interrupt whose ISR calls
 * KeInsertQueueDpc (a Medium DPC, so R-14 requests the DPC interrupt at once), the ISR's end, the
 * DISPATCH interrupt, the retire pass removing the DPC, its 1 us routine, the routine's end
 * and the pass's end, with every trace event built. The device is periodic (every {@link #GAP_NS})
 * and each operation runs the processor over exactly one period; clock ticks fall in between as in
 * a real run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class InsertRetireBench {
  /** The device's period: the ISR, the routine and the pass end well within one. */
  private static final long GAP_NS = 10_000;

  private Processor cpu;
  private long at;
  long inserted;
  long ended;

  @Setup(Level.Iteration)
  public void setUp() {
    Machine machine =
        new Machine(
            Scenarios.parse(
                """
                processors: 1
                duration: 86400s
                dpcs:
                  d: { importance: medium, routine: { duration: 1us } }
                devices:
                  dev: { interrupts: { periodic: 10us }, isr: { duration: 100ns, then: [ { insert: d } ] } }
                """));
    cpu =
        new Processor(
            0,
            machine,
            new KdpcTable(machine),
            (kind, t, c, a, b, x, l1, l2, l3, emitter, emitSeq) -> {
              if (kind == TraceKind.DPC_END) {
                ended++;
              }
            },
            message -> {
              throw new IllegalStateException("a one-processor run sends nothing: " + message);
            });
    cpu.start();
    at = GAP_NS / 2; // windows [5 + 10k, 15 + 10k) us: one interrupt, at 10(k + 1) us, in each
    cpu.runUntil(at, false);
    inserted = 0;
    ended = 0;
  }

  @Benchmark
  public long insertAndRetire() {
    at += GAP_NS;
    cpu.runUntil(at, false);
    inserted++;
    return cpu.processedEvents();
  }

  /** Fails the run if a DPC did not retire: then the figure would not measure what it says. */
  @TearDown(Level.Iteration)
  public void check() {
    if (ended != inserted) {
      throw new IllegalStateException(inserted + " DPCs inserted but " + ended + " ended");
    }
  }
}
