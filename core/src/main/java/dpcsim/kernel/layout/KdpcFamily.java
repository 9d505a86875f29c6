package dpcsim.kernel.layout;

import static dpcsim.kernel.layout.Arch.X64;
import static dpcsim.kernel.layout.Arch.X86;
import static dpcsim.kernel.layout.KdpcMember.DEFERRED_CONTEXT;
import static dpcsim.kernel.layout.KdpcMember.DEFERRED_ROUTINE;
import static dpcsim.kernel.layout.KdpcMember.DPC_DATA;
import static dpcsim.kernel.layout.KdpcMember.DPC_LIST_ENTRY;
import static dpcsim.kernel.layout.KdpcMember.EXPEDITE;
import static dpcsim.kernel.layout.KdpcMember.IMPORTANCE;
import static dpcsim.kernel.layout.KdpcMember.IMPORTANCE_AT_3;
import static dpcsim.kernel.layout.KdpcMember.INSERTED;
import static dpcsim.kernel.layout.KdpcMember.LOCK;
import static dpcsim.kernel.layout.KdpcMember.NUMBER_UCHAR;
import static dpcsim.kernel.layout.KdpcMember.NUMBER_USHORT;
import static dpcsim.kernel.layout.KdpcMember.NUMBER_VOLATILE;
import static dpcsim.kernel.layout.KdpcMember.PROCESSOR_HISTORY;
import static dpcsim.kernel.layout.KdpcMember.SINGLE_DPC_LIST_ENTRY;
import static dpcsim.kernel.layout.KdpcMember.SIZE;
import static dpcsim.kernel.layout.KdpcMember.SYSTEM_ARGUMENT_1;
import static dpcsim.kernel.layout.KdpcMember.SYSTEM_ARGUMENT_2;
import static dpcsim.kernel.layout.KdpcMember.TARGET_INFO_AS_ULONG;
import static dpcsim.kernel.layout.KdpcMember.TYPE_SHORT;
import static dpcsim.kernel.layout.KdpcMember.TYPE_UCHAR;

import java.util.List;

/**
 * The KDPC layout families: every version range of Geoff Chappell's KDPC table (R-7; seeds/004,
 * https://www.geoffchappell.com/studies/windows/km/ntoskrnl/inc/ntos/ntosdef_x/kdpc.htm), each a
 * value holding its members in {@code dt} order and the architectures it was built for. A profile
 * or a version ({@link NtVersion}) names a family; nothing branches on version numbers.
 *
 * <p>x64 builds start with late 5.2: the article defines late 5.2 as beginning with Windows Server
 * 2003 SP1, "the first that has both x86 and x64 builds", and notes that "no x64 build of version
 * 5.1 is known". The families before it are x86 only, and have no x64 layout.
 */
public enum KdpcFamily {
  /** Windows NT 3.1: a Size after the Type, no Number or Importance, and Inserted at the end. */
  NT310(
      "3.10",
      List.of(X86),
      TYPE_SHORT,
      SIZE,
      DPC_LIST_ENTRY,
      DEFERRED_ROUTINE,
      DEFERRED_CONTEXT,
      SYSTEM_ARGUMENT_1,
      SYSTEM_ARGUMENT_2,
      INSERTED),

  /** 3.50: per-processor DPC lists; Inserted gives way to Lock, the list's spin lock. */
  NT350(
      "3.50",
      List.of(X86),
      TYPE_SHORT,
      SIZE,
      DPC_LIST_ENTRY,
      DEFERRED_ROUTINE,
      DEFERRED_CONTEXT,
      SYSTEM_ARGUMENT_1,
      SYSTEM_ARGUMENT_2,
      LOCK),

  /**
   * 3.51 to 5.1, the era of Russinovich's "Inside NT's DPC" (profile {@code textbook}): Size gives
   * way to a target processor Number and an Importance at 0x03.
   */
  NT351(
      "3.51 to 5.1",
      List.of(X86),
      TYPE_SHORT,
      NUMBER_UCHAR,
      IMPORTANCE_AT_3,
      DPC_LIST_ENTRY,
      DEFERRED_ROUTINE,
      DEFERRED_CONTEXT,
      SYSTEM_ARGUMENT_1,
      SYSTEM_ARGUMENT_2,
      LOCK),

  /** Early 5.2 (Windows Server 2003 before SP1): the 3.51 head, with DpcData instead of Lock. */
  NT52_EARLY(
      "early 5.2",
      List.of(X86),
      TYPE_SHORT,
      NUMBER_UCHAR,
      IMPORTANCE_AT_3,
      DPC_LIST_ENTRY,
      DEFERRED_ROUTINE,
      DEFERRED_CONTEXT,
      SYSTEM_ARGUMENT_1,
      SYSTEM_ARGUMENT_2,
      DPC_DATA),

  /**
   * Late 5.2, as in WRK 1.2 / Windows Server 2003 SP1 (profile {@code ws03}): a UCHAR Type,
   * Importance moved to 0x01, and Expedite, which exists in late 5.2 only (R-5 zeroes it).
   */
  NT52(
      "late 5.2",
      List.of(X86, X64),
      TYPE_UCHAR,
      IMPORTANCE,
      NUMBER_UCHAR,
      EXPEDITE,
      DPC_LIST_ENTRY,
      DEFERRED_ROUTINE,
      DEFERRED_CONTEXT,
      SYSTEM_ARGUMENT_1,
      SYSTEM_ARGUMENT_2,
      DPC_DATA),

  /** Early 6.0 (Windows Vista before SP1): Number widens to a USHORT and Expedite is gone. */
  NT60_EARLY(
      "early 6.0",
      List.of(X86, X64),
      TYPE_UCHAR,
      IMPORTANCE,
      NUMBER_USHORT,
      DPC_LIST_ENTRY,
      DEFERRED_ROUTINE,
      DEFERRED_CONTEXT,
      SYSTEM_ARGUMENT_1,
      SYSTEM_ARGUMENT_2,
      DPC_DATA),

  /**
   * Late 6.0 to 6.2 (profile {@code reactos}, whose wdm.h has {@code volatile USHORT Number}): as
   * early 6.0 but Number is volatile, which {@code dt} does not show.
   */
  NT60(
      "late 6.0 to 6.2",
      List.of(X86, X64),
      TYPE_UCHAR,
      IMPORTANCE,
      NUMBER_VOLATILE,
      DPC_LIST_ENTRY,
      DEFERRED_ROUTINE,
      DEFERRED_CONTEXT,
      SYSTEM_ARGUMENT_1,
      SYSTEM_ARGUMENT_2,
      DPC_DATA),

  /**
   * 6.3 and higher (profile {@code win10}, R-1): TargetInfoAsUlong overlays the first four bytes,
   * DpcListEntry becomes single-linked, and the half it frees holds {@code KAFFINITY
   * ProcessorHistory}, so every later member keeps its 6.2 offset.
   */
  NT63(
      "6.3 and higher",
      List.of(X86, X64),
      TARGET_INFO_AS_ULONG,
      TYPE_UCHAR,
      IMPORTANCE,
      NUMBER_VOLATILE,
      SINGLE_DPC_LIST_ENTRY,
      PROCESSOR_HISTORY,
      DEFERRED_ROUTINE,
      DEFERRED_CONTEXT,
      SYSTEM_ARGUMENT_1,
      SYSTEM_ARGUMENT_2,
      DPC_DATA);

  /** Geoff Chappell's KDPC article, the source of every layout here (R-7; seeds/004). */
  public static final String SOURCE =
      "https://www.geoffchappell.com/studies/windows/km/ntoskrnl/inc/ntos/ntosdef_x/kdpc.htm";

  private final String versions;
  private final List<Arch> builds;
  private final List<KdpcMember> members;

  KdpcFamily(String versions, List<Arch> builds, KdpcMember... members) {
    this.versions = versions;
    this.builds = List.copyOf(builds);
    this.members = List.of(members);
  }

  /**
   * @return the Windows versions this layout covers, in Chappell's terms (e.g. "late 5.2")
   */
  public String versions() {
    return versions;
  }

  /**
   * @return true if this family's versions had a build for {@code arch}
   */
  public boolean hasBuild(Arch arch) {
    return builds.contains(arch);
  }

  /**
   * @return x64 where this family had an x64 build, else x86 (every family had an x86 build)
   */
  public Arch preferredArch() {
    return hasBuild(X64) ? X64 : X86;
  }

  /**
   * @return this family's rows of Chappell's table, in {@code dt} order
   */
  List<KdpcMember> members() {
    return members;
  }

  /**
   * @return the members in {@code dt} order for {@code arch}, union views before their members
   * @throws IllegalArgumentException if this family had no build for {@code arch}
   */
  List<KdpcField> fields(Arch arch) {
    requireBuild(arch);
    return members.stream().map(m -> m.on(arch)).toList();
  }

  /**
   * @throws IllegalArgumentException if this family had no build for {@code arch}
   */
  void requireBuild(Arch arch) {
    if (!hasBuild(arch)) {
      throw new IllegalArgumentException(
          "NT " + versions + " has no " + arch.cliName() + " build (Chappell, KDPC)");
    }
  }

  /**
   * @return this family's layout on {@code arch}
   * @throws IllegalArgumentException if this family had no build for {@code arch}
   */
  public KdpcLayout layout(Arch arch) {
    return KdpcLayout.of(this, arch);
  }

  /**
   * @return the first family built for x64 (late 5.2), for messages that say where x64 starts
   */
  public static KdpcFamily firstX64() {
    for (KdpcFamily f : values()) {
      if (f.hasBuild(X64)) {
        return f;
      }
    }
    throw new IllegalStateException("no family has an x64 build");
  }
}
