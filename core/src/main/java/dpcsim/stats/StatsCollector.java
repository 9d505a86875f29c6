package dpcsim.stats;

import dpcsim.scenario.DeviceDef;
import dpcsim.scenario.DpcDef;
import dpcsim.scenario.Scenario;
import dpcsim.trace.EventEntry;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceKind;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TraceSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accumulates per-processor, per-KDPC and per-device statistics from the ordered trace (including
 * Tick events, which it ignores).
 *
 * <p>Time is attributed to the innermost activity: ISR time (to the ISR's device) while an ISR
 * runs, DPC time (to the innermost routine's KDPC) while a routine (normal or threaded) runs and no
 * ISR does, idle time while the processor is in the idle summary and runs neither. So the per-KDPC
 * DPC times add up to the processors' DPC times, and the per-device ISR times to their ISR times.
 *
 * <p>A routine's <em>duration</em> is the wall span from its DpcStart to its DpcEnd on its
 * processor, <em>including</em> any ISR (and, for a threaded routine, any normal routine) that
 * preempted it: the inclusive figure LatencyMon and xperf report as DPC execution time. An ISR's
 * duration likewise runs from IsrStart to IsrEnd. A routine or ISR still running when the run ends
 * counts with its duration so far (a lower bound), so a stuck routine still shows.
 *
 * <p>Attribution to a KDPC: latency runs from the {@code ok} DpcInsert that queued it to its
 * DpcStart (a KDPC is queued at most once, R-12, so one pending time per KDPC suffices). A
 * DpcInterruptRequest {@code via: local} or {@code ipi} belongs to the {@code ok} insertion that
 * immediately precedes it on the same processor in the same instant (the kernel decides the request
 * as part of the insertion, R-14, and traces it right after); {@code tick} and {@code flush}
 * requests belong to no KDPC. Each {@code via: ipi} request sends exactly one IPI, so the KDPC's
 * {@code ipisSent} counts those requests (the IpiSend line itself is on the inserting processor and
 * may come before the insertion in trace order). A Watchdog violation belongs to the innermost
 * routine running on its processor, if any (a cumulative violation of a thread spinning at DISPATCH
 * belongs to none).
 *
 * <p>Per event the collector does array work only: names are interned to indices once.
 */
public final class StatsCollector implements TraceConsumer {
  private final Cpu[] cpus;
  private final NameIndex dpcNames = new NameIndex();
  // Arrays, not lists: the columns' path indexes them per event.
  private Dpc[] dpcs = new Dpc[8];
  private int dpcCount;
  private final NameIndex deviceNames = new NameIndex();
  private Device[] devices = new Device[8];
  private int deviceCount;

  /** The machine's latency percentiles: of every processor's samples, selected at the end. */
  private Percentiles machine;

  private RunStats result;
  private TraceNames translated;
  private final EventEntry entries = new EventEntry();
  private int[] dpcOf = new int[0];
  private int[] deviceOf = new int[0];

  private static final class Cpu {
    long inserted;
    long coalesced;
    long executed;
    long interrupts;
    long ipisSent;
    long ipisReceived;
    long isrCount;
    int maxDepth;
    long dpcTime;
    long isrTime;
    long idleTime;
    long watchdog;
    long lastT;
    boolean idle;
    final OpenFrames routines = new OpenFrames();
    final OpenFrames isrs = new OpenFrames();
    final LongSamples latency = new LongSamples();
    final LongSamples duration = new LongSamples();
    // The last ok insertion on this processor, for attributing the request that follows it.
    int lastInsertDpc = -1;
    long lastInsertT;
  }

  private static final class Dpc {
    long inserted;
    long coalesced;
    long executed;
    long interrupts;
    long ipisSent;
    int maxDepth;
    long dpcTime;
    long watchdog;
    long queuedAt = -1; // the pending insertion's time, -1 when not queued
    final LongSamples latency = new LongSamples();
    final LongSamples duration = new LongSamples();
  }

  private static final class Device {
    long count;
    long isrTime;
    final LongSamples duration = new LongSamples();
  }

  /** Per KDPC and per device index: the (module, function) label; absent past the scenario's. */
  private final List<String[]> dpcLabels;

  private final List<String[]> deviceLabels;

  /** Collects statistics for {@code processors} processors; KDPCs and devices as they appear. */
  public StatsCollector(int processors) {
    this(processors, List.of(), List.of());
  }

  /**
   * Collects statistics for {@code processors} processors, reporting the named KDPCs and devices
   * first, in the given order, each its own module.
   */
  public StatsCollector(int processors, List<String> dpcOrder, List<String> deviceOrder) {
    this(processors, dpcOrder, deviceOrder, List.of(), List.of());
  }

  /**
   * Collects statistics for {@code processors} processors, reporting the named KDPCs and devices
   * first, in the given order, even those that never appear in the trace.
   *
   * @param dpcLabels {module, function} of each KDPC of {@code dpcOrder}, or empty: each its own
   * @param deviceLabels likewise for {@code deviceOrder}
   */
  private StatsCollector(
      int processors,
      List<String> dpcOrder,
      List<String> deviceOrder,
      List<String[]> dpcLabels,
      List<String[]> deviceLabels) {
    this.dpcLabels = dpcLabels;
    this.deviceLabels = deviceLabels;
    cpus = new Cpu[processors];
    for (int i = 0; i < processors; i++) {
      cpus[i] = new Cpu();
    }
    for (String name : dpcOrder) {
      dpc(name);
    }
    for (String name : deviceOrder) {
      device(name);
    }
  }

  /**
   * @return a collector reporting {@code s}'s KDPCs and devices in file order
   */
  public static StatsCollector forScenario(Scenario s) {
    return new StatsCollector(
        s.processors(),
        s.dpcs().stream().map(DpcDef::name).toList(),
        s.devices().stream().map(DeviceDef::name).toList(),
        s.dpcs().stream().map(d -> new String[] {d.module(), d.function()}).toList(),
        s.devices().stream().map(d -> new String[] {d.module(), d.function()}).toList());
  }

  private int dpc(String name) {
    int i = dpcNames.of(name);
    if (i == dpcCount) {
      if (dpcCount == dpcs.length) {
        dpcs = Arrays.copyOf(dpcs, dpcCount * 2);
      }
      dpcs[dpcCount++] = new Dpc();
    }
    return i;
  }

  private int device(String name) {
    int i = deviceNames.of(name);
    if (i == deviceCount) {
      if (deviceCount == devices.length) {
        devices = Arrays.copyOf(devices, deviceCount * 2);
      }
      devices[deviceCount++] = new Device();
    }
    return i;
  }

  /** Attributes the time since the processor's last event to its innermost activity. */
  private void advance(Cpu c, long t) {
    long delta = t - c.lastT;
    if (delta > 0) {
      if (!c.isrs.isEmpty()) {
        c.isrTime += delta;
        devices[c.isrs.top()].isrTime += delta;
      } else if (!c.routines.isEmpty()) {
        c.dpcTime += delta;
        dpcs[c.routines.top()].dpcTime += delta;
      } else if (c.idle) {
        c.idleTime += delta;
      }
    }
    c.lastT = t;
  }

  /** An object goes through the columns' path as a one-entry batch. */
  @Override
  public void accept(TraceEvent event) {
    accept(entries.of(event), 0, 1);
  }

  /** The attribution, by index. */
  @Override
  public void accept(TraceBuffer in, int from, int to) {
    translate(in.names());
    for (int i = from; i < to; i++) {
      event(in, i);
    }
  }

  /**
   * One entry. A method per event, not the loop's body: called for every event it is compiled
   * early, where a loop called once per batch waited for on-stack replacement.
   */
  private void event(TraceBuffer in, int i) {
    int[] dpcIds = dpcOf;
    int[] deviceIds = deviceOf;
    Cpu c = cpus[in.cpu(i)];
    long t = in.t(i);
    advance(c, t);
    switch (in.kind(i)) {
      case TraceKind.DPC_INSERT -> {
        int flags = in.c(i);
        if ((flags & TraceKind.INSERT_OK) != 0) {
          inserted(c, t, dpcIds[in.a(i)], (int) in.x(i));
        } else {
          // Already queued: the insertion returned FALSE and merged into the pending call.
          c.coalesced++;
          dpcs[dpcIds[in.a(i)]].coalesced++;
        }
      }
      case TraceKind.DPC_START -> started(c, t, dpcIds[in.a(i)]);
      case TraceKind.DPC_END -> ended(c, t);
      case TraceKind.DPC_REMOVE -> {
        if (in.c(i) != 0) {
          dpcs[dpcIds[in.a(i)]].queuedAt = -1;
        }
      }
      case TraceKind.DPC_INTERRUPT_REQUEST -> requested(c, t, in.c(i));
      case TraceKind.IPI_SEND -> c.ipisSent++;
      case TraceKind.IPI_RECEIVE -> c.ipisReceived++;
      case TraceKind.ISR_START -> isrStarted(c, t, deviceIds[in.a(i)]);
      case TraceKind.ISR_END -> isrEnded(c, t);
      case TraceKind.IDLE -> c.idle = (in.c(i) & TraceKind.IDLE_ON) != 0;
      case TraceKind.WATCHDOG -> watchdog(c);
      default -> {
        // Tick and Irql change no statistic
      }
    }
  }

  /**
   * Maps the ids of {@code names} to this collector's indices, once per names table (a run's
   * buffers share theirs): the scenario's order is usually this collector's, but a collector built
   * without it numbers names as they appear.
   */
  private void translate(TraceNames names) {
    if (names == translated) {
      return;
    }
    dpcOf = new int[names.dpcCount()];
    for (int i = 0; i < dpcOf.length; i++) {
      dpcOf[i] = dpc(names.dpc(i));
    }
    deviceOf = new int[names.deviceCount()];
    for (int i = 0; i < deviceOf.length; i++) {
      deviceOf[i] = device(names.device(i));
    }
    translated = names;
  }

  private void inserted(Cpu c, long t, int i, int depth) {
    Dpc d = dpcs[i];
    c.inserted++;
    c.maxDepth = Math.max(c.maxDepth, depth);
    c.lastInsertDpc = i;
    c.lastInsertT = t;
    d.inserted++;
    d.maxDepth = Math.max(d.maxDepth, depth);
    d.queuedAt = t;
  }

  private void started(Cpu c, long t, int i) {
    Dpc d = dpcs[i];
    c.executed++;
    d.executed++;
    c.routines.push(i, t);
    if (d.queuedAt >= 0) {
      long latency = t - d.queuedAt;
      c.latency.add(latency);
      d.latency.add(latency);
      d.queuedAt = -1;
    }
  }

  private void ended(Cpu c, long t) {
    if (!c.routines.isEmpty()) {
      long duration = t - c.routines.topSince();
      c.duration.add(duration);
      dpcs[c.routines.top()].duration.add(duration);
      c.routines.pop();
    }
  }

  private void requested(Cpu c, long t, int via) {
    c.interrupts++;
    boolean ipi = via == TraceSymbols.VIA_IPI;
    if ((ipi || via == TraceSymbols.VIA_LOCAL) && c.lastInsertDpc >= 0 && c.lastInsertT == t) {
      Dpc d = dpcs[c.lastInsertDpc];
      d.interrupts++;
      if (ipi) {
        d.ipisSent++;
      }
      c.lastInsertDpc = -1; // one request per insertion
    }
  }

  private void isrStarted(Cpu c, long t, int i) {
    c.isrCount++;
    devices[i].count++;
    c.isrs.push(i, t);
  }

  private void isrEnded(Cpu c, long t) {
    if (!c.isrs.isEmpty()) {
      devices[c.isrs.top()].duration.add(t - c.isrs.topSince());
      c.isrs.pop();
    }
  }

  private void watchdog(Cpu c) {
    c.watchdog++;
    if (!c.routines.isEmpty()) {
      dpcs[c.routines.top()].watchdog++;
    }
  }

  @Override
  public void finish(long simulatedNs) {
    for (Cpu c : cpus) {
      advance(c, simulatedNs);
      closeOpen(c, simulatedNs);
    }
    prepareAll();
    List<CpuStats> cpuStats = new ArrayList<>(cpus.length);
    for (int cpu = 0; cpu < cpus.length; cpu++) {
      Cpu c = cpus[cpu];
      cpuStats.add(
          new CpuStats(
              cpu,
              c.inserted,
              c.executed,
              c.interrupts,
              c.ipisSent,
              c.ipisReceived,
              c.maxDepth,
              c.dpcTime,
              c.isrTime,
              c.idleTime,
              c.latency.percentile(50),
              c.latency.percentile(99),
              c.latency.max(),
              c.watchdog,
              c.duration.percentile(50),
              c.duration.percentile(99),
              c.duration.max(),
              c.isrCount,
              c.coalesced,
              c.latency.mean(),
              c.duration.mean()));
    }
    List<DpcStats> dpcStats = new ArrayList<>(dpcCount);
    for (int i = 0; i < dpcCount; i++) {
      Dpc d = dpcs[i];
      dpcStats.add(
          new DpcStats(
              dpcNames.name(i),
              d.inserted,
              d.executed,
              d.interrupts,
              d.ipisSent,
              d.maxDepth,
              d.dpcTime,
              d.latency.percentile(50),
              d.latency.percentile(99),
              d.latency.max(),
              d.duration.percentile(50),
              d.duration.percentile(99),
              d.duration.max(),
              d.watchdog,
              d.coalesced,
              d.latency.mean(),
              d.duration.mean()));
    }
    List<DeviceStats> deviceStats = new ArrayList<>(deviceCount);
    for (int i = 0; i < deviceCount; i++) {
      Device v = devices[i];
      deviceStats.add(
          new DeviceStats(
              deviceNames.name(i),
              v.count,
              v.isrTime,
              v.duration.percentile(50),
              v.duration.percentile(99),
              v.duration.max(),
              v.duration.mean()));
    }
    result = new RunStats(cpuStats, dpcStats, deviceStats, machine, modules());
  }

  /**
   * Selects every set's percentiles on all cores: this runs after the last event, while the engine
   * waits for the statistics, so a run's end is not one core's selection after another. Each set is
   * selected by one thread; the values are those a one-thread selection gives.
   */
  private void prepareAll() {
    List<LongSamples> sets = new ArrayList<>(2 * cpus.length + 2 * dpcCount + deviceCount);
    List<LongSamples> cpuLatency = new ArrayList<>(cpus.length);
    for (Cpu c : cpus) {
      cpuLatency.add(c.latency);
      sets.add(c.latency);
      sets.add(c.duration);
    }
    for (int i = 0; i < dpcCount; i++) {
      Dpc d = dpcs[i];
      sets.add(d.latency);
      sets.add(d.duration);
    }
    for (int i = 0; i < deviceCount; i++) {
      Device v = devices[i];
      sets.add(v.duration);
    }
    // Largest first, so the big selections start at once and the small ones fill in; the
    // machine's, the union of the processors' latencies, is the largest.
    sets.sort((a, b) -> Integer.compare(b.size(), a.size()));
    List<Runnable> work = new ArrayList<>(sets.size() + 1);
    work.add(() -> machine = Percentiles.ofUnion(cpuLatency));
    for (LongSamples set : sets) {
      work.add(set::prepare);
    }
    work.parallelStream().forEach(Runnable::run);
  }

  /** The groups of {@link ModuleStats}: DPCs first, then ISRs, each in order of appearance. */
  private List<ModuleStats> modules() {
    List<ModuleGroups.Member> dpcMembers = new ArrayList<>(dpcCount);
    for (int i = 0; i < dpcCount; i++) {
      Dpc d = dpcs[i];
      dpcMembers.add(
          new ModuleGroups.Member(
              ModuleGroups.label(dpcLabels, i, dpcNames.name(i)),
              d.executed,
              d.dpcTime,
              d.duration));
    }
    List<ModuleGroups.Member> deviceMembers = new ArrayList<>(deviceCount);
    for (int i = 0; i < deviceCount; i++) {
      Device v = devices[i];
      deviceMembers.add(
          new ModuleGroups.Member(
              ModuleGroups.label(deviceLabels, i, deviceNames.name(i)),
              v.count,
              v.isrTime,
              v.duration));
    }
    List<ModuleStats> out = new ArrayList<>(ModuleGroups.of("DPC", dpcMembers));
    out.addAll(ModuleGroups.of("ISR", deviceMembers));
    return out;
  }

  /** Routines and ISRs still running at the end count with their duration so far. */
  private void closeOpen(Cpu c, long end) {
    for (int k = 0; k < c.routines.depth(); k++) {
      long duration = end - c.routines.sinceAt(k);
      c.duration.add(duration);
      dpcs[c.routines.indexAt(k)].duration.add(duration);
    }
    for (int k = 0; k < c.isrs.depth(); k++) {
      devices[c.isrs.indexAt(k)].duration.add(end - c.isrs.sinceAt(k));
    }
  }

  /**
   * @return everything collected; valid after {@link #finish}
   */
  public RunStats stats() {
    if (result == null) {
      throw new IllegalStateException("statistics are complete only after finish()");
    }
    return result;
  }

  /**
   * @return one entry per processor; valid after {@link #finish}
   */
  public List<CpuStats> cpus() {
    return stats().cpus();
  }
}
