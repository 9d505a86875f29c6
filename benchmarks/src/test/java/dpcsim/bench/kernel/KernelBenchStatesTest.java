package dpcsim.bench.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.kernel.Kdpc;
import org.junit.jupiter.api.Test;

/** The kernel benchmarks measure what they say: run a few operations by hand, without JMH. */
class KernelBenchStatesTest {

  @Test
  void dpcQueueBenchKeepsItsDepthAndRotatesTheList() {
    DpcQueueBench bench = new DpcQueueBench();
    bench.setUp();
    Kdpc first = bench.loop.queue().entries().get(0);
    assertEquals(first, bench.insertTailRemoveHead(), "FIFO: the old head comes out");
    for (int i = 0; i < 10; i++) {
      bench.insertTailRemoveHead();
      bench.insertHeadRemoveHead();
    }
    assertEquals(DpcQueueBench.DEPTH, bench.loop.queue().depth());
    assertEquals(DpcQueueBench.DEPTH, bench.loop.queue().entries().size());
    assertEquals(DpcQueueBench.DEPTH + 21L, bench.loop.queue().count());
  }

  @Test
  void tickBenchTakesBothPathsOfTheTick() {
    TickBench bench = new TickBench();
    bench.profile = "ws03";
    bench.setUp();
    assertFalse(bench.emptyQueue(), "R-26: an empty list requests nothing");
    assertTrue(bench.queuedDpc(), "R-25: a queued DPC with no routine active requests DISPATCH");
  }
}
