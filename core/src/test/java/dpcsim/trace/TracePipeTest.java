package dpcsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.measure.AllocationTally;
import dpcsim.measure.ThreadAllocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The consumer behind a pipe sees what it would see inline, and its failures come back. */
class TracePipeTest {
  private static final class Record implements TraceConsumer {
    final List<TraceEvent> events = new ArrayList<>();
    final List<String> threads = new ArrayList<>();
    long finishedAt = -1;

    @Override
    public void accept(TraceEvent event) {
      events.add(event);
      if (threads.isEmpty()) {
        threads.add(Thread.currentThread().getName());
      }
    }

    @Override
    public void finish(long simulatedNs) {
      finishedAt = simulatedNs;
    }
  }

  /** The KDPC names the events use: later, d0, d1, ... */
  private static final TraceNames NAMES =
      new TraceNames(
          java.util.stream.IntStream.range(0, TracePipe.BATCH * (TracePipe.IN_FLIGHT + 4))
              .mapToObj(i -> i == 0 ? "later" : "d" + (i - 1))
              .toList(),
          List.of());

  private static List<TraceEvent> events(int n) {
    List<TraceEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new TraceEvent.DpcEnd(i, i % 5, "d" + i));
    }
    return out;
  }

  @Test
  void threadedDeliversEveryEventInOrderThenFinishes() {
    // More than IN_FLIGHT full batches plus a partial one: the engine side waits, nothing is lost.
    List<TraceEvent> in = events(TracePipe.BATCH * (TracePipe.IN_FLIGHT + 3) + 17);
    Record r = new Record();
    try (TracePipe pipe = TracePipe.to(NAMES, r, true)) {
      in.forEach(pipe::accept);
      pipe.finish(123);
    }
    assertEquals(in, r.events);
    assertEquals(123, r.finishedAt);
    assertNotEquals(Thread.currentThread().getName(), r.threads.get(0));
  }

  @Test
  void theConsumersThreadTalliesItsAllocationBeforeFinishReturns() {
    // dpcsim bench reads the tally right after a run: the thread must have added itself by then.
    AtomicLong ownCount = new AtomicLong();
    List<byte[]> kept = new ArrayList<>();
    TraceConsumer allocating =
        new TraceConsumer() {
          @Override
          public void accept(TraceEvent event) {}

          @Override
          public void finish(long simulatedNs) {
            kept.add(new byte[4 << 20]);
            ownCount.set(ThreadAllocation.currentThread());
          }
        };
    AllocationTally.Total before = TracePipe.consumerAllocation();
    try (TracePipe pipe = TracePipe.to(NAMES, allocating, true)) {
      events(10).forEach(pipe::accept);
      pipe.finish(10);
    }
    AllocationTally.Total added = TracePipe.consumerAllocation().minus(before);
    assertEquals(1, kept.size());
    assertTrue(added.threads() >= 1, "the consumer's thread added itself");
    assertTrue(added.bytes() >= 4 << 20, "added " + added.bytes());
    assertTrue(added.bytes() >= ownCount.get(), "its whole life, finish included");
  }

  @Test
  void inlineRunsOnTheCallersThread() {
    Record r = new Record();
    try (TracePipe pipe = TracePipe.to(NAMES, r, false)) {
      events(3).forEach(pipe::accept);
      pipe.finish(9);
    }
    assertEquals(events(3), r.events);
    assertEquals(Thread.currentThread().getName(), r.threads.get(0));
  }

  @Test
  void theConsumersFailureIsRethrownOnTheEngineThread() {
    UncheckedIOException disk = new UncheckedIOException(new IOException("No space left"));
    TraceConsumer failing =
        e -> {
          if (e.t() == 5) {
            throw disk;
          }
        };
    TracePipe pipe = TracePipe.to(NAMES, failing, true);
    UncheckedIOException thrown =
        assertThrows(
            UncheckedIOException.class,
            () -> {
              for (TraceEvent e : events(TracePipe.BATCH * 3)) {
                pipe.accept(e);
              }
              pipe.finish(1);
            });
    assertSame(disk, thrown);
    pipe.close();
  }

  @Test
  void closeWithoutFinishStopsTheThread() throws Exception {
    Record r = new Record();
    TracePipe pipe = TracePipe.to(NAMES, r, true);
    events(10).forEach(pipe::accept);
    pipe.close();
    Thread writer = null;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(TracePipe.THREAD_NAME)) {
        writer = t;
        t.join(5_000);
      }
    }
    assertTrue(writer == null || !writer.isAlive(), "the writer thread ended");
    assertFalse(r.finishedAt >= 0, "an abandoned run is not finished");
  }

  @Test
  void catchUpReturnsOnceTheConsumerHasSeenEverySentEvent() {
    Record r = new Record();
    try (TracePipe pipe = TracePipe.to(NAMES, r, true)) {
      List<TraceEvent> in = events(TracePipe.BATCH + 5); // a full batch and a partial one
      in.forEach(pipe::accept);
      pipe.catchUp();
      assertEquals(in, List.copyOf(r.events));
      pipe.accept(new TraceEvent.DpcEnd(99_999, 0, "later"));
      pipe.finish(100_000);
    }
    assertEquals(TracePipe.BATCH + 6, r.events.size());
  }

  @Test
  void closeStopsTheConsumerWithinItsBatchAndWaitsForIt() throws InterruptedException {
    // A cancelled run closes the pipe and then deletes the files its consumer writes.
    AtomicInteger seen = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    TracePipe pipe =
        TracePipe.to(
            NAMES,
            e -> {
              seen.incrementAndGet();
              started.countDown();
              LockSupport.parkNanos(1_000_000); // a slow consumer: a batch takes seconds
            },
            true);
    events(TracePipe.BATCH).forEach(pipe::accept);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    long start = System.nanoTime();
    pipe.close();
    long closeMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(closeMs < TracePipe.CLOSE_WAIT_MS, "the consumer ended; close took " + closeMs);
    int atClose = seen.get();
    assertTrue(atClose < TracePipe.BATCH, "stopped within the batch: " + atClose);
  }
}
