package dpcsim.scenario;

/**
 * One script entry: {@code op} applied at {@code atNs} on processor {@code cpu} (null only for
 * {@code setTunable}, which acts on the globals). {@code index} is the entry's position in the
 * file: actions at the same instant apply in that order.
 */
public record ScriptAction(int index, long atNs, Integer cpu, Op op) {}
