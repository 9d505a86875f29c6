package dpcsim.trace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One line of the JSON Lines trace (spec/trace-format.md). Every event has the simulated time
 * {@code t} in nanoseconds and the processor {@code cpu} it happened on; {@link #appendJson} writes
 * the keys in the order the format lists them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "ev")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TraceEvent.DpcInsert.class, name = "DpcInsert"),
  @JsonSubTypes.Type(value = TraceEvent.DpcInterruptRequest.class, name = "DpcInterruptRequest"),
  @JsonSubTypes.Type(value = TraceEvent.IpiSend.class, name = "IpiSend"),
  @JsonSubTypes.Type(value = TraceEvent.IpiReceive.class, name = "IpiReceive"),
  @JsonSubTypes.Type(value = TraceEvent.DpcStart.class, name = "DpcStart"),
  @JsonSubTypes.Type(value = TraceEvent.DpcEnd.class, name = "DpcEnd"),
  @JsonSubTypes.Type(value = TraceEvent.DpcRemove.class, name = "DpcRemove"),
  @JsonSubTypes.Type(value = TraceEvent.IsrStart.class, name = "IsrStart"),
  @JsonSubTypes.Type(value = TraceEvent.IsrEnd.class, name = "IsrEnd"),
  @JsonSubTypes.Type(value = TraceEvent.Idle.class, name = "Idle"),
  @JsonSubTypes.Type(value = TraceEvent.Tick.class, name = "Tick"),
  @JsonSubTypes.Type(value = TraceEvent.Watchdog.class, name = "Watchdog"),
  @JsonSubTypes.Type(value = TraceEvent.Irql.class, name = "Irql")
})
public sealed interface TraceEvent {
  /**
   * @return simulated time in nanoseconds
   */
  long t();

  /**
   * @return the processor the event happened on
   */
  int cpu();

  /**
   * @return the {@code ev} name
   */
  @JsonIgnore
  String ev();

  /**
   * Appends the extra keys (after {@code t}, {@code cpu}, {@code ev}), each with a leading comma.
   */
  void appendFields(StringBuilder out);

  /** Appends the whole JSON object (no newline). */
  default void appendJson(StringBuilder out) {
    out.append("{\"t\":").append(t()).append(",\"cpu\":").append(cpu());
    out.append(",\"ev\":\"").append(ev()).append('"');
    appendFields(out);
    out.append('}');
  }

  /** KeInsertQueueDpc took effect on {@code cpu}'s queue (or returned FALSE: {@code ok=false}). */
  record DpcInsert(
      long t, int cpu, String dpc, int by, boolean ok, String list, String pos, int depth)
      implements TraceEvent {
    /** An insertion that returned FALSE: nothing changed. */
    public static DpcInsert rejected(long t, int cpu, String dpc, int by) {
      return new DpcInsert(t, cpu, dpc, by, false, null, null, 0);
    }

    @Override
    public String ev() {
      return "DpcInsert";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.str(out, "dpc", dpc);
      Json.num(out, "by", by);
      Json.bool(out, "ok", ok);
      if (ok) {
        Json.str(out, "list", list);
        Json.str(out, "pos", pos);
        Json.num(out, "depth", depth);
      }
    }
  }

  /** A DISPATCH software interrupt requested on {@code cpu} for DPC work. */
  record DpcInterruptRequest(long t, int cpu, int by, String via) implements TraceEvent {
    @Override
    public String ev() {
      return "DpcInterruptRequest";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.num(out, "by", by);
      Json.str(out, "via", via);
    }
  }

  /** An IPI leaves {@code cpu}. */
  record IpiSend(long t, int cpu, int to, String kind) implements TraceEvent {
    @Override
    public String ev() {
      return "IpiSend";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.num(out, "to", to);
      Json.str(out, "kind", kind);
    }
  }

  /** The IPI is serviced on {@code cpu}. */
  record IpiReceive(long t, int cpu, int from, String kind) implements TraceEvent {
    @Override
    public String ev() {
      return "IpiReceive";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.num(out, "from", from);
      Json.str(out, "kind", kind);
    }
  }

  /** The DeferredRoutine is called; {@code args} are SystemArgument1/2 (unsigned). */
  record DpcStart(long t, int cpu, String dpc, String irql, long arg1, long arg2)
      implements TraceEvent {
    @Override
    public String ev() {
      return "DpcStart";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.str(out, "dpc", dpc);
      Json.str(out, "irql", irql);
      out.append(",\"args\":[")
          .append(Long.toUnsignedString(arg1))
          .append(',')
          .append(Long.toUnsignedString(arg2))
          .append(']');
    }
  }

  /** The routine returned. */
  record DpcEnd(long t, int cpu, String dpc) implements TraceEvent {
    @Override
    public String ev() {
      return "DpcEnd";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.str(out, "dpc", dpc);
    }
  }

  /** KeRemoveQueueDpc. */
  record DpcRemove(long t, int cpu, String dpc, int by, boolean ok) implements TraceEvent {
    @Override
    public String ev() {
      return "DpcRemove";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.str(out, "dpc", dpc);
      Json.num(out, "by", by);
      Json.bool(out, "ok", ok);
    }
  }

  /** An ISR starts. */
  record IsrStart(long t, int cpu, String device) implements TraceEvent {
    @Override
    public String ev() {
      return "IsrStart";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.str(out, "device", device);
    }
  }

  /** An ISR returns. */
  record IsrEnd(long t, int cpu, String device) implements TraceEvent {
    @Override
    public String ev() {
      return "IsrEnd";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.str(out, "device", device);
    }
  }

  /** The processor enters ({@code on}) or leaves the idle summary, or changes halted state. */
  record Idle(long t, int cpu, boolean on, boolean halted) implements TraceEvent {
    @Override
    public String ev() {
      return "Idle";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.bool(out, "on", on);
      Json.bool(out, "halted", halted);
    }
  }

  /** Clock tick bookkeeping, values after the tick's update (R-24..R-26). */
  record Tick(long t, int cpu, int rate, int maxDepth, int threshold) implements TraceEvent {
    @Override
    public String ev() {
      return "Tick";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.num(out, "rate", rate);
      Json.num(out, "maxDepth", maxDepth);
      Json.num(out, "threshold", threshold);
    }
  }

  /** A DPC watchdog violation (bug check 0x133 with its parameters, R-29). */
  record Watchdog(long t, int cpu, int code, long p1, long p2, long p3) implements TraceEvent {
    /** DPC_WATCHDOG_VIOLATION. */
    public static final int CODE = 0x133;

    @Override
    public String ev() {
      return "Watchdog";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.num(out, "code", code);
      Json.num(out, "p1", p1);
      Json.num(out, "p2", p2);
      Json.num(out, "p3", p3);
    }
  }

  /** The processor's IRQL changed by a script action. */
  record Irql(long t, int cpu, String level) implements TraceEvent {
    @Override
    public String ev() {
      return "Irql";
    }

    @Override
    public void appendFields(StringBuilder out) {
      Json.str(out, "level", level);
    }
  }
}
