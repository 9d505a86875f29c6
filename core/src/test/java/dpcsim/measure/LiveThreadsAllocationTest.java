package dpcsim.measure;

import static dpcsim.measure.Allocations.MB;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The sum over live threads counts a thread started after the snapshot from zero, leaves out the
 * excluded names, and loses a thread that ended before the read. The other threads of the test JVM
 * allocate far less than the 32 MiB used here while a test runs.
 */
class LiveThreadsAllocationTest {
  private static final int SIZE_MB = 32;

  /** Reads {@code snapshot} while a thread named {@code name}, which allocated, is still alive. */
  private static long readWhileAlive(LiveThreadsAllocation snapshot, String name)
      throws InterruptedException {
    CountDownLatch allocated = new CountDownLatch(1);
    CountDownLatch read = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              Allocations.allocate(SIZE_MB);
              allocated.countDown();
              try {
                read.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    t.start();
    allocated.await();
    long bytes = snapshot.bytesSince();
    read.countDown();
    t.join();
    return bytes;
  }

  @Test
  void aThreadStartedSinceCountsFromZero() throws InterruptedException {
    LiveThreadsAllocation snapshot = LiveThreadsAllocation.snapshot(Set.of());
    long bytes = readWhileAlive(snapshot, "allocating-worker");
    assertTrue(bytes >= (long) SIZE_MB * MB, "counted " + bytes);
  }

  @Test
  void theCallingThreadCounts() {
    LiveThreadsAllocation snapshot = LiveThreadsAllocation.snapshot(Set.of());
    Allocations.allocate(SIZE_MB);
    long bytes = snapshot.bytesSince();
    assertTrue(bytes >= (long) SIZE_MB * MB, "counted " + bytes);
  }

  @Test
  void anExcludedNameIsLeftOut() throws InterruptedException {
    LiveThreadsAllocation snapshot = LiveThreadsAllocation.snapshot(Set.of("excluded-worker"));
    long bytes = readWhileAlive(snapshot, "excluded-worker");
    assertTrue(bytes >= 0, "counted " + bytes);
    assertTrue(bytes < (long) SIZE_MB * MB, "the excluded thread's bytes left out: " + bytes);
  }

  @Test
  void aThreadThatEndedIsLost() throws InterruptedException {
    LiveThreadsAllocation snapshot = LiveThreadsAllocation.snapshot(Set.of());
    Allocations.runOnThread("short-lived", () -> Allocations.allocate(SIZE_MB));
    long bytes = snapshot.bytesSince();
    assertTrue(bytes >= 0, "counted " + bytes);
    assertTrue(bytes < (long) SIZE_MB * MB, "the dead thread's count is gone: " + bytes);
  }
}
