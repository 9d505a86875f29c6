package dpcsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the operation fields shared by script actions and routine/ISR {@code then} steps. The two
 * spell the DPC differently ({@code do: insert, dpc: x} against {@code insert: x}), so the caller
 * finds the DPC name and this class reads the rest.
 */
final class OpReader {
  /** The operations a routine or an ISR may perform, in spec order. */
  static final List<String> DPC_OPS = List.of("insert", "remove", "setImportance", "setTarget");

  /** Every script operation, in spec order. */
  static final List<String> ALL_OPS =
      List.of(
          "insert",
          "remove",
          "setImportance",
          "setTarget",
          "raiseIrql",
          "lowerIrql",
          "runThread",
          "interrupt",
          "flush",
          "setTunable",
          "halt");

  private static final List<String> LEVELS = List.of("PASSIVE", "APC", "DISPATCH", "HIGH");

  private OpReader() {}

  /**
   * @return the keys a DPC operation takes besides the one naming the DPC
   */
  static List<String> dpcOpKeys(String op) {
    return switch (op) {
      case "insert" -> List.of("args", "target");
      case "setImportance" -> List.of("importance");
      case "setTarget" -> List.of("target");
      default -> List.of();
    };
  }

  /**
   * @param op one of {@link #DPC_OPS}
   * @param dpc the (already checked) DPC name
   * @param f the mapping holding the operation's other keys
   */
  static Op dpcOp(String op, String dpc, Fields f, Refs refs) throws ScenarioException {
    int index = refs.dpcIndex(dpc);
    return switch (op) {
      case "insert" -> insert(dpc, index, f.optional("args"), remote(f));
      case "remove" -> new Op.Remove(dpc, index);
      case "setImportance" ->
          new Op.SetImportance(dpc, index, importance(f.required("importance")));
      case "setTarget" -> {
        if (!f.has("target")) {
          throw f.missing("target", "a processor number, or null to make the DPC untargeted");
        }
        Cursor target = f.optional("target");
        yield new Op.SetTarget(dpc, index, target == null ? null : refs.processor(target));
      }
      default -> throw new IllegalArgumentException("not a DPC operation: " + op);
    };
  }

  /** KeInsertQueueDpc's two SystemArguments: a list of 0..2 unsigned 64-bit numbers. */
  private static Op insert(String dpc, int index, Cursor args, Double remote)
      throws ScenarioException {
    if (args == null) {
      return new Op.Insert(dpc, index, 0, 0, remote);
    }
    if (!(args.node() instanceof YamlNode.Sequence)) {
      throw args.error(
          "args must be a list of at most two numbers (SystemArgument1, SystemArgument2), found "
              + args.node().describe());
    }
    List<Cursor> items = args.items();
    if (items.size() > 2) {
      throw args.error(
          "args takes at most two numbers (SystemArgument1, SystemArgument2), found "
              + items.size());
    }
    List<Long> values = new ArrayList<>(List.of(0L, 0L));
    for (int i = 0; i < items.size(); i++) {
      values.set(i, items.get(i).unsigned64());
    }
    return new Op.Insert(dpc, index, values.get(0), values.get(1), remote);
  }

  /**
   * An insert step's {@code target: { random: P }}: the probability that the step retargets the DPC
   * to a uniformly random processor rather than the one running the step.
   *
   * @return P, or null when the step has no {@code target}
   */
  private static Double remote(Fields f) throws ScenarioException {
    Cursor target = f.optional("target");
    if (target == null) {
      if (f.has("target")) {
        throw f.keyError("target", RANDOM_TARGET);
      }
      return null;
    }
    if (!(target.node() instanceof YamlNode.Mapping)) {
      throw target.error(RANDOM_TARGET + ", found " + target.node().describe());
    }
    return target.mapping(List.of("random")).required("random", RANDOM_TARGET).fraction();
  }

  private static final String RANDOM_TARGET =
      "an insert's target is { random: P }: with probability P (0..1) a uniformly random"
          + " processor, else the one running the step";

  /**
   * @return a KDPC_IMPORTANCE spelled as in scenario files
   */
  static Importance importance(Cursor c) throws ScenarioException {
    String text = c.text();
    Importance i = Importance.fromYaml(text);
    if (i == null) {
      throw c.error(
          "unknown importance "
              + ScenarioText.quote(text)
              + " (expected low, medium, high, mediumHigh)");
    }
    return i;
  }

  /**
   * @return one of the IRQLs a script may name
   */
  static Irql level(Cursor c) throws ScenarioException {
    String text = c.text();
    if (!LEVELS.contains(text)) {
      throw c.error(
          "unknown IRQL level "
              + ScenarioText.quote(text)
              + " (expected "
              + String.join(", ", LEVELS)
              + ")");
    }
    return Irql.valueOf(text);
  }

  /**
   * @return a global tunable of R-10
   */
  static Tunable tunable(Cursor c) throws ScenarioException {
    String text = c.text();
    Tunable t = Tunable.fromYaml(text);
    if (t == null) {
      throw c.error(
          "unknown tunable " + ScenarioText.quote(text) + " (expected " + tunableNames() + ")");
    }
    return t;
  }

  /**
   * @return the tunable spellings, in R-10 order
   */
  static String tunableNames() {
    return String.join(", ", tunableList());
  }

  /**
   * @return the tunable spellings, in R-10 order, as a list (allowed keys of {@code tunables})
   */
  static List<String> tunableList() {
    List<String> names = new ArrayList<>();
    for (Tunable t : Tunable.values()) {
      names.add(t.yamlName());
    }
    return names;
  }

  /** The largest value of an R-10 tunable: the kernel keeps each in a ULONG (R-10a). */
  static final long TUNABLE_MAX = 0xFFFF_FFFFL;

  /**
   * @return a tunable's value: an unsigned 32-bit count, 0..0xFFFFFFFF (R-10a). 0 is legal, as in
   *     the kernel, which range-checks none of them (WRK ex/sysinfo.c copies the values as given)
   */
  static long tunableValue(Cursor c) throws ScenarioException {
    long v = c.integer();
    if (v < 0 || v > TUNABLE_MAX) {
      throw c.error(
          "a tunable is an unsigned 32-bit count, 0..4294967295 (0xFFFFFFFF), found "
              + ScenarioText.bare(c.text()));
    }
    return v;
  }
}
