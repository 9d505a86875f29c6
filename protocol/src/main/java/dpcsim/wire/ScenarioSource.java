package dpcsim.wire;

/**
 * A scenario as it travels to the nodes: its text (YAML or JSON) and file name, which every node
 * parses and validates itself, plus the command line's overrides.
 *
 * @param durationNs the simulated duration to run, or -1 for the file's
 */
public record ScenarioSource(String text, String name, long seed, long durationNs)
    implements CborSerializable {}
