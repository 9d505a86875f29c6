package dpcsim.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Scenario;

/** Checks that two debug targets paused at the same point show the same machine. */
public final class TargetsAgree {
  private TargetsAgree() {}

  /**
   * Every processor's snapshot and IPI state, and every KDPC, are equal in {@code a} and {@code b}.
   */
  public static void assertSameState(Scenario s, DebugTarget a, DebugTarget b, String where) {
    for (int p = 0; p < s.processors(); p++) {
      assertEquals(a.snapshot(p), b.snapshot(p), "processor " + p + " " + where);
      assertEquals(a.ipis().state(p), b.ipis().state(p), "IPI state of " + p + " " + where);
    }
    for (DpcDef d : s.dpcs()) {
      assertEquals(a.kdpc(d.name()), b.kdpc(d.name()), "KDPC " + d.name() + " " + where);
    }
  }
}
