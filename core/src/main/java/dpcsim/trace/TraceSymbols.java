package dpcsim.trace;

import dpcsim.scenario.Irql;

/**
 * The few fixed strings a trace line can carry besides names ({@code via}, an IPI's {@code kind},
 * an {@code irql} or {@code level}), numbered so a trace event holds an int instead of a string.
 */
public final class TraceSymbols {
  private TraceSymbols() {}

  /** {@code via: local}: the insertion requested the interrupt on its own processor. */
  public static final int VIA_LOCAL = 0;

  /** {@code via: ipi}: the request went to another processor by IPI. */
  public static final int VIA_IPI = 1;

  /** {@code via: flush}: KeFlushQueuedDpcs. */
  public static final int VIA_FLUSH = 2;

  /** {@code via: tick}: the clock tick's request. */
  public static final int VIA_TICK = 3;

  /** The DPC IPI's {@code kind}. */
  public static final int IPI_DPC = 4;

  private static final int IRQL_BASE = 5;

  private static final String[] NAMES = names();

  private static String[] names() {
    Irql[] levels = Irql.values();
    String[] n = new String[IRQL_BASE + levels.length];
    n[VIA_LOCAL] = "local";
    n[VIA_IPI] = "ipi";
    n[VIA_FLUSH] = "flush";
    n[VIA_TICK] = "tick";
    n[IPI_DPC] = "DPC";
    for (Irql l : levels) {
      n[IRQL_BASE + l.ordinal()] = l.name();
    }
    return n;
  }

  /**
   * @return the symbol of IRQL {@code level} (its name in the trace: {@code DISPATCH}, ...)
   */
  public static int irql(Irql level) {
    return IRQL_BASE + level.ordinal();
  }

  /**
   * @return the string of {@code symbol}
   */
  public static String name(int symbol) {
    return NAMES[symbol];
  }

  /**
   * @return how many symbols there are
   */
  static int count() {
    return NAMES.length;
  }

  /**
   * @return the symbol spelled {@code name}
   * @throws IllegalArgumentException if no symbol is
   */
  public static int of(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a trace symbol: " + name);
  }
}
