package dpcsim.wire;

/**
 * Marker for messages that cross cluster nodes; the actor system binds it to Jackson CBOR. Every
 * record that may leave a JVM implements it, so {@code serialize-messages = on} in tests catches
 * one that cannot be serialized.
 */
public interface CborSerializable {}
