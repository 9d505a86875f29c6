package dpcsim.kernel.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Offsets and sizes against Chappell's KDPC table (seeds/004), and the layout invariants. */
class KdpcLayoutTest {

  /** Every layout dpcsim knows: each version family on each architecture it was built for. */
  static Stream<KdpcLayout> allLayouts() {
    return Stream.of(KdpcFamily.values())
        .flatMap(f -> Stream.of(Arch.values()).filter(f::hasBuild).map(a -> KdpcLayout.of(f, a)));
  }

  /**
   * "offset name size" for each member, typed in from Chappell's KDPC table (seeds/004): one entry
   * per family and architecture that had a build. The x64 offsets exist from late 5.2 only.
   */
  static Stream<Arguments> expectedOffsets() {
    List<String> x86Tail =
        List.of(
            "0C DeferredRoutine 4",
            "10 DeferredContext 4",
            "14 SystemArgument1 4",
            "18 SystemArgument2 4");
    List<String> x64Tail =
        List.of(
            "18 DeferredRoutine 8",
            "20 DeferredContext 8",
            "28 SystemArgument1 8",
            "30 SystemArgument2 8");
    return Stream.of(
        Arguments.of(
            KdpcFamily.NT310,
            Arch.X86,
            join(List.of("00 Type 2", "02 Size 2", "04 DpcListEntry 8"), x86Tail, "1C Inserted 1")),
        Arguments.of(
            KdpcFamily.NT350,
            Arch.X86,
            join(List.of("00 Type 2", "02 Size 2", "04 DpcListEntry 8"), x86Tail, "1C Lock 4")),
        Arguments.of(
            KdpcFamily.NT351,
            Arch.X86,
            join(
                List.of("00 Type 2", "02 Number 1", "03 Importance 1", "04 DpcListEntry 8"),
                x86Tail,
                "1C Lock 4")),
        Arguments.of(
            KdpcFamily.NT52_EARLY,
            Arch.X86,
            join(
                List.of("00 Type 2", "02 Number 1", "03 Importance 1", "04 DpcListEntry 8"),
                x86Tail,
                "1C DpcData 4")),
        Arguments.of(
            KdpcFamily.NT52,
            Arch.X86,
            join(
                List.of(
                    "00 Type 1",
                    "01 Importance 1",
                    "02 Number 1",
                    "03 Expedite 1",
                    "04 DpcListEntry 8"),
                x86Tail,
                "1C DpcData 4")),
        Arguments.of(
            KdpcFamily.NT52,
            Arch.X64,
            join(
                List.of(
                    "00 Type 1",
                    "01 Importance 1",
                    "02 Number 1",
                    "03 Expedite 1",
                    "08 DpcListEntry 16"),
                x64Tail,
                "38 DpcData 8")),
        Arguments.of(
            KdpcFamily.NT60_EARLY,
            Arch.X86,
            join(
                List.of("00 Type 1", "01 Importance 1", "02 Number 2", "04 DpcListEntry 8"),
                x86Tail,
                "1C DpcData 4")),
        Arguments.of(
            KdpcFamily.NT60_EARLY,
            Arch.X64,
            join(
                List.of("00 Type 1", "01 Importance 1", "02 Number 2", "08 DpcListEntry 16"),
                x64Tail,
                "38 DpcData 8")),
        Arguments.of(
            KdpcFamily.NT60,
            Arch.X86,
            join(
                List.of("00 Type 1", "01 Importance 1", "02 Number 2", "04 DpcListEntry 8"),
                x86Tail,
                "1C DpcData 4")),
        Arguments.of(
            KdpcFamily.NT60,
            Arch.X64,
            join(
                List.of("00 Type 1", "01 Importance 1", "02 Number 2", "08 DpcListEntry 16"),
                x64Tail,
                "38 DpcData 8")),
        Arguments.of(
            KdpcFamily.NT63,
            Arch.X86,
            join(
                List.of(
                    "00 TargetInfoAsUlong 4",
                    "00 Type 1",
                    "01 Importance 1",
                    "02 Number 2",
                    "04 DpcListEntry 4",
                    "08 ProcessorHistory 4"),
                x86Tail,
                "1C DpcData 4")),
        Arguments.of(
            KdpcFamily.NT63,
            Arch.X64,
            join(
                List.of(
                    "00 TargetInfoAsUlong 4",
                    "00 Type 1",
                    "01 Importance 1",
                    "02 Number 2",
                    "08 DpcListEntry 8",
                    "10 ProcessorHistory 8"),
                x64Tail,
                "38 DpcData 8")));
  }

  private static List<String> join(List<String> head, List<String> tail, String last) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    all.add(last);
    return all;
  }

  @Test
  @DisplayName(
      "R-7: the expected offsets cover every family on every architecture it was built for")
  void expectedOffsetsCoverEveryLayout() {
    assertEquals(
        allLayouts().map(l -> l.family() + " " + l.arch()).toList(),
        expectedOffsets().map(a -> a.get()[0] + " " + a.get()[1]).toList());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("expectedOffsets")
  @DisplayName("R-7: member offsets and sizes match Chappell's KDPC table")
  void offsetsMatchTheSeedTable(KdpcFamily family, Arch arch, List<String> expected) {
    List<String> actual = new ArrayList<>();
    for (KdpcField f : KdpcLayout.of(family, arch).fields()) {
      actual.add(String.format("%02X %s %d", f.offset(), f.name(), f.size()));
    }
    assertEquals(expected, actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allLayouts")
  @DisplayName("R-7: a KDPC is 0x20 bytes on x86 and 0x40 on x64 in every version")
  void sizeIsConstantPerArch(KdpcLayout layout) {
    assertEquals(layout.arch() == Arch.X86 ? 0x20 : 0x40, layout.size());
    assertEquals(layout.arch().kdpcSize(), layout.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allLayouts")
  @DisplayName("R-7: every member fits, and the size is their end padded to the widest alignment")
  void membersFillTheSize(KdpcLayout layout) {
    int maxEnd = 0;
    int alignment = 1;
    for (KdpcField f : layout.fields()) {
      assertTrue(f.end() <= layout.size(), f.name() + " ends past the KDPC");
      maxEnd = Math.max(maxEnd, f.end());
      alignment = Math.max(alignment, f.type().alignment());
    }
    assertEquals(layout.size(), (maxEnd + alignment - 1) / alignment * alignment);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allLayouts")
  @DisplayName("R-7: no two members share a byte, except through the TargetInfoAsUlong union")
  void noOverlapsExceptTheUnion(KdpcLayout layout) {
    List<KdpcField> fields = layout.fields();
    for (int i = 0; i < fields.size(); i++) {
      for (int j = i + 1; j < fields.size(); j++) {
        KdpcField a = fields.get(i);
        KdpcField b = fields.get(j);
        if (a.overlaps(b)) {
          assertTrue(
              a.unionView() && a.name().equals("TargetInfoAsUlong"),
              a.name() + " overlaps " + b.name());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allLayouts")
  @DisplayName("R-7: every member of the article's table is naturally aligned")
  void membersAreNaturallyAligned(KdpcLayout layout) {
    for (KdpcField f : layout.fields()) {
      assertEquals(0, f.offset() % f.type().alignment(), f.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allLayouts")
  @DisplayName("R-1: every layout has the members common to all versions, and one last member")
  void everyLayoutHasTheCommonMembers(KdpcLayout layout) {
    for (String name :
        List.of(
            "Type",
            "DpcListEntry",
            "DeferredRoutine",
            "DeferredContext",
            "SystemArgument1",
            "SystemArgument2")) {
      assertTrue(layout.field(name).isPresent(), name);
    }
    KdpcField last = layout.fields().get(layout.fields().size() - 1);
    assertTrue(List.of("Inserted", "Lock", "DpcData").contains(last.name()), last.name());
    assertEquals(layout.arch() == Arch.X86 ? 0x1C : 0x38, last.offset(), last.name());
  }

  @Test
  @DisplayName("R-1: from 6.3 TargetInfoAsUlong overlays exactly Type, Importance and Number")
  void targetInfoAsUlongOverlaysTheFirstFourBytes() {
    for (Arch arch : Arch.values()) {
      KdpcLayout layout = KdpcFamily.NT63.layout(arch);
      KdpcField view = layout.fields().get(0);
      assertEquals("TargetInfoAsUlong", view.name());
      assertTrue(view.unionView());
      assertEquals(0, view.offset());
      assertEquals(4, view.size());
      List<String> overlaid =
          layout.fields().stream().filter(view::overlaps).map(KdpcField::name).toList();
      assertEquals(List.of("TargetInfoAsUlong", "Type", "Importance", "Number"), overlaid);
    }
    allLayouts()
        .filter(l -> l.family() != KdpcFamily.NT63)
        .forEach(
            l -> assertTrue(l.fields().stream().noneMatch(KdpcField::unionView), l.toString()));
  }

  @Test
  @DisplayName("R-7: families before late 5.2 had no x64 build and have no x64 layout")
  void noInventedX64Offsets() {
    for (KdpcFamily f :
        List.of(KdpcFamily.NT310, KdpcFamily.NT350, KdpcFamily.NT351, KdpcFamily.NT52_EARLY)) {
      assertFalse(f.hasBuild(Arch.X64), f.name());
      assertEquals(Arch.X86, f.preferredArch(), f.name());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> f.layout(Arch.X64), f.name());
      assertTrue(e.getMessage().contains("no x64 build"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> new KdpcLayout(f, Arch.X64, List.of()),
          "the record itself refuses " + f);
    }
    for (KdpcFamily f :
        List.of(KdpcFamily.NT52, KdpcFamily.NT60_EARLY, KdpcFamily.NT60, KdpcFamily.NT63)) {
      assertTrue(f.hasBuild(Arch.X64) && f.hasBuild(Arch.X86), f.name());
      assertEquals(Arch.X64, f.preferredArch(), f.name());
      assertTrue(f.members().stream().allMatch(KdpcMember::hasX64), f.name());
    }
    assertEquals(KdpcFamily.NT52, KdpcFamily.firstX64());
  }

  @Test
  @DisplayName("R-7: a row with no x64 cell in Chappell's table cannot be placed on x64")
  void rowsWithoutX64OffsetsAreRefused() {
    for (KdpcMember m :
        List.of(
            KdpcMember.TYPE_SHORT,
            KdpcMember.SIZE,
            KdpcMember.IMPORTANCE_AT_3,
            KdpcMember.INSERTED,
            KdpcMember.LOCK)) {
      assertFalse(m.hasX64(), m.name());
      assertThrows(IllegalArgumentException.class, () -> m.on(Arch.X64), m.name());
    }
  }

  @Test
  @DisplayName("R-7: early and late 6.0 differ only in volatile, which dt does not show")
  void earlyAndLate60() {
    assertEquals(
        KdpcFamily.NT60_EARLY.layout(Arch.X64).fields(), KdpcFamily.NT60.layout(Arch.X64).fields());
    assertTrue(KdpcFamily.NT60_EARLY.members().contains(KdpcMember.NUMBER_USHORT));
    assertTrue(KdpcFamily.NT60.members().contains(KdpcMember.NUMBER_VOLATILE));
    assertEquals("USHORT volatile Number", KdpcMember.NUMBER_VOLATILE.declaration());
  }

  @Test
  @DisplayName("R-7: a layout whose ordinary members overlap is rejected")
  void overlappingMembersAreRejected() {
    List<KdpcField> bad =
        List.of(KdpcField.at(0, "Type", DtType.uint2b()), KdpcField.at(1, "Oops", DtType.uchar()));
    assertThrows(
        IllegalArgumentException.class, () -> new KdpcLayout(KdpcFamily.NT60, Arch.X86, bad));
  }

  @Test
  @DisplayName("R-7: a member that ends past 0x20 on x86 is rejected")
  void memberPastTheEndIsRejected() {
    List<KdpcField> bad = List.of(KdpcField.at(0x1E, "Tail", DtType.uint4b()));
    assertThrows(
        IllegalArgumentException.class, () -> new KdpcLayout(KdpcFamily.NT60, Arch.X86, bad));
  }

  @Test
  @DisplayName("R-1: a union view that its members do not exactly fill is rejected")
  void unfilledUnionIsRejected() {
    List<KdpcField> bad =
        List.of(
            KdpcField.unionAt(0, "TargetInfoAsUlong", DtType.uint4b()),
            KdpcField.at(0, "Type", DtType.uchar()),
            KdpcField.at(1, "Importance", DtType.uchar()));
    assertThrows(
        IllegalArgumentException.class, () -> new KdpcLayout(KdpcFamily.NT63, Arch.X86, bad));
  }

  @Test
  @DisplayName("R-7: the fields list cannot be modified through the layout")
  void layoutIsImmutable() {
    KdpcLayout layout = KdpcFamily.NT52.layout(Arch.X86);
    assertThrows(UnsupportedOperationException.class, () -> layout.fields().clear());
  }

  @Test
  @DisplayName("R-7: --arch spellings map to the architectures")
  void archFromCli() {
    assertEquals(Arch.X86, Arch.fromCli("x86"));
    assertEquals(Arch.X64, Arch.fromCli("x64"));
    assertEquals(null, Arch.fromCli("arm64"));
    assertEquals("Ptr32", Arch.X86.pointerPrefix());
    assertEquals("Ptr64", Arch.X64.pointerPrefix());
  }
}
