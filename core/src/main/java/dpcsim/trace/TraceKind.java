package dpcsim.trace;

/**
 * The trace's event types as small integers: the {@code kind} column of a {@link TraceBuffer}. The
 * numbers are internal (never written); the {@code ev} names are the contract
 * (docs/trace-format.md).
 *
 * <p>What the buffer's columns hold per kind ({@code a}, {@code b}, {@code c} are ints; {@code x},
 * {@code y}, {@code z} longs; names are ids into the run's {@link TraceNames}, symbols are {@link
 * TraceSymbols}):
 *
 * <ul>
 *   <li>{@link #DPC_INSERT}: a = KDPC, b = by, c = {@link #INSERT_OK} | {@link #INSERT_THREADED} |
 *       {@link #INSERT_TAIL}, x = depth
 *   <li>{@link #DPC_INTERRUPT_REQUEST}: b = by, c = via symbol
 *   <li>{@link #IPI_SEND}: b = to, c = kind symbol; {@link #IPI_RECEIVE}: b = from, c = kind symbol
 *   <li>{@link #DPC_START}: a = KDPC, c = IRQL symbol, x = arg1, y = arg2
 *   <li>{@link #DPC_END}: a = KDPC; {@link #DPC_REMOVE}: a = KDPC, b = by, c = 1 if ok
 *   <li>{@link #ISR_START}, {@link #ISR_END}: a = device
 *   <li>{@link #IDLE}: c = {@link #IDLE_ON} | {@link #IDLE_HALTED}
 *   <li>{@link #TICK}: x = rate, y = maxDepth, z = threshold
 *   <li>{@link #WATCHDOG}: b = code, x = p1, y = p2, z = p3
 *   <li>{@link #IRQL}: c = level symbol
 * </ul>
 */
public final class TraceKind {
  private TraceKind() {}

  public static final int DPC_INSERT = 0;
  public static final int DPC_INTERRUPT_REQUEST = 1;
  public static final int IPI_SEND = 2;
  public static final int IPI_RECEIVE = 3;
  public static final int DPC_START = 4;
  public static final int DPC_END = 5;
  public static final int DPC_REMOVE = 6;
  public static final int ISR_START = 7;
  public static final int ISR_END = 8;
  public static final int IDLE = 9;
  public static final int TICK = 10;
  public static final int WATCHDOG = 11;
  public static final int IRQL = 12;

  /** How many kinds there are. */
  public static final int COUNT = 13;

  /** DpcInsert flag: the insertion took effect ({@code ok: true}). */
  public static final int INSERT_OK = 1;

  /** DpcInsert flag: it went to the threaded list (else the normal one). */
  public static final int INSERT_THREADED = 2;

  /** DpcInsert flag: it was linked at the tail (else the head). */
  public static final int INSERT_TAIL = 4;

  /** Idle flag: in the idle summary. */
  public static final int IDLE_ON = 1;

  /** Idle flag: halted. */
  public static final int IDLE_HALTED = 2;

  private static final String[] EV = {
    "DpcInsert",
    "DpcInterruptRequest",
    "IpiSend",
    "IpiReceive",
    "DpcStart",
    "DpcEnd",
    "DpcRemove",
    "IsrStart",
    "IsrEnd",
    "Idle",
    "Tick",
    "Watchdog",
    "Irql"
  };

  /**
   * @return the {@code ev} name of {@code kind}
   */
  public static String ev(int kind) {
    return EV[kind];
  }
}
