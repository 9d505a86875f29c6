package dpcsim.scenario;

/** KDPC_IMPORTANCE. The numeric value is what `dt _KDPC` shows in the Importance byte. */
public enum Importance {
  LOW(0, "low"),
  MEDIUM(1, "medium"),
  HIGH(2, "high"),
  /** Vista and later only; how a kernel treats it is a profile reading (spec P). */
  MEDIUM_HIGH(3, "mediumHigh");

  private final int value;
  private final String yamlName;

  Importance(int value, String yamlName) {
    this.value = value;
    this.yamlName = yamlName;
  }

  /**
   * @return the KDPC_IMPORTANCE value stored in the KDPC
   */
  public int value() {
    return value;
  }

  /**
   * @return the spelling used in scenario files and traces
   */
  public String yamlName() {
    return yamlName;
  }

  /**
   * @return the importance spelled {@code name} in a scenario file, or null if there is none
   */
  public static Importance fromYaml(String name) {
    for (Importance i : values()) {
      if (i.yamlName.equals(name)) {
        return i;
      }
    }
    return null;
  }
}
