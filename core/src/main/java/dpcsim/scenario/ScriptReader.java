package dpcsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code script} list: {@code { at, cpu, do, ... }} entries, kept in file order with
 * their index, because actions at the same instant apply in that order. Every action runs on a
 * processor except {@code setTunable}, which changes a global and so takes no {@code cpu}.
 */
final class ScriptReader {
  private final Refs refs;
  private final long durationNs;

  ScriptReader(Refs refs, long durationNs) {
    this.refs = refs;
    this.durationNs = durationNs;
  }

  /**
   * @return the actions in file order; {@code section} may be null (no script)
   */
  List<ScriptAction> script(Cursor section) throws ScenarioException {
    List<ScriptAction> out = new ArrayList<>();
    if (section == null) {
      return out;
    }
    for (Cursor item : section.items()) {
      out.add(action(out.size(), item));
    }
    return out;
  }

  private ScriptAction action(int index, Cursor c) throws ScenarioException {
    Fields f = c.mapping();
    String ops = String.join(", ", OpReader.ALL_OPS);
    Cursor doAt = f.required("do", "the operation: " + ops);
    String op = doAt.text();
    if (!OpReader.ALL_OPS.contains(op)) {
      throw doAt.error("unknown operation " + ScenarioText.quote(op) + " (expected " + ops + ")");
    }
    boolean global = op.equals("setTunable");
    if (global && f.has("cpu")) {
      throw f.keyError("cpu", "setTunable changes a global tunable and takes no cpu");
    }
    if (op.equals("insert") && f.has("target")) {
      throw f.keyError(
          "target",
          "a script insert takes no target (target: { random: P } is for routine and ISR then"
              + " steps; use setTarget before the insert)");
    }
    f.allowOnly(keysFor(op));
    long at = at(f.required("at", "when the action applies, e.g. 0us"));
    Integer cpu =
        global
            ? null
            : refs.processor(
                f.required("cpu", "every action except setTunable runs on a processor"));
    return new ScriptAction(index, at, cpu, op(op, f, cpu));
  }

  private long at(Cursor c) throws ScenarioException {
    long at = c.duration();
    if (at > durationNs) {
      throw c.error(
          "at "
              + ScenarioText.bare(c.text())
              + " is past the scenario's duration ("
              + Durations.format(durationNs)
              + ")");
    }
    return at;
  }

  private static List<String> keysFor(String op) {
    List<String> keys = new ArrayList<>(List.of("at"));
    if (!op.equals("setTunable")) {
      keys.add("cpu");
    }
    keys.add("do");
    if (OpReader.DPC_OPS.contains(op)) {
      keys.add("dpc");
      // A script's insert has no target: the random retarget is a routine/ISR step's.
      keys.addAll(op.equals("insert") ? List.of("args") : OpReader.dpcOpKeys(op));
    }
    keys.addAll(
        switch (op) {
          case "raiseIrql", "lowerIrql" -> List.of("level");
          case "runThread" -> List.of("for");
          case "interrupt" -> List.of("device");
          case "setTunable" -> List.of("name", "value");
          default -> List.<String>of();
        });
    return keys;
  }

  private Op op(String op, Fields f, Integer cpu) throws ScenarioException {
    if (OpReader.DPC_OPS.contains(op)) {
      String dpc = refs.dpc(f.required("dpc", "the DPC's name"), cpu);
      return OpReader.dpcOp(op, dpc, f, refs);
    }
    return switch (op) {
      case "raiseIrql" ->
          new Op.RaiseIrql(OpReader.level(f.required("level", "PASSIVE, APC, DISPATCH or HIGH")));
      case "lowerIrql" ->
          new Op.LowerIrql(OpReader.level(f.required("level", "PASSIVE, APC, DISPATCH or HIGH")));
      case "runThread" ->
          new Op.RunThread(f.required("for", "how long the thread runs").positiveDuration());
      case "interrupt" ->
          new Op.Interrupt(refs.device(f.required("device", "the device's name"), cpu));
      case "flush" -> new Op.Flush();
      case "halt" -> new Op.Halt();
      case "setTunable" ->
          new Op.SetTunable(
              OpReader.tunable(f.required("name", "the tunable: " + OpReader.tunableNames())),
              OpReader.tunableValue(f.required("value", "the new global value")));
      default -> throw new IllegalStateException("unhandled operation " + op);
    };
  }
}
