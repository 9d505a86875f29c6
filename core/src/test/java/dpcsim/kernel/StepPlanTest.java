package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.scenario.Op;
import dpcsim.scenario.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shared step order is the order a per-call stable sort by {@code min(after, duration)} gives
 * (steps without {@code after} at the end, ties in file order), for every drawn duration.
 */
class StepPlanTest {
  @Test
  void sharedOrderOrItsOwnMatchesTheStableSortForEveryDuration() {
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 2000; round++) {
      List<Step> then = new ArrayList<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        Long after = random.nextInt(3) == 0 ? null : (long) random.nextInt(8);
        then.add(new Step(new Op.Remove("d" + i), after));
      }
      StepPlan shared = StepPlan.of(new dpcsim.scenario.Work(null, then));
      for (long duration = 0; duration <= 9; duration++) {
        long d = duration;
        List<Step> expected = new ArrayList<>(then);
        expected.sort(Comparator.comparingLong(s -> offset(s, d)));
        StepPlan used = shared.fits(d) ? shared : StepPlan.forDuration(then, d);
        assertArrayEquals(expected.toArray(), used.steps, then + " for " + d + " ns");
        for (int i = 0; i < used.steps.length; i++) {
          assertEquals(offset(expected.get(i), d), Math.min(used.after[i], d));
        }
      }
    }
  }

  @Test
  void noAfterMeansOneOrderForAllDurations() {
    StepPlan plan =
        StepPlan.of(
            new dpcsim.scenario.Work(
                null, List.of(new Step(new Op.Remove("a"), null), new Step(new Op.Flush(), null))));
    assertEquals(true, plan.fits(0));
    assertEquals(Op.Remove.class, plan.steps[0].op().getClass());
  }

  private static long offset(Step s, long duration) {
    return s.afterNs() == null ? duration : Math.min(s.afterNs(), duration);
  }
}
