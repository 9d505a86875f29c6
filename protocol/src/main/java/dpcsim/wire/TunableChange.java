package dpcsim.wire;

/**
 * A change of a global tunable the coordinator broadcasts to every processor: at {@code
 * atNs}, before any other event of that instant, in script order ({@code index}).
 */
public record TunableChange(int index, long atNs, String name, long value)
    implements CborSerializable {}
