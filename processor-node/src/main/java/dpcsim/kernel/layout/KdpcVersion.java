package dpcsim.kernel.layout;

import static dpcsim.kernel.layout.KdpcField.at;
import static dpcsim.kernel.layout.KdpcField.unionAt;

import java.util.List;
import java.util.Optional;

/**
 * The kernel version families whose KDPC layouts dpcsim's profiles show (spec P, R-7).
 *
 * <p>Each constant transcribes one column-set of Geoff Chappell's KDPC table (seeds/004) and owns
 * its member list, so a profile names a family and nothing branches on version numbers. Offsets are
 * written as (x86, x64) pairs in the table's own order. Sizes follow from the types; {@link
 * KdpcLayout} re-checks that they fit in the constant 0x20 / 0x40 bytes and never overlap except
 * through a union view.
 */
public enum KdpcVersion {
  /**
   * Versions 3.51 to 5.1, the era of Russinovich's "Inside NT's DPC" (profile {@code textbook}):
   * {@code SHORT Type; UCHAR Number; UCHAR Importance; LIST_ENTRY DpcListEntry; ...; ULONG_PTR
   * *Lock}. Importance sat at 0x03 before late 5.2 moved it to 0x01; Lock (3.50 to 5.1) names the
   * target processor's DpcLock and was replaced by DpcData in 5.2.
   */
  NT4("3.51 to 5.1") {
    @Override
    List<KdpcField> fields(Arch a) {
      return List.of(
          at(0x00, "Type", DtType.int2b()),
          at(0x02, "Number", DtType.uchar()),
          at(0x03, "Importance", DtType.uchar()),
          at(off(a, 0x04, 0x08), "DpcListEntry", DtType.listEntry(a)),
          at(off(a, 0x0C, 0x18), "DeferredRoutine", DtType.functionPointer(a)),
          at(off(a, 0x10, 0x20), "DeferredContext", DtType.voidPointer(a)),
          at(off(a, 0x14, 0x28), "SystemArgument1", DtType.voidPointer(a)),
          at(off(a, 0x18, 0x30), "SystemArgument2", DtType.voidPointer(a)),
          at(off(a, 0x1C, 0x38), "Lock", DtType.ulongPtrPointer(a)));
    }

    @Override
    Optional<String> note(Arch a) {
      return a == Arch.X64
          ? Optional.of(
              "No x64 build of version 5.1 is known (Chappell, KDPC): these x64 offsets are"
                  + " dpcsim's own, the same members placed by natural alignment in 0x40 bytes.")
          : Optional.empty();
    }
  },

  /**
   * Late 5.2, as in WRK 1.2 / Windows Server 2003 SP1 (profile {@code ws03}): {@code UCHAR Type;
   * UCHAR Importance; UCHAR Number; UCHAR Expedite; LIST_ENTRY DpcListEntry; ...; PVOID DpcData}.
   * Expedite exists in late 5.2 only (R-5 zeroes it).
   */
  NT52("late 5.2") {
    @Override
    List<KdpcField> fields(Arch a) {
      return List.of(
          at(0x00, "Type", DtType.uchar()),
          at(0x01, "Importance", DtType.uchar()),
          at(0x02, "Number", DtType.uchar()),
          at(0x03, "Expedite", DtType.uchar()),
          at(off(a, 0x04, 0x08), "DpcListEntry", DtType.listEntry(a)),
          at(off(a, 0x0C, 0x18), "DeferredRoutine", DtType.functionPointer(a)),
          at(off(a, 0x10, 0x20), "DeferredContext", DtType.voidPointer(a)),
          at(off(a, 0x14, 0x28), "SystemArgument1", DtType.voidPointer(a)),
          at(off(a, 0x18, 0x30), "SystemArgument2", DtType.voidPointer(a)),
          at(off(a, 0x1C, 0x38), "DpcData", DtType.voidPointer(a)));
    }
  },

  /**
   * Late 6.0 to 6.2 (profile {@code reactos}, whose wdm.h has {@code UCHAR Type; UCHAR Importance;
   * volatile USHORT Number; ...}): Number widens to a USHORT at 0x02 and Expedite is gone. Early
   * 6.0 differs only in Number not being volatile, which {@code dt} does not show.
   */
  NT60("late 6.0 to 6.2") {
    @Override
    List<KdpcField> fields(Arch a) {
      return List.of(
          at(0x00, "Type", DtType.uchar()),
          at(0x01, "Importance", DtType.uchar()),
          at(0x02, "Number", DtType.uint2b()),
          at(off(a, 0x04, 0x08), "DpcListEntry", DtType.listEntry(a)),
          at(off(a, 0x0C, 0x18), "DeferredRoutine", DtType.functionPointer(a)),
          at(off(a, 0x10, 0x20), "DeferredContext", DtType.voidPointer(a)),
          at(off(a, 0x14, 0x28), "SystemArgument1", DtType.voidPointer(a)),
          at(off(a, 0x18, 0x30), "SystemArgument2", DtType.voidPointer(a)),
          at(off(a, 0x1C, 0x38), "DpcData", DtType.voidPointer(a)));
    }
  },

  /**
   * 6.3 and higher (profile {@code win10}, R-1): TargetInfoAsUlong overlays the first four bytes,
   * DpcListEntry becomes single-linked, and the half it frees holds {@code KAFFINITY
   * ProcessorHistory}, so every later member keeps its 6.2 offset.
   */
  NT63("6.3 and higher") {
    @Override
    List<KdpcField> fields(Arch a) {
      return List.of(
          unionAt(0x00, "TargetInfoAsUlong", DtType.uint4b()),
          at(0x00, "Type", DtType.uchar()),
          at(0x01, "Importance", DtType.uchar()),
          at(0x02, "Number", DtType.uint2b()),
          at(off(a, 0x04, 0x08), "DpcListEntry", DtType.singleListEntry(a)),
          at(off(a, 0x08, 0x10), "ProcessorHistory", DtType.kaffinity(a)),
          at(off(a, 0x0C, 0x18), "DeferredRoutine", DtType.functionPointer(a)),
          at(off(a, 0x10, 0x20), "DeferredContext", DtType.voidPointer(a)),
          at(off(a, 0x14, 0x28), "SystemArgument1", DtType.voidPointer(a)),
          at(off(a, 0x18, 0x30), "SystemArgument2", DtType.voidPointer(a)),
          at(off(a, 0x1C, 0x38), "DpcData", DtType.voidPointer(a)));
    }
  };

  private final String versions;

  KdpcVersion(String versions) {
    this.versions = versions;
  }

  /**
   * @return the members in {@code dt} order for {@code arch}, union views before their members
   */
  abstract List<KdpcField> fields(Arch arch);

  /**
   * @return a caveat to print with the layout on {@code arch}, if the layout is not attested
   */
  Optional<String> note(Arch arch) {
    return Optional.empty();
  }

  /**
   * @return the Windows versions this layout covers, in Chappell's terms (e.g. "late 5.2")
   */
  public String versions() {
    return versions;
  }

  /**
   * @return this family's layout on {@code arch}
   */
  public KdpcLayout layout(Arch arch) {
    return KdpcLayout.of(this, arch);
  }

  private static int off(Arch arch, int x86, int x64) {
    return arch == Arch.X86 ? x86 : x64;
  }
}
