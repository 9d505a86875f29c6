package dpcsim.scenario;

/**
 * The interrupt request levels the model distinguishes (x64 numbering). Scenario scripts may name
 * PASSIVE, APC, DISPATCH and HIGH; DEVICE (an ISR's DIRQL), CLOCK and IPI exist so the processor
 * can say what is running.
 */
public enum Irql {
  PASSIVE(0),
  APC(1),
  DISPATCH(2),
  DEVICE(5),
  CLOCK(13),
  IPI(14),
  HIGH(15);

  private final int level;

  Irql(int level) {
    this.level = level;
  }

  /**
   * @return the numeric IRQL (x64)
   */
  public int level() {
    return level;
  }

  /**
   * @return the name WinDbg's {@code !irql} prints, e.g. DISPATCH_LEVEL
   */
  public String kernelName() {
    return this == DEVICE ? "DIRQL" : name() + "_LEVEL";
  }

  /**
   * @return true if a scenario script may raise or lower to this level
   */
  public boolean scriptable() {
    return this == PASSIVE || this == APC || this == DISPATCH || this == HIGH;
  }
}
