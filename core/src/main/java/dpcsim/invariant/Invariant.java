package dpcsim.invariant;

/**
 * One property of a run's state that holds after every event (Kafka's raft simulation {@code
 * Invariant}): cheap, checked after each event when a run asks for it. An invariant may keep state
 * between events (e.g. the last time seen), so each run gets fresh ones from {@link
 * Invariants#all}.
 */
public interface Invariant {
  /**
   * @return what the invariant says, as a violation names it (e.g. "a KDPC is in at most one
   *     queue")
   */
  String name();

  /**
   * Checks the run's state after one event.
   *
   * @throws InvariantViolation through {@link RunState#fail} if the property does not hold
   */
  void check(RunState state);
}
