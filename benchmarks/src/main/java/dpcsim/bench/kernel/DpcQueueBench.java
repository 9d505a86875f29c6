package dpcsim.bench.kernel;

import dpcsim.bench.Scenarios;
import dpcsim.kernel.Kdpc;
import dpcsim.kernel.KernelMicrobench;
import dpcsim.kernel.Machine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The intrusive DPC list: one insertion and one removal of the head per
 * operation, on a list that holds {@link #DEPTH} DPCs throughout. The list operations are
 * package-private in the kernel (only its rule code calls them); {@link KernelMicrobench} drives
 * exactly that code for this benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DpcQueueBench {
  static final int DEPTH = 8;

  KernelMicrobench.QueueLoop loop;

  @Setup
  public void setUp() {
    StringBuilder yaml = new StringBuilder("processors: 1\nduration: 1s\ndpcs:\n");
    for (int i = 0; i <= DEPTH; i++) {
      yaml.append("  d").append(i).append(": { routine: { duration: 1us } }\n");
    }
    loop = new KernelMicrobench.QueueLoop(new Machine(Scenarios.parse(yaml.toString())), DEPTH);
  }

  /** A Medium/Low insertion (at the tail), then the retire loop's removal of the head. */
  @Benchmark
  public Kdpc insertTailRemoveHead() {
    return loop.insertTailRemoveHead();
  }

  /** A High insertion (at the head), then the removal of the head. */
  @Benchmark
  public Kdpc insertHeadRemoveHead() {
    return loop.insertHeadRemoveHead();
  }
}
