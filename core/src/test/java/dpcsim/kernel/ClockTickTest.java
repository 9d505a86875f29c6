package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.scenario.Importance;
import dpcsim.scenario.Tunable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The clock tick's rate and threshold adaptation (R-24..R-28) as a pure function. */
class ClockTickTest {
  private static GlobalTunables standard() {
    return new GlobalTunables(4, 3, 20, 20);
  }

  private static Kprcb prcb(GlobalTunables g) {
    return new Kprcb(0, g, false);
  }

  private static Kdpc dpc(int id) {
    Kdpc d = new Kdpc(id, "d" + id, false, 0x13, null, id + 1);
    d.importance = Importance.LOW;
    return d;
  }

  @Test
  @DisplayName("R-24: rate = (rate + new inserts) >> 1; DpcLastCount follows DpcCount")
  void legacyRate() {
    GlobalTunables g = standard();
    Kprcb p = prcb(g);
    for (int i = 0; i < 10; i++) {
      Kdpc d = dpc(i);
      p.normal.insert(d, false);
      p.normal.unlink(d);
    }
    ClockTick.apply(p, g, Profiles.WS03, 1);
    assertEquals(5, p.dpcRequestRate());
    assertEquals(10, p.dpcLastCount());
    ClockTick.apply(p, g, Profiles.WS03, 2);
    assertEquals(2, p.dpcRequestRate(), "(5 + 0) >> 1");
  }

  @Test
  @DisplayName("R-28: the modern rate decays by the ticks elapsed")
  void decayRate() {
    assertEquals(3, TickRule.DECAY.nextRate(2, 4, 1));
    assertEquals(1, TickRule.DECAY.nextRate(2, 4, 2));
    assertEquals(3, TickRule.LEGACY.nextRate(2, 4, 5), "legacy ignores elapsed ticks");
  }

  @Test
  @DisplayName("R-25: a stuck queue requests an interrupt each tick and shrinks the maximum to 1")
  void shrinkToOne() {
    GlobalTunables g = standard();
    Kprcb p = prcb(g);
    p.normal.insert(dpc(0), false);
    int[] expected = {3, 2, 1, 1, 1};
    for (int k = 1; k <= expected.length; k++) {
      assertTrue(ClockTick.apply(p, g, Profiles.WS03, k), "R-25 requests");
      assertEquals(expected[k - 1], p.maximumDpcQueueDepth(), "tick " + k);
      assertEquals(20, p.adjustDpcThreshold(), "reset to the global each time");
      assertFalse(p.dpcInterruptRequested(), "the tick's request never sets the flag");
    }
  }

  @Test
  @DisplayName("R-25: no request while a pass runs or an interrupt is already requested")
  void noRequestWhenBusy() {
    GlobalTunables g = standard();
    Kprcb p = prcb(g);
    p.normal.insert(dpc(0), false);
    p.dpcRoutineActive = true;
    assertFalse(ClockTick.apply(p, g, Profiles.WS03, 1));
    p.dpcRoutineActive = false;
    p.dpcInterruptRequested = true;
    assertFalse(ClockTick.apply(p, g, Profiles.WS03, 2));
    assertTrue(ClockTick.apply(p, g, Profiles.REACTOS, 3), "reactos has no flag test");
  }

  @Test
  @DisplayName("R-26: after AdjustDpcThreshold quiet ticks the maximum grows back by one")
  void growBack() {
    GlobalTunables g = standard();
    Kprcb p = prcb(g);
    p.maximumDpcQueueDepth = 1;
    for (int k = 1; k <= 19; k++) {
      assertFalse(ClockTick.apply(p, g, Profiles.WS03, k));
    }
    assertEquals(1, p.maximumDpcQueueDepth());
    assertEquals(1, p.adjustDpcThreshold());
    ClockTick.apply(p, g, Profiles.WS03, 20);
    assertEquals(2, p.maximumDpcQueueDepth());
    assertEquals(20, p.adjustDpcThreshold());
    for (int k = 21; k <= 200; k++) {
      ClockTick.apply(p, g, Profiles.WS03, k);
    }
    assertEquals(4, p.maximumDpcQueueDepth(), "stops at the global maximum");
  }

  @Test
  @DisplayName("R-10/R-26: a lowered global maximum: ws03 (!=) climbs past it, win10 (<) does not")
  void loweredGlobalMaximum() {
    GlobalTunables g = standard();
    Kprcb ws03 = prcb(g);
    Kprcb win10 = prcb(g);
    g.set(Tunable.MAXIMUM_DPC_QUEUE_DEPTH, 2); // the per-processor copies stay 4
    for (int k = 1; k <= 20; k++) {
      ClockTick.apply(ws03, g, Profiles.WS03, k);
      ClockTick.apply(win10, g, Profiles.WIN10, k);
    }
    assertEquals(5, ws03.maximumDpcQueueDepth(), "WRK: != global, so it increments");
    assertEquals(4, win10.maximumDpcQueueDepth());
  }

  @Test
  @DisplayName("R-25: ws03 (!= 1) and win10 (> 1) both stop shrinking at 1")
  void floorReadings() {
    Profile.DepthFloor ws03 = Profiles.WS03.tick().floor();
    Profile.DepthFloor win10 = Profiles.WIN10.tick().floor();
    assertTrue(ClockTick.mayLowerDepth(ws03, 2));
    assertFalse(ClockTick.mayLowerDepth(ws03, 1));
    assertTrue(ClockTick.mayLowerDepth(ws03, 0), "!= 1 would go below 1 from 0");
    assertFalse(ClockTick.mayLowerDepth(win10, 0));
    assertFalse(ClockTick.mayLowerDepth(win10, 1));
  }

  @Test
  @DisplayName("R-27: a tick is charged to the ISR, else to a retire pass, else to the thread")
  void accounting() {
    Kprcb p = prcb(standard());
    ClockTick.account(p, true, true);
    ClockTick.account(p, false, true);
    ClockTick.account(p, false, true);
    ClockTick.account(p, false, false);
    assertEquals(1, p.interruptTime());
    assertEquals(2, p.dpcTime());
    assertEquals(1, p.threadTime());
  }
}
