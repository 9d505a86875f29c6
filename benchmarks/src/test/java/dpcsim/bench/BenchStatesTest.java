package dpcsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The model benchmarks measure what they say: run a few operations by hand, without JMH. */
class BenchStatesTest {

  @Test
  void insertRetireBenchRetiresOneDpcPerOperation() {
    InsertRetireBench bench = new InsertRetireBench();
    bench.setUp();
    long before = bench.insertAndRetire();
    long after = before;
    for (int i = 0; i < 100; i++) {
      after = bench.insertAndRetire();
    }
    // Per period: the interrupt, the ISR's end, the routine's end (clock ticks: none this early).
    assertEquals(300, after - before);
    assertEquals(101, bench.inserted);
    assertEquals(bench.inserted, bench.ended);
    bench.check();
  }

  @Test
  void windowRoundTripBenchCarriesWorkInItsWindows() {
    WindowRoundTripBench bench = new WindowRoundTripBench();
    bench.processors = 8;
    bench.setUp();
    WindowRoundTripBench.Counts counts = new WindowRoundTripBench.Counts();
    for (int i = 0; i < 200; i++) {
      bench.window(counts);
    }
    assertEquals(200, counts.windows);
    assertTrue(counts.events >= 200, counts.events + " events in 200 windows");
  }

  @Test
  void traceConsumersBenchFeedsTheRecordedTraceToEachConsumer() {
    TraceConsumersBench bench = new TraceConsumersBench();
    bench.setUp(); // fails unless the recorded trace has EVENTS events
    // The hash of what the writer formats is the run's own traceSha256.
    String hash =
        dpcsim.engine.SequentialEngine.run(
                Scenarios.parse(dpcsim.scenario.Phold.yaml(16, 4, 0.25, "10us", 42, "20ms")),
                null,
                false)
            .traceSha256();
    assertEquals(hash, bench.writeAndHash());
    assertEquals(hash, bench.writeAndHash(), "each operation starts a fresh writer");
    assertTrue(bench.statistics() > 0, "a PHOLD run has DPC latencies");
  }
}
