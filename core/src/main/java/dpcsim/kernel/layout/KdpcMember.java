package dpcsim.kernel.layout;

import java.util.function.Function;

/**
 * The rows of Geoff Chappell's KDPC table (R-7; seeds/004, and
 * https://www.geoffchappell.com/studies/windows/km/ntoskrnl/inc/ntos/ntosdef_x/kdpc.htm): one
 * constant per definition, with the x86 and x64 offsets the table gives it. Each row's offsets are
 * written here once; a {@link KdpcFamily} only picks its rows.
 *
 * <p>A row whose x64 cell is empty in the table (its versions had no x64 build) has no x64 offset,
 * and asking for one is an error: dpcsim does not invent offsets. Two rows may print the same in
 * {@code dt} and still differ in C ({@code USHORT Number} and {@code USHORT volatile Number}):
 * WinDbg does not show {@code volatile}.
 */
enum KdpcMember {
  /** 6.3 and higher: overlays Type, Importance and Number for simultaneous access. */
  TARGET_INFO_AS_ULONG(
      "ULONG TargetInfoAsUlong", "TargetInfoAsUlong", 0x00, 0x00, a -> DtType.uint4b(), true),
  /** 3.10 to early 5.2. */
  TYPE_SHORT("SHORT Type", "Type", 0x00, KdpcMember.NO_X64, a -> DtType.int2b(), false),
  /** Late 5.2 and higher. */
  TYPE_UCHAR("UCHAR Type", "Type", 0x00, 0x00, a -> DtType.uchar(), false),
  /** Late 5.2 and higher ("previously at 0x03"). */
  IMPORTANCE("UCHAR Importance", "Importance", 0x01, 0x01, a -> DtType.uchar(), false),
  /** 3.10 to 3.50. */
  SIZE("SHORT Size", "Size", 0x02, KdpcMember.NO_X64, a -> DtType.int2b(), false),
  /** 3.51 to 5.2 (x64 from late 5.2). */
  NUMBER_UCHAR("UCHAR Number", "Number", 0x02, 0x02, a -> DtType.uchar(), false),
  /** Early 6.0 only. */
  NUMBER_USHORT("USHORT Number", "Number", 0x02, 0x02, a -> DtType.uint2b(), false),
  /** Late 6.0 and higher. */
  NUMBER_VOLATILE("USHORT volatile Number", "Number", 0x02, 0x02, a -> DtType.uint2b(), false),
  /** 3.51 to early 5.2 ("next at 0x01"). */
  IMPORTANCE_AT_3(
      "UCHAR Importance", "Importance", 0x03, KdpcMember.NO_X64, a -> DtType.uchar(), false),
  /** Late 5.2 only. */
  EXPEDITE("UCHAR Expedite", "Expedite", 0x03, 0x03, a -> DtType.uchar(), false),
  /** 3.10 to 6.2. */
  DPC_LIST_ENTRY("LIST_ENTRY DpcListEntry", "DpcListEntry", 0x04, 0x08, DtType::listEntry, false),
  /** 6.3 and higher. */
  SINGLE_DPC_LIST_ENTRY(
      "SINGLE_LIST_ENTRY DpcListEntry", "DpcListEntry", 0x04, 0x08, DtType::singleListEntry, false),
  /** 6.3 and higher. */
  PROCESSOR_HISTORY(
      "KAFFINITY ProcessorHistory", "ProcessorHistory", 0x08, 0x10, DtType::kaffinity, false),
  /** All versions. */
  DEFERRED_ROUTINE(
      "VOID (*DeferredRoutine) (KDPC *, PVOID, PVOID, PVOID)",
      "DeferredRoutine",
      0x0C,
      0x18,
      DtType::functionPointer,
      false),
  /** All versions. */
  DEFERRED_CONTEXT(
      "PVOID DeferredContext", "DeferredContext", 0x10, 0x20, DtType::voidPointer, false),
  /** All versions. */
  SYSTEM_ARGUMENT_1(
      "PVOID SystemArgument1", "SystemArgument1", 0x14, 0x28, DtType::voidPointer, false),
  /** All versions. */
  SYSTEM_ARGUMENT_2(
      "PVOID SystemArgument2", "SystemArgument2", 0x18, 0x30, DtType::voidPointer, false),
  /** 3.10 only ({@code dt} prints a BOOLEAN as UChar). */
  INSERTED("BOOLEAN Inserted", "Inserted", 0x1C, KdpcMember.NO_X64, a -> DtType.uchar(), false),
  /** 3.50 to 5.1 (a ULONG_PTR from the XP DDK on; the same Uint4B on x86). */
  LOCK("ULONG *Lock", "Lock", 0x1C, KdpcMember.NO_X64, DtType::ulongPtrPointer, false),
  /** 5.2 and higher. */
  DPC_DATA("PVOID DpcData", "DpcData", 0x1C, 0x38, DtType::voidPointer, false);

  /** The x64 cell of a row whose versions had no x64 build. */
  static final int NO_X64 = -1;

  private final String declaration;
  private final String name;
  private final int x86;
  private final int x64;
  private final Function<Arch, DtType> type;
  private final boolean unionView;

  KdpcMember(
      String declaration,
      String name,
      int x86,
      int x64,
      Function<Arch, DtType> type,
      boolean unionView) {
    this.declaration = declaration;
    this.name = name;
    this.x86 = x86;
    this.x64 = x64;
    this.type = type;
    this.unionView = unionView;
  }

  /**
   * @return the C definition as Chappell's table gives it, e.g. {@code USHORT volatile Number}
   */
  String declaration() {
    return declaration;
  }

  /**
   * @return true if the table gives this row an x64 offset
   */
  boolean hasX64() {
    return x64 != NO_X64;
  }

  /**
   * @return this row as a {@code dt} member on {@code arch}
   * @throws IllegalArgumentException on x64 for a row the table gives no x64 offset
   */
  KdpcField on(Arch arch) {
    int offset = arch == Arch.X86 ? x86 : x64;
    if (offset == NO_X64) {
      throw new IllegalArgumentException(declaration + " has no x64 offset: no x64 build had it");
    }
    return new KdpcField(offset, name, type.apply(arch), unionView);
  }
}
