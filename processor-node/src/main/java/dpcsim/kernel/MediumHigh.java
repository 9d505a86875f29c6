package dpcsim.kernel;

import dpcsim.scenario.Importance;

/** How a kernel treats MediumHighImportance (R-4, spec P). */
public enum MediumHigh {
  /** Stored but not tested anywhere: behaves as Medium (ws03, reactos, textbook). */
  AS_MEDIUM,
  /** Counts as High when deciding on an interrupt, but queues at the tail (win10). */
  HIGH_DECISION_TAIL;

  /**
   * @return true if a DPC of this importance goes to the HEAD of its list
   */
  public boolean queuesAtHead(Importance importance) {
    return importance == Importance.HIGH;
  }

  /**
   * @return true if a DPC of this importance counts as High in the R-14 decisions
   */
  public boolean highForDecision(Importance importance) {
    return importance == Importance.HIGH
        || (this == HIGH_DECISION_TAIL && importance == Importance.MEDIUM_HIGH);
  }
}
