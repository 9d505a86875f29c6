package dpcsim.scenario;

/**
 * One {@code then} entry of a routine or ISR: the operation, done {@code afterNs} into the routine,
 * or at its end when {@code afterNs} is null.
 */
public record Step(Op op, Long afterNs) {}
