package dpcsim.kernel;

import dpcsim.kernel.layout.KdpcFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table of kernel profiles (spec section P), looked up by name. */
public final class Profiles {
  /** WRK 1.2, NT 5.2 (Windows Server 2003 SP1). */
  public static final Profile WS03 =
      new Profile(
          "ws03",
          "Windows Research Kernel 1.2 (NT 5.2)",
          KdpcFamily.NT52,
          0x13,
          0x18,
          32,
          64,
          MediumHigh.AS_MEDIUM,
          RemoteRule.WRK,
          TickRule.LEGACY,
          true,
          false,
          false,
          true,
          true,
          false,
          false,
          DpcBehaviorScope.GLOBALS_ONLY,
          Defaults.STANDARD);

  /** Modern x64 Windows 10 as decompiled (lower confidence, spec P). */
  public static final Profile WIN10 =
      new Profile(
          "win10",
          "Windows 10 x64, decompiled (lower confidence)",
          KdpcFamily.NT63,
          0x13,
          0x1A,
          0x20,
          0x500,
          MediumHigh.HIGH_DECISION_TAIL,
          RemoteRule.WRK,
          TickRule.DECAY,
          true,
          true,
          true,
          true,
          true,
          true,
          true,
          DpcBehaviorScope.GLOBALS_AND_PROCESSORS,
          Defaults.STANDARD);

  /** ReactOS ntoskrnl/ke/dpc.c. */
  public static final Profile REACTOS =
      new Profile(
          "reactos",
          "ReactOS ntoskrnl/ke/dpc.c",
          KdpcFamily.NT60,
          0x13,
          0x18,
          32,
          64,
          MediumHigh.AS_MEDIUM,
          RemoteRule.WRK,
          TickRule.LEGACY,
          false,
          true,
          false,
          false,
          false,
          false,
          false,
          DpcBehaviorScope.GLOBALS_ONLY,
          Defaults.STANDARD);

  /** Russinovich's "Inside NT's DPC" / Inside Windows DPC interrupt generation table. */
  public static final Profile TEXTBOOK =
      new Profile(
          "textbook",
          "Russinovich, Inside NT's DPC / Windows Internals table",
          KdpcFamily.NT351,
          0x13,
          0x18,
          32,
          64,
          MediumHigh.AS_MEDIUM,
          RemoteRule.TEXTBOOK,
          TickRule.LEGACY,
          true,
          false,
          false,
          true,
          true,
          false,
          false,
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
