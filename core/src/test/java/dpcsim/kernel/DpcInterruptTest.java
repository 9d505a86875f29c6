package dpcsim.kernel;

import static dpcsim.kernel.DpcInterrupt.Request.IPI;
import static dpcsim.kernel.DpcInterrupt.Request.NONE;
import static dpcsim.kernel.DpcInterrupt.Request.SOFTWARE_INTERRUPT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.scenario.Importance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The interrupt decision of an insertion (R-14..R-17), called directly on a KPRCB. */
class DpcInterruptTest {
  private static final int TARGET = 0;
  private static final int OTHER = 1;

  /** A target whose normal queue holds {@code depth} KDPCs (the new one counted, R-16). */
  private static Kprcb target(int depth) {
    Kprcb p = Fixtures.prcb(TARGET);
    Fixtures.fill(p.normal, depth);
    return p;
  }

  private static DpcInterrupt.Request local(Kprcb p, Importance importance) {
    return DpcInterrupt.forNormalInsert(p, importance, TARGET, false, false, Profiles.WS03);
  }

  private static DpcInterrupt.Request remote(
      Kprcb p, Importance importance, boolean idle, boolean halted, Profile profile) {
    return DpcInterrupt.forNormalInsert(p, importance, OTHER, idle, halted, profile);
  }

  @Test
  @DisplayName("R-14 local: Medium and High request at once; DpcInterruptRequested is set (R-17)")
  void localNonLowRequests() {
    for (Importance i : new Importance[] {Importance.MEDIUM, Importance.HIGH}) {
      Kprcb p = target(1);
      p.dpcRequestRate = 10;
      assertEquals(SOFTWARE_INTERRUPT, local(p, i), i.name());
      assertTrue(p.dpcInterruptRequested());
    }
  }

  @Test
  @DisplayName("R-14 local: Low requests only below MinimumDpcRate or at the maximum depth")
  void localLow() {
    Kprcb p = target(1);
    assertEquals(SOFTWARE_INTERRUPT, local(p, Importance.LOW), "rate 0 < minimum 3");
    Kprcb q = target(3);
    q.dpcRequestRate = 3;
    assertEquals(NONE, local(q, Importance.LOW), "rate >= minimum, depth 3 < 4: waits for a tick");
    assertFalse(q.dpcInterruptRequested());
    Kprcb r = target(4);
    r.dpcRequestRate = 3;
    assertEquals(SOFTWARE_INTERRUPT, local(r, Importance.LOW), "R-16: the 4th reaches 4");
  }

  @Test
  @DisplayName("R-14/R-20: nothing while a pass runs or an interrupt is already requested")
  void gatedByFlags() {
    Kprcb active = target(4);
    active.dpcRoutineActive = true;
    assertEquals(NONE, local(active, Importance.HIGH));
    assertEquals(NONE, remote(active, Importance.HIGH, false, false, Profiles.WS03));
    Kprcb requested = target(4);
    requested.dpcInterruptRequested = true;
    assertEquals(NONE, local(requested, Importance.HIGH));
    assertEquals(NONE, remote(requested, Importance.HIGH, false, false, Profiles.TEXTBOOK));
  }

  @Test
  @DisplayName("R-14 remote (WRK): High or full depth, AND a busy or idle-halted target")
  void wrkRemote() {
    assertEquals(IPI, remote(target(1), Importance.HIGH, false, false, Profiles.WS03));
    assertEquals(
        NONE,
        remote(target(1), Importance.HIGH, true, false, Profiles.WS03),
        "idle, not halted: it polls (R-30)");
    assertEquals(IPI, remote(target(1), Importance.HIGH, true, true, Profiles.WS03));
    assertEquals(NONE, remote(target(3), Importance.MEDIUM, false, false, Profiles.WS03));
    assertEquals(
        IPI,
        remote(target(4), Importance.LOW, false, false, Profiles.WS03),
        "R-16: >= after the increment");
    Kprcb p = target(1);
    remote(p, Importance.HIGH, false, false, Profiles.REACTOS);
    assertTrue(p.dpcInterruptRequested(), "R-17: set by the inserting side");
  }

  @Test
  @DisplayName(
      "R-14 remote (textbook): High always; Low/Medium at full depth or if the target idles")
  void textbookRemote() {
    assertEquals(IPI, remote(target(1), Importance.HIGH, true, false, Profiles.TEXTBOOK));
    assertEquals(IPI, remote(target(1), Importance.MEDIUM, true, false, Profiles.TEXTBOOK));
    assertEquals(NONE, remote(target(1), Importance.MEDIUM, false, false, Profiles.TEXTBOOK));
    assertEquals(IPI, remote(target(4), Importance.LOW, false, false, Profiles.TEXTBOOK));
  }

  @Test
  @DisplayName("R-4/R-14: MediumHigh counts as High for the remote decision under win10 only")
  void mediumHigh() {
    assertEquals(NONE, remote(target(1), Importance.MEDIUM_HIGH, false, false, Profiles.WS03));
    assertEquals(IPI, remote(target(1), Importance.MEDIUM_HIGH, false, false, Profiles.WIN10));
    assertFalse(DpcInterrupt.countsAsHigh(MediumHigh.AS_MEDIUM, Importance.MEDIUM_HIGH));
    assertTrue(DpcInterrupt.countsAsHigh(MediumHigh.HIGH_DECISION_TAIL, Importance.MEDIUM_HIGH));
    assertFalse(DpcInterrupt.countsAsHigh(MediumHigh.HIGH_DECISION_TAIL, Importance.MEDIUM));
  }

  @Test
  @DisplayName("R-10a: a maximum depth of 0 makes every insertion meet the depth condition")
  void zeroMaximum() {
    Kprcb p = target(1);
    p.maximumDpcQueueDepth = 0;
    assertEquals(IPI, remote(p, Importance.LOW, false, false, Profiles.WS03));
  }

  @Test
  @DisplayName("R-15: a threaded insertion requests the DPC thread, never DpcInterruptRequested")
  void threadedLocal() {
    Kprcb p = Fixtures.threadedPrcb(TARGET);
    assertEquals(SOFTWARE_INTERRUPT, DpcInterrupt.forThreadedInsert(p, TARGET, false, false));
    assertTrue(p.dpcThreadRequested());
    assertTrue(p.quantumEnd());
    assertFalse(p.dpcInterruptRequested());
    assertEquals(
        NONE, DpcInterrupt.forThreadedInsert(p, TARGET, false, false), "already requested");
  }

  @Test
  @DisplayName("R-15: a remote threaded insertion sends an IPI to a busy or halted target only")
  void threadedRemote() {
    assertEquals(
        IPI, DpcInterrupt.forThreadedInsert(Fixtures.threadedPrcb(TARGET), OTHER, false, false));
    assertEquals(
        IPI, DpcInterrupt.forThreadedInsert(Fixtures.threadedPrcb(TARGET), OTHER, true, true));
    Kprcb idle = Fixtures.threadedPrcb(TARGET);
    assertEquals(NONE, DpcInterrupt.forThreadedInsert(idle, OTHER, true, false));
    assertTrue(idle.quantumEnd(), "its idle loop notices QuantumEnd (R-30)");
    Kprcb active = Fixtures.threadedPrcb(TARGET);
    active.dpcThreadActive = true;
    assertEquals(NONE, DpcInterrupt.forThreadedInsert(active, OTHER, false, false));
    assertFalse(active.dpcThreadRequested(), "an active thread drains the new KDPC too");
  }
}
