package dpcsim.perfetto;

import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import dpcsim.trace.Json;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
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
 * its queued KDPC names and the IPIs in flight are held. Clock ticks are ignored.
 */
public final class PerfettoWriter implements TraceConsumer {
  /** The watchdog instant's name: the bug check's name and code. */
  static final String WATCHDOG = "DPC_WATCHDOG_VIOLATION (0x133)";

  private final Writer out;
  private final String processName;
  private final Map<String, String> otherData;
  private final CpuTrack[] cpus;
  private final IpiFlows flows = new IpiFlows();
  private final StringBuilder buf = new StringBuilder(256);
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

  @Override
  public void accept(TraceEvent event) {
    if (event instanceof TraceEvent.Tick) {
      return;
    }
    start();
    CpuTrack c = cpus[event.cpu()];
    c.advanceTo(event.t());
    if (event instanceof TraceEvent.DpcInsert e) {
      c.insert(e);
    } else if (event instanceof TraceEvent.DpcStart e) {
      c.dpcStart(e);
    } else if (event instanceof TraceEvent.DpcEnd e) {
      c.dpcEnd(e);
    } else if (event instanceof TraceEvent.DpcRemove e) {
      c.remove(e);
    } else if (event instanceof TraceEvent.IsrStart e) {
      c.isrStart(e);
    } else if (event instanceof TraceEvent.IsrEnd e) {
      c.isrEnd(e);
    } else if (event instanceof TraceEvent.Idle e) {
      c.idle(e);
    } else if (event instanceof TraceEvent.Irql e) {
      c.irql(e);
    } else if (event instanceof TraceEvent.IpiSend e) {
      ipi("IPI send", e, "to", e.to(), e.kind(), flows.send(e.cpu(), e.to(), e.t()));
    } else if (event instanceof TraceEvent.IpiReceive e) {
      ipi("IPI", e, "from", e.from(), e.kind(), flows.receive(e.from(), e.cpu(), e.t()));
    } else if (event instanceof TraceEvent.Watchdog e) {
      watchdog(e);
    }
    c.settleIdle(event.t());
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
   * A 1 ns IPI slice for a flow end to bind to, then the flow if this end completes it.
   *
   * @param peerKey {@code to} on the sender, {@code from} on the target
   */
  private void ipi(
      String name, TraceEvent at, String peerKey, int peer, String kind, IpiFlows.Flow flow) {
    StringBuilder f = new StringBuilder(32);
    Json.num(f, peerKey, peer);
    Json.str(f, "kind", kind);
    emit(b -> ChromeJson.complete(b, name, ChromeJson.IPI_CAT, at.t(), 1, at.cpu(), f));
    if (flow != null) {
      emit(b -> ChromeJson.flowStart(b, flow.id(), flow.sendNs(), flow.from()));
      emit(b -> ChromeJson.flowEnd(b, flow.id(), flow.receiveNs(), flow.to()));
    }
  }

  private void watchdog(TraceEvent.Watchdog e) {
    StringBuilder f = new StringBuilder(64);
    Json.num(f, "p1", e.p1());
    Json.num(f, "p2", e.p2());
    Json.num(f, "p3", e.p3());
    emit(b -> ChromeJson.instant(b, WATCHDOG, "watchdog", e.t(), e.cpu(), f));
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

  /** Builds one event in the shared buffer and writes it. */
  private void emit(Consumer<StringBuilder> event) {
    buf.setLength(0);
    event.accept(buf);
    writeEvent(buf);
  }

  private void writeEvent(StringBuilder event) {
    try {
      if (!firstEvent) {
        out.write(",\n");
      }
      firstEvent = false;
      out.append(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
