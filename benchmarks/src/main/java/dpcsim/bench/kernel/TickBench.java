package dpcsim.bench.kernel;

import dpcsim.bench.Scenarios;
import dpcsim.kernel.KernelMicrobench;
import dpcsim.kernel.Machine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The clock tick's DPC bookkeeping (ClockTick, R-24..R-28) on one KPRCB, per tick: with an empty
 * normal list (the R-26 threshold countdown) and with a queued DPC (the R-25 depth shrink and
 * DISPATCH request). ClockTick is package-private in the kernel; {@link KernelMicrobench} drives it
 * for this benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TickBench {
  @Param({"ws03", "win10"})
  public String profile;

  private KernelMicrobench.TickLoop loop;

  @Setup
  public void setUp() {
    loop =
        new KernelMicrobench.TickLoop(
            new Machine(
                Scenarios.parse(
                    "profile: "
                        + profile
                        + "\nprocessors: 1\nduration: 1s\ndpcs:\n  d: { routine: { duration: 1us } }\n")));
  }

  @Benchmark
  public boolean emptyQueue() {
    return loop.emptyQueue();
  }

  @Benchmark
  public boolean queuedDpc() {
    return loop.queuedDpc();
  }
}
