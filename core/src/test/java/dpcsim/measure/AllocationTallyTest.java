package dpcsim.measure;

import static dpcsim.measure.Allocations.MB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A thread that adds itself before it ends keeps its count in the tally. */
class AllocationTallyTest {
  @Test
  void eachThreadAddsItsWholeLife() throws InterruptedException {
    AllocationTally tally = new AllocationTally();
    AllocationTally.Total start = tally.total();
    for (int n = 1; n <= 2; n++) {
      int megabytes = 2 * n;
      Allocations.runOnThread(
          "tallied-" + n,
          () -> {
            Allocations.allocate(megabytes);
            tally.addCurrentThread();
          });
    }
    AllocationTally.Total added = tally.total().minus(start);
    assertEquals(2, added.threads());
    assertTrue(added.bytes() >= 6L * MB, "added " + added.bytes());
  }

  @Test
  void minusIsTheDifference() {
    AllocationTally.Total earlier = new AllocationTally.Total(2, 100);
    AllocationTally.Total later = new AllocationTally.Total(5, 350);
    assertEquals(new AllocationTally.Total(3, 250), later.minus(earlier));
  }
}
