package dpcsim.perfetto;

import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import dpcsim.trace.DpcIds;
import dpcsim.trace.EventEntry;
import dpcsim.trace.Json;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TraceSymbols;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the ordered trace as a Chrome Trace Event Format JSON object ({@code {"traceEvents":
 * [...], "displayTimeUnit": "ns", "otherData": {...}}}), which ui.perfetto.dev and chrome://tracing
 * open. One event object per line; the same trace gives the same bytes on every engine.
 *
 * <ul>
 *   <li>Process 1 is the machine ({@code process_name} = the scenario's name); processor {@code n}
 *       is thread {@code 1000 + n} named "CPU n" (see {@link ChromeJson#TID_BASE}).
 *   <li>ISRs (cat {@code isr}, named by device) and DPC routines (cat {@code dpc} or {@code
 *       threaded-dpc}, named by KDPC) are complete {@code X} slices that nest; "Idle" slices fill
 *       the time the processor idles (see {@link CpuTrack}).
 *   <li>An IPI is a 1 ns "IPI send" slice on the sender and a 1 ns "IPI" slice (its service) on the
 *       target, joined by a flow ({@code s} → {@code f} with {@code bp: "e"}). Each flow end has a
 *       slice of its own at its exact timestamp because Perfetto binds a flow event to the slice on
 *       top of the track's stack, which may be one that already ended; 1 ns on an integer
 *       nanosecond clock never overlaps another slice partially. An IPI still in flight when the
 *       run ends has its send slice but no flow.
 *   <li>Counters per processor: "CPU n DPC queue" {@code depth}, "CPU n threaded DPC queue" {@code
 *       depth} (once used) and "CPU n IRQL" {@code level}: 0 PASSIVE, 1 APC, 2 DISPATCH (also the
 *       idle loop, R-30), 5 during an ISR (the model's DIRQL, {@code Irql.DEVICE}), 15 HIGH.
 *   <li>A watchdog violation is an instant "DPC_WATCHDOG_VIOLATION (0x133)" with {@code p1..p3}.
 * </ul>
 *
 * <p>Memory stays bounded: slices are written when they close, so only each processor's open stack,
 * its queued KDPCs and the IPIs in flight are held. Clock ticks are ignored.
 *
 * <p>The writer reads a batch's columns; objects go through the same code as one-entry batches
 * ({@link EventEntry}). KDPCs are tracked by the writer's own ids ({@link DpcIds}), so batches
 * whose names tables differ still agree; names are looked up only to be written. Once its
 * structures have grown to the run's needs it allocates nothing per event (but for a name with
 * control characters, escaped anew each time it is written).
 */
public final class PerfettoWriter implements TraceConsumer {
  /** The watchdog instant's name: the bug check's name and code. */
  static final String WATCHDOG = "DPC_WATCHDOG_VIOLATION (0x133)";

  private final Writer out;
  private final String processName;
  private final Map<String, String> otherData;
  private final CpuTrack[] cpus;
  private final IpiFlows flows = new IpiFlows();
  private final DpcIds dpcIds = new DpcIds();
  private final EventEntry entries = new EventEntry();
  private final StringBuilder buf = new StringBuilder(256);
  private final StringBuilder fields = new StringBuilder(64);
  private char[] chars = new char[256];
  private boolean started;
  private boolean firstEvent = true;

  /**
   * @param out where the JSON goes (UTF-8); flushed, not closed, by {@link #finish}
   * @param processors the machine's processor count
   * @param processName the name of the machine's process (the scenario's name)
   * @param otherData written as {@code otherData}, in the map's iteration order
   */
  public PerfettoWriter(
      OutputStream out, int processors, String processName, Map<String, String> otherData) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.processName = processName;
    this.otherData = new LinkedHashMap<>(otherData);
    this.cpus = new CpuTrack[processors];
    for (int i = 0; i < processors; i++) {
      cpus[i] = new CpuTrack(i, this::writeEvent);
    }
  }

  /** A writer for a run of {@code scenario}, with its name, profile, processors and seed. */
  public static PerfettoWriter of(OutputStream out, Scenario scenario) {
    Map<String, String> other = new LinkedHashMap<>();
    other.put("scenario", scenario.name());
    other.put("profile", scenario.profile());
    other.put("processors", Integer.toString(scenario.processors()));
    other.put("seed", Long.toString(scenario.seed()));
    return new PerfettoWriter(out, scenario.processors(), scenario.name(), other);
  }

  /** An object takes the columns' path, as a batch of one. */
  @Override
  public void accept(TraceEvent event) {
    accept(entries.of(event), 0, 1);
  }

  @Override
  public void accept(TraceBuffer in, int from, int to) {
    TraceNames names = in.names();
    int[] dpcOf = dpcIds.of(names);
    for (int i = from; i < to; i++) {
      int kind = in.kind(i);
      if (kind == TraceKind.TICK) {
        continue;
      }
      start();
      int cpu = in.cpu(i);
      long t = in.t(i);
      CpuTrack c = cpus[cpu];
      c.advanceTo(t);
      switch (kind) {
        case TraceKind.DPC_INSERT -> c.insert(dpcOf[in.a(i)], t, in.c(i), (int) in.x(i));
        case TraceKind.DPC_START ->
            c.dpcStart(dpcOf[in.a(i)], names.dpc(in.a(i)), t, in.c(i), in.x(i), in.y(i));
        case TraceKind.DPC_END -> c.dpcEnd(names.dpc(in.a(i)), t);
        case TraceKind.DPC_REMOVE -> {
          if (in.c(i) != 0) {
            c.remove(dpcOf[in.a(i)]);
          }
        }
        case TraceKind.ISR_START -> c.isrStart(names.device(in.a(i)), t);
        case TraceKind.ISR_END -> c.isrEnd(names.device(in.a(i)), t);
        case TraceKind.IDLE -> {
          int flags = in.c(i);
          c.idle((flags & TraceKind.IDLE_ON) != 0, (flags & TraceKind.IDLE_HALTED) != 0);
        }
        case TraceKind.IRQL -> c.irql(in.c(i));
        case TraceKind.IPI_SEND -> {
          int target = in.b(i);
          long flow = flows.send(cpu, target, t);
          ipi("IPI send", t, cpu, "to", target, in.c(i));
          if (flow != 0) {
            flow(flow, cpu, t, target, flows.otherNs());
          }
        }
        case TraceKind.IPI_RECEIVE -> {
          int sender = in.b(i);
          long flow = flows.receive(sender, cpu, t);
          ipi("IPI", t, cpu, "from", sender, in.c(i));
          if (flow != 0) {
            flow(flow, sender, flows.otherNs(), cpu, t);
          }
        }
        case TraceKind.WATCHDOG -> watchdog(t, cpu, in.x(i), in.y(i), in.z(i));
        default -> {
          // a DpcInterruptRequest draws nothing of its own
        }
      }
      c.settleIdle(t);
    }
  }

  @Override
  public void finish(long simulatedNs) {
    start();
    for (CpuTrack c : cpus) {
      c.finish(simulatedNs);
    }
    Map<String, String> other = new LinkedHashMap<>(otherData);
    other.put("simulatedNs", Long.toString(simulatedNs));
    StringBuilder tail = new StringBuilder("\n],\n\"displayTimeUnit\":\"ns\",\n\"otherData\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : other.entrySet()) {
      if (!first) {
        tail.append(',');
      }
      first = false;
      Json.quote(tail, e.getKey());
      tail.append(':');
      Json.quote(tail, ScenarioText.escape(e.getValue()));
    }
    tail.append("}}\n");
    try {
      out.append(tail);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A 1 ns IPI slice on {@code cpu} for a flow end to bind to.
   *
   * @param peerKey {@code to} on the sender, {@code from} on the target
   * @param kind the IPI's kind symbol
   */
  private void ipi(String name, long t, int cpu, String peerKey, int peer, int kind) {
    fields.setLength(0);
    Json.num(fields, peerKey, peer);
    Json.str(fields, "kind", TraceSymbols.name(kind));
    buf.setLength(0);
    ChromeJson.complete(buf, name, ChromeJson.IPI_CAT, t, 1, cpu, fields);
    writeEvent(buf);
  }

  /** Flow {@code id} of an IPI sent by {@code from} at {@code sendNs}, serviced on {@code to}. */
  private void flow(long id, int from, long sendNs, int to, long receiveNs) {
    buf.setLength(0);
    ChromeJson.flowStart(buf, id, sendNs, from);
    writeEvent(buf);
    buf.setLength(0);
    ChromeJson.flowEnd(buf, id, receiveNs, to);
    writeEvent(buf);
  }

  private void watchdog(long t, int cpu, long p1, long p2, long p3) {
    fields.setLength(0);
    Json.num(fields, "p1", p1);
    Json.num(fields, "p2", p2);
    Json.num(fields, "p3", p3);
    buf.setLength(0);
    ChromeJson.instant(buf, WATCHDOG, "watchdog", t, cpu, fields);
    writeEvent(buf);
  }

  /** Writes the opening and the metadata events once, before the first event. */
  private void start() {
    if (started) {
      return;
    }
    started = true;
    try {
      out.write("{\"traceEvents\":[\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    emit(b -> ChromeJson.processName(b, processName));
    for (int cpu = 0; cpu < cpus.length; cpu++) {
      int c = cpu;
      emit(b -> ChromeJson.threadName(b, c, "CPU " + c));
      emit(b -> ChromeJson.threadSortIndex(b, c));
    }
  }

  /**
   * Builds one event in the shared buffer and writes it: for the metadata, once per run (a
   * capturing lambda is an object, so the per-event records are built in place instead).
   */
  private void emit(Consumer<StringBuilder> event) {
    buf.setLength(0);
    event.accept(buf);
    writeEvent(buf);
  }

  /**
   * Writes one event object. Its chars go through an array kept for the purpose: {@code
   * Writer.append(CharSequence)} would make a String of each.
   */
  private void writeEvent(StringBuilder event) {
    int n = event.length();
    if (n > chars.length) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    event.getChars(0, n, chars, 0);
    try {
      if (!firstEvent) {
        out.write(",\n");
      }
      firstEvent = false;
      out.write(chars, 0, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
