package dpcsim.kernel.layout;

/**
 * A member type as WinDbg's {@code dt} names it, with its size and alignment on one architecture.
 *
 * <p>{@code text} is exactly what {@code dt} prints after the colon, including its quirks: a data
 * pointer is {@code Ptr64 Void}, but a function pointer is {@code Ptr64}, five spaces, then the
 * return type in lower case and a trailing space ({@link #functionPointer}). The renderer decides
 * what to do with the trailing space; this record keeps the real text.
 *
 * @param text the type text {@code dt} prints
 * @param size the size in bytes
 * @param alignment the natural alignment in bytes (a structure aligns like its widest member)
 */
public record DtType(String text, int size, int alignment) {

  /** Validates that the size and alignment are positive and the alignment a power of two. */
  public DtType {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("type text is empty");
    }
    if (size <= 0 || alignment <= 0 || Integer.bitCount(alignment) != 1) {
      throw new IllegalArgumentException("bad size/alignment for " + text);
    }
  }

  /**
   * @return UCHAR (and BOOLEAN): {@code UChar}
   */
  public static DtType uchar() {
    return new DtType("UChar", 1, 1);
  }

  /**
   * @return SHORT: {@code Int2B}
   */
  public static DtType int2b() {
    return new DtType("Int2B", 2, 2);
  }

  /**
   * @return USHORT: {@code Uint2B} ({@code dt} does not show {@code volatile})
   */
  public static DtType uint2b() {
    return new DtType("Uint2B", 2, 2);
  }

  /**
   * @return ULONG: {@code Uint4B}
   */
  public static DtType uint4b() {
    return new DtType("Uint4B", 4, 4);
  }

  /**
   * @return KAFFINITY, a ULONG_PTR: {@code Uint4B} on x86, {@code Uint8B} on x64
   */
  public static DtType kaffinity(Arch arch) {
    int n = arch.pointerSize();
    return new DtType("Uint" + n + "B", n, n);
  }

  /**
   * @return LIST_ENTRY, two pointers: {@code _LIST_ENTRY}
   */
  public static DtType listEntry(Arch arch) {
    return new DtType("_LIST_ENTRY", 2 * arch.pointerSize(), arch.pointerSize());
  }

  /**
   * @return SINGLE_LIST_ENTRY, one pointer: {@code _SINGLE_LIST_ENTRY}
   */
  public static DtType singleListEntry(Arch arch) {
    return new DtType("_SINGLE_LIST_ENTRY", arch.pointerSize(), arch.pointerSize());
  }

  /**
   * @return PVOID: {@code Ptr32 Void} or {@code Ptr64 Void}
   */
  public static DtType voidPointer(Arch arch) {
    return pointer(arch, " Void");
  }

  /**
   * @return a pointer to a function returning void, as {@code dt} prints it
   */
  public static DtType functionPointer(Arch arch) {
    return pointer(arch, "     void ");
  }

  /**
   * @return {@code ULONG_PTR *}: {@code Ptr32 Uint4B} on x86, {@code Ptr64 Uint8B} on x64
   */
  public static DtType ulongPtrPointer(Arch arch) {
    return pointer(arch, " Uint" + arch.pointerSize() + "B");
  }

  private static DtType pointer(Arch arch, String pointee) {
    return new DtType(arch.pointerPrefix() + pointee, arch.pointerSize(), arch.pointerSize());
  }
}
