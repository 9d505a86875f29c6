package dpcsim.wire;

import dpcsim.kernel.debug.KdpcSnapshot;

/**
 * A node's copy of the KDPC called {@code name}, for the debugger's {@code dt _KDPC}.
 *
 * @param kdpc the KDPC's fields, or null when the scenario has no KDPC of that name
 */
public record KdpcLookup(String name, KdpcSnapshot kdpc) implements CborSerializable {}
