package dpcsim.scenario;

/** The global DPC tunables of R-10, as named in scenario files. */
public enum Tunable {
  MAXIMUM_DPC_QUEUE_DEPTH("maximumDpcQueueDepth"),
  MINIMUM_DPC_RATE("minimumDpcRate"),
  ADJUST_DPC_THRESHOLD("adjustDpcThreshold"),
  IDEAL_DPC_RATE("idealDpcRate");

  private final String yamlName;

  Tunable(String yamlName) {
    this.yamlName = yamlName;
  }

  /**
   * @return the spelling used in scenario files
   */
  public String yamlName() {
    return yamlName;
  }

  /**
   * @return the tunable spelled {@code name}, or null
   */
  public static Tunable fromYaml(String name) {
    for (Tunable t : values()) {
      if (t.yamlName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
