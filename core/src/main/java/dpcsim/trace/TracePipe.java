package dpcsim.trace;

import dpcsim.measure.AllocationTally;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hands the ordered trace to one consumer running on a thread of its own, in batches: the JSON
 * Lines writer's formatting and hashing then take the second core while the engine's thread
 * simulates. The consumer sees exactly the events, in exactly the order, it would see inline, so
 * the trace and its hash do not depend on the threads' timing. A consumer's failure (an {@code
 * IOException} writing the file) is rethrown to the engine's thread at the next hand-over or at
 * {@link #finish}, as the same exception object.
 *
 * <p>{@link #close} stops the thread of a run that ended without {@link #finish} (a fault, a
 * cancel).
 *
 * <p>The consumer's thread adds the bytes it allocated to {@link #consumerAllocation} as it ends:
 * the JVM forgets a dead thread's count, and {@code dpcsim bench} reports the trace's allocation
 * per DPC apart from the engine's. One read per pipe, none per event.
 */
public final class TracePipe implements TraceConsumer, AutoCloseable {
  /** The consumer's thread's name: allocation measurements leave it out of the engine's share. */
  public static final String THREAD_NAME = "dpcsim-trace-writer";

  /** Events per hand-over: enough to make the queue's cost per event negligible. */
  static final int BATCH = 4096;

  /** Events the consumer takes at a time: a closed pipe stops within a batch. */
  static final int SLICE = 1024;

  /** Batches in flight: the engine waits when the consumer is this far behind. */
  static final int IN_FLIGHT = 8;

  /** How long {@link #close} waits for the consumer to stop (it may be blocked writing). */
  static final long CLOSE_WAIT_MS = 1000;

  /** Every ended consumer thread of this JVM's threaded pipes, with its allocated bytes. */
  private static final AllocationTally CONSUMERS = new AllocationTally();

  private final TraceConsumer downstream;
  private final Thread thread; // null: runs the consumer inline
  private final BlockingQueue<Object> full = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final BlockingQueue<TraceBuffer> spare = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
  private final TraceNames names;
  private TraceBuffer batch;
  private volatile Throwable failure;
  private volatile boolean closed;
  private boolean finished;

  private record Batch(TraceBuffer events) {}

  private record Finish(long simulatedNs) {}

  private record Drained(CountDownLatch latch) {}

  private TracePipe(TraceNames names, TraceConsumer downstream, boolean threaded) {
    this.names = names;
    this.downstream = downstream;
    if (!threaded) {
      this.thread = null;
      return;
    }
    this.batch = newBatch();
    this.thread = new Thread(this::drain, THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * @param threaded run {@code downstream} on its own thread; false passes events straight through
   *     (for a consumer too cheap to be worth a hand-over)
   */
  public static TracePipe to(TraceNames names, TraceConsumer downstream, boolean threaded) {
    return new TracePipe(names, downstream, threaded);
  }

  private TraceBuffer newBatch() {
    return new TraceBuffer(names, BATCH + InstantSorter.BATCH);
  }

  /**
   * @return the consumer threads of this JVM's threaded pipes that have ended so far (a pipe whose
   *     {@link #finish} returned has: it waits for the thread), and the bytes they allocated in
   *     their lives; the difference over a run is that run's trace consumer when nothing else runs
   *     meanwhile. No thread is added if the JVM cannot count allocations.
   */
  public static AllocationTally.Total consumerAllocation() {
    return CONSUMERS.total();
  }

  @Override
  public void accept(TraceEvent event) {
    if (thread == null) {
      downstream.accept(event);
      return;
    }
    batch.add(event);
    if (batch.size() >= BATCH) {
      handOver();
    }
  }

  @Override
  public void accept(TraceBuffer events, int from, int to) {
    if (thread == null) {
      downstream.accept(events, from, to);
      return;
    }
    batch.copyRange(events, from, to);
    if (batch.size() >= BATCH) {
      handOver();
    }
  }

  private void handOver() {
    rethrowFailure();
    put(new Batch(batch));
    TraceBuffer next = spare.poll();
    batch = next != null ? next : newBatch();
  }

  @Override
  public void finish(long simulatedNs) {
    if (thread == null) {
      downstream.finish(simulatedNs);
      return;
    }
    if (batch.size() > 0) {
      handOver();
    }
    put(new Finish(simulatedNs));
    finished = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the trace writer finished", e);
    }
    rethrowFailure();
  }

  /**
   * Waits until the consumer has taken every event accepted so far (a paused run's observers are
   * then up to date); rethrows its failure.
   */
  public void catchUp() {
    if (thread == null) {
      return;
    }
    if (batch.size() > 0) {
      handOver();
    }
    CountDownLatch latch = new CountDownLatch(1);
    put(new Drained(latch));
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the trace writer caught up", e);
    }
    rethrowFailure();
  }

  /**
   * Stops the consumer's thread if the run ended without {@link #finish}, and waits for it (at most
   * {@link #CLOSE_WAIT_MS}): the files it writes are about to be deleted. Idempotent.
   */
  @Override
  public void close() {
    if (thread != null && !finished) {
      closed = true;
      thread.interrupt();
      try {
        thread.join(CLOSE_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void put(Object message) {
    try {
      full.put(message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing the trace to its writer", e);
    }
  }

  private void rethrowFailure() {
    Throwable t = failure;
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  /** The consumer's thread: every batch in order, then the finish; then its allocation. */
  private void drain() {
    try {
      consume();
    } finally {
      CONSUMERS.addCurrentThread();
    }
  }

  private void consume() {
    while (!closed) {
      Object message;
      try {
        message = full.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return; // closed
      }
      if (message instanceof Batch b) {
        if (failure == null) {
          try {
            // A closed pipe's run is abandoned: stop within the batch, not after it.
            TraceBuffer events = b.events();
            for (int i = 0; i < events.size() && !closed; i += SLICE) {
              downstream.accept(events, i, Math.min(events.size(), i + SLICE));
            }
          } catch (Throwable t) {
            failure = t; // later batches are dropped; the engine's thread rethrows it
          }
        }
        b.events().clear();
        spare.offer(b.events());
      } else if (message instanceof Drained d) {
        d.latch().countDown();
      } else if (message instanceof Finish f) {
        if (failure == null) {
          try {
            downstream.finish(f.simulatedNs());
          } catch (Throwable t) {
            failure = t;
          }
        }
        return;
      }
    }
  }
}
