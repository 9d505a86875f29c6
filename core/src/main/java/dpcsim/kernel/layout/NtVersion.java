package dpcsim.kernel.layout;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel versions {@code dpcsim layout --nt} takes: each maps to its KDPC layout family
 * and the KOBJECTS Type codes its KeInitializeDpc and KeInitializeThreadedDpc store.
 *
 * <p>Type codes, from Geoff Chappell's KOBJECTS article
 * (https://www.geoffchappell.com/studies/windows/km/ntoskrnl/inc/ntos/ke/kobjects.htm, last
 * modified February 2023), which his KDPC article repeats: "DpcObject is 0x08 originally, 0x09 in
 * versions 3.50 to 3.51, and 0x13 ever since; ThreadedDpcObject is 0x18 in versions 5.2 to 6.2, and
 * is thereafter 0x1A" (0x18 and 0x19 went to the 6.3 KTIMER2 types). Threaded DPCs, and so
 * ThreadedDpcObject, exist from 5.2 (early 5.2 included). Chappell warns that his values before
 * Windows Vista are inferred from the code, not read from symbols ("something of a guess before
 * Windows Vista"). R-3's "0x18 in 5.2/6.x headers" holds for 5.2 to 6.2; 6.3 already has 0x1A.
 *
 * <p>Version names follow Chappell: early 5.2 is Windows Server 2003 before SP1, late 5.2 starts
 * with SP1; early 6.0 is Windows Vista before SP1, late 6.0 starts with SP1 (= Server 2008).
 */
public enum NtVersion {
  NT_3_10("3.10", "Windows NT 3.1", KdpcFamily.NT310, 0x08, NtVersion.NONE),
  NT_3_50("3.50", "Windows NT 3.5", KdpcFamily.NT350, 0x09, NtVersion.NONE),
  NT_3_51("3.51", "Windows NT 3.51", KdpcFamily.NT351, 0x09, NtVersion.NONE),
  NT_4_0("4.0", "Windows NT 4.0", KdpcFamily.NT351, 0x13, NtVersion.NONE),
  NT_5_0("5.0", "Windows 2000", KdpcFamily.NT351, 0x13, NtVersion.NONE),
  NT_5_1("5.1", "Windows XP", KdpcFamily.NT351, 0x13, NtVersion.NONE),
  NT_5_2_EARLY("5.2-early", "Windows Server 2003", KdpcFamily.NT52_EARLY, 0x13, 0x18),
  NT_5_2("5.2", "Windows Server 2003 SP1 and SP2, XP x64", KdpcFamily.NT52, 0x13, 0x18),
  NT_6_0_EARLY("6.0-early", "Windows Vista", KdpcFamily.NT60_EARLY, 0x13, 0x18),
  NT_6_0("6.0", "Windows Vista SP1 and SP2, Server 2008", KdpcFamily.NT60, 0x13, 0x18),
  NT_6_1("6.1", "Windows 7", KdpcFamily.NT60, 0x13, 0x18),
  NT_6_2("6.2", "Windows 8", KdpcFamily.NT60, 0x13, 0x18),
  NT_6_3("6.3", "Windows 8.1", KdpcFamily.NT63, 0x13, 0x1A),
  NT_10_0("10.0", "Windows 10 and later", KdpcFamily.NT63, 0x13, 0x1A);

  /** Geoff Chappell's KOBJECTS article, the source of the Type codes here. */
  public static final String SOURCE =
      "https://www.geoffchappell.com/studies/windows/km/ntoskrnl/inc/ntos/ke/kobjects.htm";

  /** No ThreadedDpcObject: the version has no threaded DPCs. */
  private static final int NONE = -1;

  private final String cliName;
  private final String windows;
  private final KdpcFamily family;
  private final int dpcObjectType;
  private final int threadedDpcObjectType;

  NtVersion(
      String cliName,
      String windows,
      KdpcFamily family,
      int dpcObjectType,
      int threadedDpcObjectType) {
    this.cliName = cliName;
    this.windows = windows;
    this.family = family;
    this.dpcObjectType = dpcObjectType;
    this.threadedDpcObjectType = threadedDpcObjectType;
  }

  /**
   * @return the spelling {@code --nt} takes, e.g. {@code 5.2-early}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * @return the Windows releases of this version, e.g. {@code Windows 7}
   */
  public String windows() {
    return windows;
  }

  /**
   * @return the KDPC layout family of this version
   */
  public KdpcFamily family() {
    return family;
  }

  /**
   * @return KOBJECTS DpcObject in this version
   */
  public int dpcObjectType() {
    return dpcObjectType;
  }

  /**
   * @return KOBJECTS ThreadedDpcObject in this version, empty before 5.2
   */
  public OptionalInt threadedDpcObjectType() {
    return threadedDpcObjectType == NONE
        ? OptionalInt.empty()
        : OptionalInt.of(threadedDpcObjectType);
  }

  /**
   * @return the version spelled {@code name} on the command line, if there is one
   */
  public static Optional<NtVersion> fromCli(String name) {
    for (NtVersion v : values()) {
      if (v.cliName.equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
