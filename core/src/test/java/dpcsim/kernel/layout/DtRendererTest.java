package dpcsim.kernel.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code dt _KDPC} text, compared with WinDbg output captured from real kernels where one exists.
 */
class DtRendererTest {

  private static String text(KdpcLayout layout) {
    return String.join("\n", DtRenderer.render(layout)) + "\n";
  }

  @Test
  @DisplayName("R-7: NT63 x64 renders exactly as dt _KDPC on Windows 10 x64")
  void nt63x64() {
    String expected =
        """
           +0x000 TargetInfoAsUlong : Uint4B
           +0x000 Type             : UChar
           +0x001 Importance       : UChar
           +0x002 Number           : Uint2B
           +0x008 DpcListEntry     : _SINGLE_LIST_ENTRY
           +0x010 ProcessorHistory : Uint8B
           +0x018 DeferredRoutine  : Ptr64     void
           +0x020 DeferredContext  : Ptr64 Void
           +0x028 SystemArgument1  : Ptr64 Void
           +0x030 SystemArgument2  : Ptr64 Void
           +0x038 DpcData          : Ptr64 Void
        """;
    assertEquals(expected, text(KdpcFamily.NT63.layout(Arch.X64)));
  }

  @Test
  @DisplayName("R-7: NT63 x86 renders exactly as dt _KDPC on 32-bit Windows 10")
  void nt63x86() {
    String expected =
        """
           +0x000 TargetInfoAsUlong : Uint4B
           +0x000 Type             : UChar
           +0x001 Importance       : UChar
           +0x002 Number           : Uint2B
           +0x004 DpcListEntry     : _SINGLE_LIST_ENTRY
           +0x008 ProcessorHistory : Uint4B
           +0x00c DeferredRoutine  : Ptr32     void
           +0x010 DeferredContext  : Ptr32 Void
           +0x014 SystemArgument1  : Ptr32 Void
           +0x018 SystemArgument2  : Ptr32 Void
           +0x01c DpcData          : Ptr32 Void
        """;
    assertEquals(expected, text(KdpcFamily.NT63.layout(Arch.X86)));
  }

  @Test
  @DisplayName("R-7: NT52 x86 renders the late-5.2 layout with Expedite at +0x003")
  void nt52x86() {
    String expected =
        """
           +0x000 Type             : UChar
           +0x001 Importance       : UChar
           +0x002 Number           : UChar
           +0x003 Expedite         : UChar
           +0x004 DpcListEntry     : _LIST_ENTRY
           +0x00c DeferredRoutine  : Ptr32     void
           +0x010 DeferredContext  : Ptr32 Void
           +0x014 SystemArgument1  : Ptr32 Void
           +0x018 SystemArgument2  : Ptr32 Void
           +0x01c DpcData          : Ptr32 Void
        """;
    assertEquals(expected, text(KdpcFamily.NT52.layout(Arch.X86)));
  }

  @Test
  @DisplayName("R-7: NT351 x86 renders exactly as dt _KDPC on Windows XP")
  void nt351x86() {
    String expected =
        """
           +0x000 Type             : Int2B
           +0x002 Number           : UChar
           +0x003 Importance       : UChar
           +0x004 DpcListEntry     : _LIST_ENTRY
           +0x00c DeferredRoutine  : Ptr32     void
           +0x010 DeferredContext  : Ptr32 Void
           +0x014 SystemArgument1  : Ptr32 Void
           +0x018 SystemArgument2  : Ptr32 Void
           +0x01c Lock             : Ptr32 Uint4B
        """;
    assertEquals(expected, text(KdpcFamily.NT351.layout(Arch.X86)));
  }

  @Test
  @DisplayName("R-7: NT60 x64 renders exactly as dt _KDPC on Windows 7 x64")
  void nt60x64() {
    String expected =
        """
           +0x000 Type             : UChar
           +0x001 Importance       : UChar
           +0x002 Number           : Uint2B
           +0x008 DpcListEntry     : _LIST_ENTRY
           +0x018 DeferredRoutine  : Ptr64     void
           +0x020 DeferredContext  : Ptr64 Void
           +0x028 SystemArgument1  : Ptr64 Void
           +0x030 SystemArgument2  : Ptr64 Void
           +0x038 DpcData          : Ptr64 Void
        """;
    assertEquals(expected, text(KdpcFamily.NT60.layout(Arch.X64)));
  }

  @Test
  @DisplayName("R-7: no rendered line ends in a space, though WinDbg's function pointer type does")
  void noTrailingSpaces() {
    KdpcLayout layout = KdpcFamily.NT63.layout(Arch.X64);
    assertEquals("Ptr64     void ", layout.field("DeferredRoutine").orElseThrow().typeText());
    KdpcLayoutTest.allLayouts()
        .flatMap(l -> DtRenderer.render(l).stream())
        .forEach(
            line -> {
              assertFalse(line.endsWith(" "), "[" + line + "]");
              assertTrue(line.startsWith("   +0x"), line);
            });
  }

  @Test
  @DisplayName("R-5, R-7: the live form shows values after the colon and types where none is given")
  void liveValues() {
    Arch x64 = Arch.X64;
    Map<String, String> values = new HashMap<>();
    values.put("TargetInfoAsUlong", DtValues.hex(0x113, x64));
    values.put("Type", DtValues.uchar(0x13));
    values.put("Importance", DtValues.uchar(1));
    values.put("Number", DtValues.hex(0x42, x64));
    values.put("ProcessorHistory", DtValues.hex(1, x64));
    values.put("DeferredRoutine", DtValues.pointer(0xfffff801_12345678L, x64) + "     void ");
    values.put("DeferredContext", DtValues.pointer(0xffff9e83_407fd6b0L, x64) + " Void");
    values.put("SystemArgument1", DtValues.pointer(0, x64) + " ");
    values.put("SystemArgument2", DtValues.pointer(0, x64));
    values.put("DpcData", null);
    String expected =
        """
           +0x000 TargetInfoAsUlong : 0x113
           +0x000 Type             : 0x13 ''
           +0x001 Importance       : 0x1 ''
           +0x002 Number           : 0x42
           +0x008 DpcListEntry     : _SINGLE_LIST_ENTRY
           +0x010 ProcessorHistory : 0x1
           +0x018 DeferredRoutine  : 0xfffff801`12345678     void
           +0x020 DeferredContext  : 0xffff9e83`407fd6b0 Void
           +0x028 SystemArgument1  : (null)
           +0x030 SystemArgument2  : (null)
           +0x038 DpcData          : Ptr64 Void
        """;
    List<String> lines = DtRenderer.render(KdpcFamily.NT63.layout(x64), values);
    assertEquals(expected, String.join("\n", lines) + "\n");
  }

  @Test
  @DisplayName("R-7: a value for a member the layout lacks is an error, not silently dropped")
  void unknownMemberIsRejected() {
    KdpcLayout ws03 = KdpcFamily.NT52.layout(Arch.X64);
    Map<String, String> values = Map.of("ProcessorHistory", "0x1");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DtRenderer.render(ws03, values));
    assertTrue(e.getMessage().contains("ProcessorHistory"), e.getMessage());
  }

  @Test
  @DisplayName("R-7: names longer than 16 columns push only their own colon right")
  void longNamesOverflowTheirOwnLineOnly() {
    KdpcField f = KdpcField.at(0x5c, "AlignmentRequirement", DtType.uint4b());
    assertEquals("   +0x05c AlignmentRequirement : Uint4B", DtRenderer.line(f, f.typeText()));
    KdpcField g = KdpcField.at(0x74, "Dpc", DtType.uchar());
    assertEquals("   +0x074 Dpc              : UChar", DtRenderer.line(g, g.typeText()));
  }
}
