package dpcsim.trace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One line of the JSON Lines trace (docs/trace-format.md). Every event has the simulated time
 * {@code t} in nanoseconds and the processor {@code cpu} it happened on; {@link #writeJson} writes
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
   * Writes {@code ,"cpu":N,"ev":"<name>"} and the extra keys after it, each with a leading comma,
   * in the order docs/trace-format.md lists them.
   */
  void writeFields(JsonLine out);

  /** Writes the whole JSON object (no newline). */
  default void writeJson(JsonLine out) {
    out.time(t());
    writeFields(out);
    out.raw('}');
  }

  /** The keys of the trace's lines as UTF-8, prepared once. */
  final class Keys {
    private Keys() {}

    static final byte[] DPC = JsonLine.key("dpc");
    static final byte[] BY = JsonLine.key("by");
    static final byte[] OK = JsonLine.key("ok");
    static final byte[] LIST = JsonLine.key("list");
    static final byte[] POS = JsonLine.key("pos");
    static final byte[] DEPTH = JsonLine.key("depth");
    static final byte[] VIA = JsonLine.key("via");
    static final byte[] TO = JsonLine.key("to");
    static final byte[] FROM = JsonLine.key("from");
    static final byte[] KIND = JsonLine.key("kind");
    static final byte[] IRQL = JsonLine.key("irql");
    static final byte[] ARGS = JsonLine.key("args");
    static final byte[] DEVICE = JsonLine.key("device");
    static final byte[] ON = JsonLine.key("on");
    static final byte[] HALTED = JsonLine.key("halted");
    static final byte[] RATE = JsonLine.key("rate");
    static final byte[] MAX_DEPTH = JsonLine.key("maxDepth");
    static final byte[] THRESHOLD = JsonLine.key("threshold");
    static final byte[] CODE = JsonLine.key("code");
    static final byte[] P1 = JsonLine.key("p1");
    static final byte[] P2 = JsonLine.key("p2");
    static final byte[] P3 = JsonLine.key("p3");
    static final byte[] LEVEL = JsonLine.key("level");
  }

  /** KeInsertQueueDpc took effect on {@code cpu}'s queue (or returned FALSE: {@code ok=false}). */
  record DpcInsert(
      long t, int cpu, String dpc, int by, boolean ok, String list, String pos, int depth)
      implements TraceEvent {
    /** An insertion that returned FALSE: nothing changed. */
    public static DpcInsert rejected(long t, int cpu, String dpc, int by) {
      return new DpcInsert(t, cpu, dpc, by, false, null, null, 0);
    }

    private static final JsonLine.EvName EV = new JsonLine.EvName("DpcInsert");

    @Override
    public String ev() {
      return "DpcInsert";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.pair(Keys.DPC, dpc);
      out.raw(Keys.BY).num(by);
      out.raw(Keys.OK).bool(ok);
      if (ok) {
        out.pair(Keys.LIST, list);
        out.pair(Keys.POS, pos);
        out.raw(Keys.DEPTH).num(depth);
      }
    }
  }

  /** A DISPATCH software interrupt requested on {@code cpu} for DPC work. */
  record DpcInterruptRequest(long t, int cpu, int by, String via) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("DpcInterruptRequest");

    @Override
    public String ev() {
      return "DpcInterruptRequest";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.raw(Keys.BY).num(by);
      out.pair(Keys.VIA, via);
    }
  }

  /** An IPI leaves {@code cpu}. */
  record IpiSend(long t, int cpu, int to, String kind) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("IpiSend");

    @Override
    public String ev() {
      return "IpiSend";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.raw(Keys.TO).num(to);
      out.pair(Keys.KIND, kind);
    }
  }

  /** The IPI is serviced on {@code cpu}. */
  record IpiReceive(long t, int cpu, int from, String kind) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("IpiReceive");

    @Override
    public String ev() {
      return "IpiReceive";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.raw(Keys.FROM).num(from);
      out.pair(Keys.KIND, kind);
    }
  }

  /** The DeferredRoutine is called; {@code args} are SystemArgument1/2 (unsigned). */
  record DpcStart(long t, int cpu, String dpc, String irql, long arg1, long arg2)
      implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("DpcStart");

    @Override
    public String ev() {
      return "DpcStart";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.pair(Keys.DPC, dpc);
      out.pair(Keys.IRQL, irql);
      out.raw(Keys.ARGS).raw('[').unsigned(arg1).raw(',').unsigned(arg2).raw(']');
    }
  }

  /** The routine returned. */
  record DpcEnd(long t, int cpu, String dpc) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("DpcEnd");

    @Override
    public String ev() {
      return "DpcEnd";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.pair(Keys.DPC, dpc);
    }
  }

  /** KeRemoveQueueDpc. */
  record DpcRemove(long t, int cpu, String dpc, int by, boolean ok) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("DpcRemove");

    @Override
    public String ev() {
      return "DpcRemove";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.pair(Keys.DPC, dpc);
      out.raw(Keys.BY).num(by);
      out.raw(Keys.OK).bool(ok);
    }
  }

  /** An ISR starts. */
  record IsrStart(long t, int cpu, String device) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("IsrStart");

    @Override
    public String ev() {
      return "IsrStart";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.pair(Keys.DEVICE, device);
    }
  }

  /** An ISR returns. */
  record IsrEnd(long t, int cpu, String device) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("IsrEnd");

    @Override
    public String ev() {
      return "IsrEnd";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.pair(Keys.DEVICE, device);
    }
  }

  /** The processor enters ({@code on}) or leaves the idle summary, or changes halted state. */
  record Idle(long t, int cpu, boolean on, boolean halted) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("Idle");

    @Override
    public String ev() {
      return "Idle";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.raw(Keys.ON).bool(on);
      out.raw(Keys.HALTED).bool(halted);
    }
  }

  /** Clock tick bookkeeping, values after the tick's update (R-24..R-26). */
  record Tick(long t, int cpu, long rate, long maxDepth, long threshold) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("Tick");

    @Override
    public String ev() {
      return "Tick";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.raw(Keys.RATE).num(rate);
      out.raw(Keys.MAX_DEPTH).num(maxDepth);
      out.raw(Keys.THRESHOLD).num(threshold);
    }
  }

  /** A DPC watchdog violation (bug check 0x133 with its parameters, R-29). */
  record Watchdog(long t, int cpu, int code, long p1, long p2, long p3) implements TraceEvent {
    /** DPC_WATCHDOG_VIOLATION. */
    public static final int CODE = 0x133;

    private static final JsonLine.EvName EV = new JsonLine.EvName("Watchdog");

    @Override
    public String ev() {
      return "Watchdog";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.raw(Keys.CODE).num(code);
      out.raw(Keys.P1).num(p1);
      out.raw(Keys.P2).num(p2);
      out.raw(Keys.P3).num(p3);
    }
  }

  /** The processor's IRQL changed by a script action. */
  record Irql(long t, int cpu, String level) implements TraceEvent {
    private static final JsonLine.EvName EV = new JsonLine.EvName("Irql");

    @Override
    public String ev() {
      return "Irql";
    }

    @Override
    public void writeFields(JsonLine out) {
      out.cpuAndEv(cpu, EV);
      out.pair(Keys.LEVEL, level);
    }
  }
}
