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

  /** Every layout dpcsim knows: each version family on each architecture. */
  static Stream<KdpcLayout> allLayouts() {
    return Stream.of(KdpcVersion.values())
        .flatMap(v -> Stream.of(Arch.values()).map(a -> KdpcLayout.of(v, a)));
  }

  /** "offset name size" for each member, offsets as in the seed table. */
  static Stream<Arguments> expectedOffsets() {
    return Stream.of(
        Arguments.of(
            KdpcVersion.NT4,
            Arch.X86,
            List.of(
                "00 Type 2",
                "02 Number 1",
                "03 Importance 1",
                "04 DpcListEntry 8",
                "0C DeferredRoutine 4",
                "10 DeferredContext 4",
                "14 SystemArgument1 4",
                "18 SystemArgument2 4",
                "1C Lock 4")),
        Arguments.of(
            KdpcVersion.NT4,
            Arch.X64,
            List.of(
                "00 Type 2",
                "02 Number 1",
                "03 Importance 1",
                "08 DpcListEntry 16",
                "18 DeferredRoutine 8",
                "20 DeferredContext 8",
                "28 SystemArgument1 8",
                "30 SystemArgument2 8",
                "38 Lock 8")),
        Arguments.of(
            KdpcVersion.NT52,
            Arch.X86,
            List.of(
                "00 Type 1",
                "01 Importance 1",
                "02 Number 1",
                "03 Expedite 1",
                "04 DpcListEntry 8",
                "0C DeferredRoutine 4",
                "10 DeferredContext 4",
                "14 SystemArgument1 4",
                "18 SystemArgument2 4",
                "1C DpcData 4")),
        Arguments.of(
            KdpcVersion.NT52,
            Arch.X64,
            List.of(
                "00 Type 1",
                "01 Importance 1",
                "02 Number 1",
                "03 Expedite 1",
                "08 DpcListEntry 16",
                "18 DeferredRoutine 8",
                "20 DeferredContext 8",
                "28 SystemArgument1 8",
                "30 SystemArgument2 8",
                "38 DpcData 8")),
        Arguments.of(
            KdpcVersion.NT60,
            Arch.X86,
            List.of(
                "00 Type 1",
                "01 Importance 1",
                "02 Number 2",
                "04 DpcListEntry 8",
                "0C DeferredRoutine 4",
                "10 DeferredContext 4",
                "14 SystemArgument1 4",
                "18 SystemArgument2 4",
                "1C DpcData 4")),
        Arguments.of(
            KdpcVersion.NT60,
            Arch.X64,
            List.of(
                "00 Type 1",
                "01 Importance 1",
                "02 Number 2",
                "08 DpcListEntry 16",
                "18 DeferredRoutine 8",
                "20 DeferredContext 8",
                "28 SystemArgument1 8",
                "30 SystemArgument2 8",
                "38 DpcData 8")),
        Arguments.of(
            KdpcVersion.NT63,
            Arch.X86,
            List.of(
                "00 TargetInfoAsUlong 4",
                "00 Type 1",
                "01 Importance 1",
                "02 Number 2",
                "04 DpcListEntry 4",
                "08 ProcessorHistory 4",
                "0C DeferredRoutine 4",
                "10 DeferredContext 4",
                "14 SystemArgument1 4",
                "18 SystemArgument2 4",
                "1C DpcData 4")),
        Arguments.of(
            KdpcVersion.NT63,
            Arch.X64,
            List.of(
                "00 TargetInfoAsUlong 4",
                "00 Type 1",
                "01 Importance 1",
                "02 Number 2",
                "08 DpcListEntry 8",
                "10 ProcessorHistory 8",
                "18 DeferredRoutine 8",
                "20 DeferredContext 8",
                "28 SystemArgument1 8",
                "30 SystemArgument2 8",
                "38 DpcData 8")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("expectedOffsets")
  @DisplayName("R-7: member offsets and sizes match Chappell's KDPC table")
  void offsetsMatchTheSeedTable(KdpcVersion version, Arch arch, List<String> expected) {
    List<String> actual = new ArrayList<>();
    for (KdpcField f : KdpcLayout.of(version, arch).fields()) {
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
  @DisplayName("R-7: the last member ends exactly at the KDPC size, and every member fits")
  void membersFillTheSize(KdpcLayout layout) {
    int maxEnd = 0;
    for (KdpcField f : layout.fields()) {
      assertTrue(f.end() <= layout.size(), f.name() + " ends past the KDPC");
      maxEnd = Math.max(maxEnd, f.end());
    }
    assertEquals(layout.size(), maxEnd);
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
  @DisplayName("R-7: every member is naturally aligned (how the x64 offsets are derived)")
  void membersAreNaturallyAligned(KdpcLayout layout) {
    for (KdpcField f : layout.fields()) {
      assertEquals(0, f.offset() % f.type().alignment(), f.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allLayouts")
  @DisplayName("R-1: every layout has the nine members common to all versions in this range")
  void everyLayoutHasTheCommonMembers(KdpcLayout layout) {
    for (String name :
        List.of(
            "Type",
            "Importance",
            "Number",
            "DpcListEntry",
            "DeferredRoutine",
            "DeferredContext",
            "SystemArgument1",
            "SystemArgument2")) {
      assertTrue(layout.field(name).isPresent(), name);
    }
    String last = layout.version() == KdpcVersion.NT4 ? "Lock" : "DpcData";
    assertTrue(layout.field(last).isPresent(), last);
  }

  @Test
  @DisplayName("R-1: from 6.3 TargetInfoAsUlong overlays exactly Type, Importance and Number")
  void targetInfoAsUlongOverlaysTheFirstFourBytes() {
    for (Arch arch : Arch.values()) {
      KdpcLayout layout = KdpcVersion.NT63.layout(arch);
      KdpcField view = layout.fields().get(0);
      assertEquals("TargetInfoAsUlong", view.name());
      assertTrue(view.unionView());
      assertEquals(0, view.offset());
      assertEquals(4, view.size());
      List<String> overlaid =
          layout.fields().stream().filter(view::overlaps).map(KdpcField::name).toList();
      assertEquals(List.of("TargetInfoAsUlong", "Type", "Importance", "Number"), overlaid);
    }
    for (KdpcVersion v : List.of(KdpcVersion.NT4, KdpcVersion.NT52, KdpcVersion.NT60)) {
      assertTrue(v.layout(Arch.X64).fields().stream().noneMatch(KdpcField::unionView), v.name());
    }
  }

  @Test
  @DisplayName("R-7: only the unattested NT4 x64 layout carries a note, and it says so")
  void onlyNt4OnX64HasANote() {
    String note = KdpcVersion.NT4.layout(Arch.X64).note().orElseThrow();
    assertTrue(note.contains("No x64 build of version 5.1"), note);
    assertTrue(note.contains("natural alignment"), note);
    allLayouts()
        .filter(l -> !(l.version() == KdpcVersion.NT4 && l.arch() == Arch.X64))
        .forEach(l -> assertFalse(l.note().isPresent(), l.toString()));
  }

  @Test
  @DisplayName("R-7: a layout whose ordinary members overlap is rejected")
  void overlappingMembersAreRejected() {
    List<KdpcField> bad =
        List.of(KdpcField.at(0, "Type", DtType.uint2b()), KdpcField.at(1, "Oops", DtType.uchar()));
    assertThrows(
        IllegalArgumentException.class, () -> new KdpcLayout(KdpcVersion.NT60, Arch.X86, bad));
  }

  @Test
  @DisplayName("R-7: a member that ends past 0x20 on x86 is rejected")
  void memberPastTheEndIsRejected() {
    List<KdpcField> bad = List.of(KdpcField.at(0x1E, "Tail", DtType.uint4b()));
    assertThrows(
        IllegalArgumentException.class, () -> new KdpcLayout(KdpcVersion.NT60, Arch.X86, bad));
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
        IllegalArgumentException.class, () -> new KdpcLayout(KdpcVersion.NT63, Arch.X86, bad));
  }

  @Test
  @DisplayName("R-7: the fields list cannot be modified through the layout")
  void layoutIsImmutable() {
    KdpcLayout layout = KdpcVersion.NT52.layout(Arch.X86);
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
