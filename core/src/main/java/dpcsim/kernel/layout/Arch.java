package dpcsim.kernel.layout;

/**
 * The two processor architectures whose KDPC layouts dpcsim can show.
 *
 * <p>The KDPC is 0x20 bytes on x86 and 0x40 bytes on x64 in every version (R-7; Chappell,
 * seeds/004: "In all versions, the KDPC is 0x20 and 0x40 bytes in 32-bit and 64-bit Windows
 * respectively"), because drivers allocate it themselves and must know its size. Only the
 * interpretation inside that constant size changes between versions.
 */
public enum Arch {
  X86("x86", 4, 0x20),
  X64("x64", 8, 0x40);

  private final String cliName;
  private final int pointerSize;
  private final int kdpcSize;

  Arch(String cliName, int pointerSize, int kdpcSize) {
    this.cliName = cliName;
    this.pointerSize = pointerSize;
    this.kdpcSize = kdpcSize;
  }

  /**
   * @return the spelling used on the command line ({@code --arch x86|x64})
   */
  public String cliName() {
    return cliName;
  }

  /**
   * @return the size in bytes of a pointer, PVOID, ULONG_PTR and KAFFINITY
   */
  public int pointerSize() {
    return pointerSize;
  }

  /**
   * @return sizeof(KDPC): 0x20 on x86, 0x40 on x64, in every version
   */
  public int kdpcSize() {
    return kdpcSize;
  }

  /**
   * @return the pointer prefix {@code dt} prints: {@code Ptr32} or {@code Ptr64}
   */
  public String pointerPrefix() {
    return "Ptr" + pointerSize * 8;
  }

  /**
   * @return the architecture spelled {@code name} on the command line, or null if there is none
   */
  public static Arch fromCli(String name) {
    for (Arch a : values()) {
      if (a.cliName.equals(name)) {
        return a;
      }
    }
    return null;
  }
}
