package dpcsim.kernel.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Value formatting for the live {@code dt _KDPC NAME} form. */
class DtValuesTest {

  @Test
  @DisplayName("R-7: hex prints x64 values above 32 bits with a backtick between the halves")
  void hexX64() {
    assertEquals("0xfffff801`12345678", DtValues.hex(0xfffff801_12345678L, Arch.X64));
    assertEquals("0x00000001`00000000", DtValues.hex(0x1_00000000L, Arch.X64));
    assertEquals("0xffffffff`ffffffff", DtValues.hex(-1L, Arch.X64));
    assertEquals("0x8054a123", DtValues.hex(0x8054a123L, Arch.X64));
  }

  @Test
  @DisplayName("R-7: hex prints x86 values as 32 bits, sign extension dropped")
  void hexX86() {
    assertEquals("0x8054a123", DtValues.hex(0x8054a123L, Arch.X86));
    assertEquals("0x8054a123", DtValues.hex(0x8054a123, Arch.X86));
    assertEquals("0xffffffff", DtValues.hex(-1L, Arch.X86));
  }

  @Test
  @DisplayName("R-3, R-6: small integers are short hex and zero is a bare 0, as dt prints them")
  void hexSmall() {
    assertEquals("0x13", DtValues.hex(0x13, Arch.X64));
    assertEquals("0x13", DtValues.hex(0x13, Arch.X86));
    assertEquals("0x42", DtValues.hex(2 + 64, Arch.X64));
    assertEquals("0", DtValues.hex(0, Arch.X64));
    assertEquals("0", DtValues.hex(0, Arch.X86));
  }

  @Test
  @DisplayName("R-2: pointers are full width, and a null DpcData prints as (null)")
  void pointers() {
    assertEquals("(null)", DtValues.pointer(0, Arch.X64));
    assertEquals("(null)", DtValues.pointer(0, Arch.X86));
    assertEquals("0x00000000`00001000", DtValues.pointer(0x1000, Arch.X64));
    assertEquals("0xfffff800`41509b50", DtValues.pointer(0xfffff800_41509b50L, Arch.X64));
    assertEquals("0x0012f000", DtValues.pointer(0x12f000, Arch.X86));
    assertEquals("0x8054a123", DtValues.pointer(0x8054a123, Arch.X86));
  }

  @Test
  @DisplayName("R-3, R-4: a UChar shows its hex value and its character when printable")
  void uchars() {
    assertEquals("0x13 ''", DtValues.uchar(0x13));
    assertEquals("0x1 ''", DtValues.uchar(1));
    assertEquals("0 ''", DtValues.uchar(0));
    assertEquals("0x41 'A'", DtValues.uchar(0x41));
    assertEquals("0xff ''", DtValues.uchar(0xff));
    assertThrows(IllegalArgumentException.class, () -> DtValues.uchar(256));
    assertThrows(IllegalArgumentException.class, () -> DtValues.uchar(-1));
  }
}
