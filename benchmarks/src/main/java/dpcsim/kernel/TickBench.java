package dpcsim.kernel;

import dpcsim.bench.Scenarios;
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
 * The clock tick's DPC bookkeeping ({@link ClockTick}, R-24..R-28) on one KPRCB, per tick: with an
 * empty normal list (the R-26 threshold countdown) and with a queued DPC (the R-25 depth shrink and
 * DISPATCH request). In package {@code dpcsim.kernel}: ClockTick is package-private.
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

  private Kprcb idle;
  private Kprcb queued;
  private GlobalTunables globals;
  private Profile rules;
  private long tick;

  @Setup
  public void setUp() {
    Machine machine =
        new Machine(
            Scenarios.parse(
                "profile: "
                    + profile
                    + "\nprocessors: 1\nduration: 1s\ndpcs:\n  d: { routine: { duration: 1us } }\n"));
    globals = machine.initialGlobals();
    rules = machine.profile();
    idle = new Kprcb(0, globals, machine.threadDpcEnable());
    queued = new Kprcb(0, globals, machine.threadDpcEnable());
    queued.normal.insert(new KdpcTable(machine).get(0), false);
  }

  @Benchmark
  public boolean emptyQueue() {
    return ClockTick.apply(idle, globals, rules, ++tick);
  }

  @Benchmark
  public boolean queuedDpc() {
    return ClockTick.apply(queued, globals, rules, ++tick);
  }
}
