package dpcsim.measure;

import static dpcsim.measure.Allocations.MB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A thread's count grows by at least what it allocated, read on it or from another thread. */
class ThreadAllocationTest {
  @Test
  void theJdkCounts() {
    assertTrue(ThreadAllocation.supported(), "HotSpot counts threads' allocations");
  }

  @Test
  void currentThreadGrowsByAtLeastTheArray() {
    long before = ThreadAllocation.currentThread();
    Allocations.allocate(1);
    long after = ThreadAllocation.currentThread();
    assertTrue(before >= 0, "counted: " + before);
    assertTrue(after - before >= MB, "allocated " + (after - before));
  }

  @Test
  void anotherLiveThreadIsReadByItsId() throws InterruptedException {
    CountDownLatch allocated = new CountDownLatch(1);
    CountDownLatch read = new CountDownLatch(1);
    AtomicLong ownCount = new AtomicLong();
    Thread t =
        new Thread(
            () -> {
              Allocations.allocate(4);
              ownCount.set(ThreadAllocation.currentThread());
              allocated.countDown();
              try {
                read.await(); // stays alive until the test has read it
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    t.start();
    allocated.await();
    long fromOutside = ThreadAllocation.of(t.getId());
    read.countDown();
    t.join();
    assertTrue(fromOutside >= 4L * MB, "read from outside: " + fromOutside);
    assertTrue(fromOutside >= ownCount.get(), "the count only grows");
  }

  @Test
  void anEndedThreadHasNoCount() throws InterruptedException {
    Thread t = new Thread(() -> Allocations.allocate(1));
    t.start();
    t.join();
    assertEquals(ThreadAllocation.UNSUPPORTED, ThreadAllocation.of(t.getId()));
  }
}
