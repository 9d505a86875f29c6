package dpcsim.perfetto;

import dpcsim.scenario.Irql;
import dpcsim.trace.Json;
import dpcsim.trace.TraceSymbols;
import java.util.Arrays;

/**
 * The slices open on one processor, innermost on top: an ISR or a routine opens one at its start
 * and its end closes it. Their figures are held as primitives in parallel arrays and a slice's args
 * are written only when it is, so a start makes no object (the stack is a handful deep: a threaded
 * routine, a normal one, nested ISRs).
 */
final class OpenSlices {
  /** An ISR's slice: cat {@code isr}, at the model's DIRQL. */
  static final int ISR = 0;

  /** A normal routine's slice: cat {@code dpc}, at DISPATCH. */
  static final int DPC = 1;

  /** A threaded routine's slice: cat {@code threaded-dpc}, at PASSIVE. */
  static final int THREADED_DPC = 2;

  private static final String[] CATS = {"isr", "dpc", "threaded-dpc"};
  private static final int[] IRQLS = {
    Irql.DEVICE.level(), Irql.DISPATCH.level(), Irql.PASSIVE.level()
  };

  private String[] names = new String[4];
  private int[] kinds = new int[4];
  private long[] starts = new long[4];
  private int[] irqlSymbols = new int[4];
  private long[] arg1s = new long[4];
  private long[] arg2s = new long[4];
  private long[] latencies = new long[4];
  private boolean[] hasLatency = new boolean[4];
  private int size;

  /** Opens the slice of an ISR of {@code device} at {@code t}. */
  void pushIsr(String device, long t) {
    int k = push(device, ISR, t);
    hasLatency[k] = false;
  }

  /**
   * Opens the slice of {@code dpc}'s routine at {@code t}, with its args: the IRQL symbol it runs
   * at, its system arguments and, if its insertion was seen, its latency.
   */
  void pushDpc(
      String dpc,
      boolean threaded,
      long t,
      int irqlSymbol,
      long arg1,
      long arg2,
      boolean latencyKnown,
      long latencyNs) {
    int k = push(dpc, threaded ? THREADED_DPC : DPC, t);
    irqlSymbols[k] = irqlSymbol;
    arg1s[k] = arg1;
    arg2s[k] = arg2;
    hasLatency[k] = latencyKnown;
    latencies[k] = latencyNs;
  }

  private int push(String name, int kind, long t) {
    if (size == names.length) {
      int n = size * 2;
      names = Arrays.copyOf(names, n);
      kinds = Arrays.copyOf(kinds, n);
      starts = Arrays.copyOf(starts, n);
      irqlSymbols = Arrays.copyOf(irqlSymbols, n);
      arg1s = Arrays.copyOf(arg1s, n);
      arg2s = Arrays.copyOf(arg2s, n);
      latencies = Arrays.copyOf(latencies, n);
      hasLatency = Arrays.copyOf(hasLatency, n);
    }
    names[size] = name;
    kinds[size] = kind;
    starts[size] = t;
    return size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Closes the top slice. */
  void pop() {
    names[--size] = null; // the name belongs to a names table: do not keep it alive
  }

  /**
   * @return the top slice's name (its device or KDPC)
   */
  String name() {
    return names[size - 1];
  }

  /**
   * @return the top slice's kind: {@link #ISR}, {@link #DPC} or {@link #THREADED_DPC}
   */
  int kind() {
    return kinds[size - 1];
  }

  /**
   * @return the top slice's start
   */
  long startNs() {
    return starts[size - 1];
  }

  /**
   * @return the IRQL the top slice runs at
   */
  int irql() {
    return IRQLS[kinds[size - 1]];
  }

  /**
   * @return the cat of slices of {@code kind}
   */
  static String cat(int kind) {
    return CATS[kind];
  }

  /** Appends the top slice's args as members each with a leading comma (as {@link Json} does). */
  void args(StringBuilder out) {
    int k = size - 1;
    if (kinds[k] == ISR) {
      out.append(",\"irql\":\"DIRQL\"");
      return;
    }
    Json.str(out, "irql", TraceSymbols.name(irqlSymbols[k]));
    out.append(",\"SystemArgument1\":\"0x");
    ChromeJson.hex(out, arg1s[k]);
    out.append("\",\"SystemArgument2\":\"0x");
    ChromeJson.hex(out, arg2s[k]);
    out.append('"');
    if (hasLatency[k]) {
      Json.num(out, "latencyNs", latencies[k]);
    }
  }

  /**
   * @return the top slice as a bug report names it, or "nothing" when none is open
   */
  String describeTop() {
    return isEmpty() ? "nothing" : cat(kind()) + " '" + name() + "'";
  }
}
