package dpcsim.kernel;

/**
 * A profile's reading of MediumHighImportance. Every kernel queues it at the tail (R-13,
 * {@link Insertion}); they differ in whether it counts as High for the remote interrupt decision
 * (R-14, {@link DpcInterrupt#countsAsHigh}).
 */
public enum MediumHigh {
  /** Stored but not tested anywhere: behaves as Medium (ws03, reactos, textbook). */
  AS_MEDIUM,
  /** Counts as High when deciding on an interrupt, but queues at the tail (win10). */
  HIGH_DECISION_TAIL
}
