package dpcsim.kernel;

import dpcsim.bench.Scenarios;
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
 * operation, on a list that holds {@link #DEPTH} DPCs throughout. In package {@code dpcsim.kernel}
 * because the list operations are package-private: only the processor's rule code calls them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DpcQueueBench {
  static final int DEPTH = 8;

  DpcQueue queue;
  private Kdpc spare;

  @Setup
  public void setUp() {
    StringBuilder yaml = new StringBuilder("processors: 1\nduration: 1s\ndpcs:\n");
    for (int i = 0; i <= DEPTH; i++) {
      yaml.append("  d").append(i).append(": { routine: { duration: 1us } }\n");
    }
    KdpcTable kdpcs = new KdpcTable(new Machine(Scenarios.parse(yaml.toString())));
    queue = new DpcQueue(0, DpcQueue.Kind.NORMAL);
    for (int i = 0; i < DEPTH; i++) {
      queue.insert(kdpcs.get(i), false);
    }
    spare = kdpcs.get(DEPTH);
  }

  /** A Medium/Low insertion (at the tail), then the retire loop's removal of the head. */
  @Benchmark
  public Kdpc insertTailRemoveHead() {
    queue.insert(spare, false);
    spare = queue.removeHead();
    return spare;
  }

  /** A High insertion (at the head), then the removal of the head. */
  @Benchmark
  public Kdpc insertHeadRemoveHead() {
    queue.insert(spare, true);
    spare = queue.removeHead();
    return spare;
  }
}
