package dpcsim.kernel.layout;

/**
 * One line of {@code dt _KDPC}: a member at a byte offset on one architecture.
 *
 * <p>A <em>union view</em> is a member that deliberately shares its bytes with the members after
 * it: from 6.3 on, {@code ULONG TargetInfoAsUlong} at 0 overlays Type, Importance and Number so the
 * kernel can read and write all four bytes at once (Chappell, seeds/004: "Windows 8.1 overlays the
 * first four bytes with a 32-bit integer for simultaneous access"). Only a union view may overlap
 * another field; {@link KdpcLayout} rejects any other overlap.
 *
 * @param offset byte offset from the start of the KDPC
 * @param name the member name as {@code dt} prints it
 * @param type the member type on this layout's architecture
 * @param unionView true if this member overlays the members that follow it
 */
public record KdpcField(int offset, String name, DtType type, boolean unionView) {

  /** Validates that the offset is not negative and the name is a plain identifier. */
  public KdpcField {
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset for " + name);
    }
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("bad member name: " + name);
    }
    if (type == null) {
      throw new IllegalArgumentException("no type for " + name);
    }
  }

  /**
   * @return an ordinary member, which must not overlap any other ordinary member
   */
  public static KdpcField at(int offset, String name, DtType type) {
    return new KdpcField(offset, name, type, false);
  }

  /**
   * @return a union view that overlays the members following it
   */
  public static KdpcField unionAt(int offset, String name, DtType type) {
    return new KdpcField(offset, name, type, true);
  }

  /**
   * @return the type text {@code dt} prints, exactly (it may end in a space)
   */
  public String typeText() {
    return type.text();
  }

  /**
   * @return the member's size in bytes
   */
  public int size() {
    return type.size();
  }

  /**
   * @return the offset one past the member's last byte
   */
  public int end() {
    return offset + type.size();
  }

  /**
   * @return true if this member and {@code other} share at least one byte
   */
  public boolean overlaps(KdpcField other) {
    return offset < other.end() && other.offset < end();
  }
}
