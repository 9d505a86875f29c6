package dpcsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.measure.ThreadAllocation;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TracePipe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("bench: one run's allocation, the engine's and the trace writer's")
class RunAllocationTest {
  private static final int MB = 1 << 20;

  /** Keeps each allocation reachable, so the JIT cannot remove it. */
  private static volatile byte[] kept;

  /** A run's stand-in: the calling thread allocates 8 MiB, a trace pipe's thread 2 MiB. */
  private static void run() {
    for (int i = 0; i < 8; i++) {
      kept = new byte[MB];
    }
    TraceConsumer writer =
        new TraceConsumer() {
          @Override
          public void accept(TraceEvent event) {}

          @Override
          public void finish(long simulatedNs) {
            kept = new byte[2 * MB];
          }
        };
    try (TracePipe pipe = TracePipe.to(TraceNames.NONE, writer, true)) {
      pipe.finish(1);
    }
  }

  @Test
  @DisplayName("calling thread only: its bytes are the engine's, the pipe's thread's are apart")
  void callingThread() {
    RunAllocation a = RunAllocation.start(true);
    run();
    RunAllocation.Bytes b = a.stop();
    assertTrue(b.engineBytes() >= 8L * MB, "engine " + b.engineBytes());
    assertTrue(b.traceBytes() >= 2L * MB, "trace " + b.traceBytes());
    assertTrue(b.enginePerDpc(1024) >= 8L * 1024, "per DPC " + b.enginePerDpc(1024));
  }

  @Test
  @DisplayName("live threads: the calling thread counts among them")
  void liveThreads() {
    RunAllocation a = RunAllocation.start(false);
    run();
    RunAllocation.Bytes b = a.stop();
    assertTrue(b.engineBytes() >= 8L * MB, "engine " + b.engineBytes());
    assertTrue(b.traceBytes() >= 2L * MB, "trace " + b.traceBytes());
  }

  @Test
  @DisplayName("no trace thread ended, no DPC: no figure (NaN)")
  void noFigure() {
    RunAllocation a = RunAllocation.start(true);
    RunAllocation.Bytes b = a.stop();
    assertEquals(ThreadAllocation.UNSUPPORTED, b.traceBytes());
    assertTrue(Double.isNaN(b.tracePerDpc(100)));
    assertTrue(Double.isNaN(b.enginePerDpc(0)), "no DPC executed");
  }
}
