package dpcsim.kernel.layout;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The KDPC of one version family on one architecture, as {@code dt _KDPC} lists it.
 *
 * <p>{@link #fields()} is in {@code dt} order: ascending offset, a union view immediately before
 * the members it overlays. {@link #size()} is always {@link Arch#kdpcSize()}: the size never
 * changes, only what lives inside it. Construction checks the layout: every member lies
 * inside the size, names are unique, no two ordinary members share a byte, and each union view is
 * exactly filled by the ordinary members that follow it. Gaps are allowed: x64 alignment padding,
 * and the three bytes after 3.10's BOOLEAN Inserted.
 *
 * @param family the version family (Chappell's table, seeds/004)
 * @param arch the architecture
 * @param fields the members in {@code dt} order
 */
public record KdpcLayout(KdpcFamily family, Arch arch, List<KdpcField> fields) {

  /**
   * Copies {@code fields} and checks the layout rules stated on the class.
   *
   * @throws IllegalArgumentException if a rule is broken, or {@code family} had no build for {@code
   *     arch}
   */
  public KdpcLayout {
    family.requireBuild(arch);
    fields = List.copyOf(fields);
    check(arch.kdpcSize(), fields);
  }

  /**
   * @return the layout of {@code family} on {@code arch}
   * @throws IllegalArgumentException if {@code family} had no build for {@code arch}: dpcsim does
   *     not invent offsets
   */
  public static KdpcLayout of(KdpcFamily family, Arch arch) {
    return new KdpcLayout(family, arch, family.fields(arch));
  }

  /**
   * @return sizeof(KDPC) in bytes: 0x20 on x86, 0x40 on x64
   */
  public int size() {
    return arch.kdpcSize();
  }

  /**
   * @return the member called {@code name}, if this layout has one
   */
  public Optional<KdpcField> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private static void check(int size, List<KdpcField> fields) {
    Set<String> names = new HashSet<>();
    int lastOffset = 0;
    for (int i = 0; i < fields.size(); i++) {
      KdpcField f = fields.get(i);
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("duplicate member " + f.name());
      }
      if (f.offset() < lastOffset) {
        throw new IllegalArgumentException(f.name() + " is out of offset order");
      }
      lastOffset = f.offset();
      if (f.end() > size) {
        throw new IllegalArgumentException(f.name() + " ends past 0x" + Integer.toHexString(size));
      }
      if (f.unionView()) {
        checkUnion(f, fields.subList(i + 1, fields.size()));
      } else {
        for (KdpcField g : fields.subList(0, i)) {
          if (!g.unionView() && g.overlaps(f)) {
            throw new IllegalArgumentException(f.name() + " overlaps " + g.name());
          }
        }
      }
    }
  }

  /** A union view must be tiled, from its first byte to its last, by the members after it. */
  private static void checkUnion(KdpcField view, List<KdpcField> rest) {
    int covered = view.offset();
    for (KdpcField f : rest) {
      if (covered == view.end() || f.offset() != covered || f.unionView()) {
        break;
      }
      covered = f.end();
    }
    if (covered != view.end()) {
      throw new IllegalArgumentException(view.name() + " is not exactly overlaid by its members");
    }
  }
}
