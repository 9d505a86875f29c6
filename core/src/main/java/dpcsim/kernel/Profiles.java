package dpcsim.kernel;

import dpcsim.kernel.Profile.DepthCeiling;
import dpcsim.kernel.Profile.DepthFloor;
import dpcsim.kernel.Profile.DpcThreads;
import dpcsim.kernel.Profile.Identity;
import dpcsim.kernel.Profile.RequestClear;
import dpcsim.kernel.Profile.RequestTest;
import dpcsim.kernel.Profile.TargetBias;
import dpcsim.kernel.Profile.Tick;
import dpcsim.kernel.Profile.TypeCodes;
import dpcsim.kernel.Profile.Watchdog;
import dpcsim.kernel.layout.KdpcFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of kernel profiles, looked up by name: one row per profile, one named reading per
 * column (the order of {@link Profile}'s components).
 */
public final class Profiles {
  /** WRK 1.2, NT 5.2 (Windows Server 2003 SP1). */
  public static final Profile WS03 =
      new Profile(
          "ws03",
          "Windows Research Kernel 1.2 (NT 5.2)",
          new Identity(KdpcFamily.NT52, TypeCodes.NT5_NT6, TargetBias.NT52),
          MediumHigh.AS_MEDIUM,
          RemoteRule.WRK,
          RequestClear.DISPATCH_INTERRUPT_AND_PASS_END,
          new Tick(
              TickRule.LEGACY,
              RequestTest.REQUIRES_NONE_REQUESTED,
              DepthFloor.NOT_ONE,
              DepthCeiling.NOT_GLOBAL),
          DpcThreads.OFF_BY_DEFAULT,
          Watchdog.NONE,
          DpcBehaviorScope.GLOBALS_ONLY,
          Defaults.STANDARD);

  /** Modern x64 Windows 10 as decompiled (lower confidence). */
  public static final Profile WIN10 =
      new Profile(
          "win10",
          "Windows 10 x64, decompiled (lower confidence)",
          new Identity(KdpcFamily.NT63, TypeCodes.MODERN_X64, TargetBias.MODERN),
          MediumHigh.HIGH_DECISION_TAIL,
          RemoteRule.WRK,
          RequestClear.DISPATCH_INTERRUPT_AND_PASS_END,
          new Tick(
              TickRule.DECAY,
              RequestTest.REQUIRES_NONE_REQUESTED,
              DepthFloor.ABOVE_ONE,
              DepthCeiling.BELOW_GLOBAL),
          DpcThreads.ON_BY_DEFAULT,
          Watchdog.BUG_CHECK_0X133,
          DpcBehaviorScope.GLOBALS_AND_PROCESSORS,
          Defaults.STANDARD);

  /** ReactOS ntoskrnl/ke/dpc.c. */
  public static final Profile REACTOS =
      new Profile(
          "reactos",
          "ReactOS ntoskrnl/ke/dpc.c",
          new Identity(KdpcFamily.NT60, TypeCodes.NT5_NT6, TargetBias.NT52),
          MediumHigh.AS_MEDIUM,
          RemoteRule.WRK,
          RequestClear.PASS_END_ONLY,
          new Tick(
              TickRule.LEGACY,
              RequestTest.IGNORES_REQUESTED,
              DepthFloor.ABOVE_ONE,
              DepthCeiling.NOT_GLOBAL),
          DpcThreads.NONE,
          Watchdog.NONE,
          DpcBehaviorScope.GLOBALS_ONLY,
          Defaults.STANDARD);

  /** Russinovich's "Inside NT's DPC" / Inside Windows DPC interrupt generation table. */
  public static final Profile TEXTBOOK =
      new Profile(
          "textbook",
          "Russinovich, Inside NT's DPC / Windows Internals table",
          new Identity(KdpcFamily.NT351, TypeCodes.NT5_NT6, TargetBias.NT52),
          MediumHigh.AS_MEDIUM,
          RemoteRule.TEXTBOOK,
          RequestClear.DISPATCH_INTERRUPT_AND_PASS_END,
          new Tick(
              TickRule.LEGACY,
              RequestTest.REQUIRES_NONE_REQUESTED,
              DepthFloor.NOT_ONE,
              DepthCeiling.NOT_GLOBAL),
          DpcThreads.OFF_BY_DEFAULT,
          Watchdog.NONE,
          DpcBehaviorScope.GLOBALS_ONLY,
          Defaults.STANDARD);

  private static final Map<String, Profile> BY_NAME = new LinkedHashMap<>();

  static {
    for (Profile p : List.of(WS03, WIN10, REACTOS, TEXTBOOK)) {
      BY_NAME.put(p.name(), p);
    }
  }

  private Profiles() {}

  /**
   * @return the profile called {@code name}
   * @throws IllegalArgumentException if there is none
   */
  public static Profile byName(String name) {
    Profile p = BY_NAME.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown profile '" + name + "' (expected " + String.join(", ", names()) + ")");
    }
    return p;
  }

  /**
   * @return the profile names, in table order
   */
  public static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(BY_NAME.keySet()));
  }
}
