package dpcsim.stats;

import static dpcsim.TestTrace.feed;
import static dpcsim.TestTrace.insert;
import static dpcsim.TestTrace.start;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceEvent.DpcEnd;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.DpcRemove;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.IpiReceive;
import dpcsim.trace.TraceEvent.IpiSend;
import dpcsim.trace.TraceEvent.IsrEnd;
import dpcsim.trace.TraceEvent.IsrStart;
import dpcsim.trace.TraceEvent.Watchdog;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** StatsCollector's per-KDPC and per-device figures on hand-made, trace-ordered events. */
@DisplayName("StatsCollector per KDPC and per device")
class StatsBreakdownTest {

  private static RunStats collect(
      int processors,
      List<String> dpcOrder,
      List<String> deviceOrder,
      long end,
      TraceEvent... events) {
    return feed(new StatsCollector(processors, dpcOrder, deviceOrder), end, events).stats();
  }

  private static RunStats collect(int processors, long end, TraceEvent... events) {
    return collect(processors, List.of(), List.of(), end, events);
  }

  private static DpcStats dpc(RunStats s, String name) {
    return s.dpcs().stream().filter(d -> d.dpc().equals(name)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("an ISR inside a routine: in its duration, not in its DPC time; the ISR's device")
  void isrInsideRoutine() {
    RunStats s =
        collect(
            1,
            1_000,
            insert(100, 0, "a", 1),
            new DpcInterruptRequest(100, 0, 0, "local"),
            start(130, 0, "a"),
            new IsrStart(150, 0, "nic"),
            new IsrEnd(160, 0, "nic"),
            new DpcEnd(200, 0, "a"));
    assertEquals(
        List.of(new DpcStats("a", 1, 1, 1, 0, 1, 60, 30, 30, 30, 70, 70, 70, 0, 0, 30, 70)),
        s.dpcs());
    assertEquals(List.of(new DeviceStats("nic", 1, 10, 10, 10, 10, 10)), s.devices());
    CpuStats c = s.cpus().get(0);
    assertEquals(60, c.dpcTimeNs());
    assertEquals(70, c.durationMax(), "the processor's duration is the inclusive span too");
    assertEquals(1, c.isrCount());
  }

  @Test
  @DisplayName(
      "a normal DPC preempting a threaded one: time to the innermost and counted once on the"
          + " processor; spans inclusive")
  void nestedRoutines() {
    RunStats s =
        collect(
            1,
            1_000,
            insert(0, 0, "thr", 1),
            new DpcStart(0, 0, "thr", "PASSIVE", 0, 0),
            insert(100, 0, "nrm", 1),
            start(100, 0, "nrm"),
            new DpcEnd(150, 0, "nrm"),
            new DpcEnd(300, 0, "thr"));
    DpcStats thr = dpc(s, "thr");
    DpcStats nrm = dpc(s, "nrm");
    assertEquals(250, thr.dpcTimeNs());
    assertEquals(300, thr.durationMax());
    assertEquals(50, nrm.dpcTimeNs());
    assertEquals(50, nrm.durationMax());
    CpuStats c = s.cpus().get(0);
    assertEquals(300, c.dpcTimeNs(), "the per-KDPC times add up to the processor's");
    assertEquals(2, c.dpcExecuted());
    assertEquals(50, c.durationP50(), "nearest rank of {50, 300}: the 1st");
    assertEquals(300, c.durationP99());
  }

  @Test
  @DisplayName("ipi and local requests go to the insertion just before them; tick, flush to none")
  void requestAttribution() {
    RunStats s =
        collect(
            3,
            1_000,
            // cpu 0 inserts y into cpu 1: the IpiSend (on cpu 0) sorts before the insertion
            new IpiSend(10, 0, 1, "DPC"),
            new DpcInsert(10, 1, "y", 0, true, "normal", "head", 1),
            new DpcInterruptRequest(10, 1, 0, "ipi"),
            new IpiReceive(12, 1, 0, "DPC"),
            start(12, 1, "y"),
            new DpcEnd(20, 1, "y"),
            // cpu 2 inserts x into cpu 1: here the IpiSend (on cpu 2) sorts after it
            new DpcInsert(30, 1, "x", 2, true, "normal", "head", 1),
            new DpcInterruptRequest(30, 1, 2, "ipi"),
            new IpiSend(30, 2, 1, "DPC"),
            // a Low insertion that requests nothing, then the tick's request in the same instant
            new DpcInsert(40, 1, "z", 1, true, "normal", "tail", 2),
            new DpcInterruptRequest(40, 1, 1, "tick"),
            // a flush from cpu 0
            new DpcInterruptRequest(50, 1, 0, "flush"),
            new IpiSend(50, 0, 1, "DPC"),
            // a local request in a later instant than the last insertion
            new DpcInsert(60, 1, "w", 1, true, "normal", "tail", 3),
            new DpcInterruptRequest(70, 1, 1, "local"),
            // a local request right after its insertion; a duplicate is not counted twice
            new DpcInsert(80, 2, "v", 2, true, "normal", "tail", 1),
            new DpcInterruptRequest(80, 2, 2, "local"),
            new DpcInterruptRequest(80, 2, 2, "local"));
    assertEquals(1, dpc(s, "y").dpcInterrupts());
    assertEquals(1, dpc(s, "y").ipisSent());
    assertEquals(1, dpc(s, "x").dpcInterrupts());
    assertEquals(1, dpc(s, "x").ipisSent());
    assertEquals(0, dpc(s, "z").dpcInterrupts(), "the tick's request is not z's");
    assertEquals(0, dpc(s, "w").dpcInterrupts(), "a request in another instant is not w's");
    assertEquals(1, dpc(s, "v").dpcInterrupts());
    assertEquals(0, dpc(s, "v").ipisSent());
    assertEquals(List.of("y", "x", "z", "w", "v"), s.dpcs().stream().map(DpcStats::dpc).toList());
    assertEquals(5, s.cpus().get(1).dpcInterrupts(), "the processor counts every request");
    assertEquals(2, s.cpus().get(0).ipisSent());
    assertEquals(1, s.cpus().get(2).ipisSent());
  }

  @Test
  @DisplayName("a watchdog violation goes to the innermost running routine, or to none")
  void watchdogAttribution() {
    RunStats s =
        collect(
            1,
            1_000,
            insert(0, 0, "long", 1),
            start(0, 0, "long"),
            new Watchdog(100, 0, Watchdog.CODE, 0, 65, 64),
            new DpcEnd(150, 0, "long"),
            new Watchdog(200, 0, Watchdog.CODE, 1, 512, 0), // a thread at DISPATCH: no routine
            insert(300, 0, "thr", 1),
            new DpcStart(300, 0, "thr", "PASSIVE", 0, 0),
            insert(400, 0, "nrm", 1),
            start(400, 0, "nrm"),
            new Watchdog(450, 0, Watchdog.CODE, 1, 512, 0),
            new DpcEnd(500, 0, "nrm"),
            new DpcEnd(600, 0, "thr"));
    assertEquals(1, dpc(s, "long").watchdog());
    assertEquals(1, dpc(s, "nrm").watchdog());
    assertEquals(0, dpc(s, "thr").watchdog(), "preempted by nrm at the time");
    assertEquals(3, s.cpus().get(0).watchdog());
  }

  @Test
  @DisplayName("latency from the insertion that queued it; a removal drops it; depth at insertion")
  void latencyAndDepth() {
    RunStats s =
        collect(
            1,
            1_000,
            insert(0, 0, "a", 1),
            insert(0, 0, "b", 2),
            DpcInsert.rejected(5, 0, "a", 0),
            new DpcRemove(10, 0, "a", 0, true),
            insert(20, 0, "a", 2),
            start(50, 0, "b"),
            new DpcEnd(60, 0, "b"),
            start(60, 0, "a"),
            new DpcEnd(90, 0, "a"),
            insert(100, 0, "a", 1),
            start(100, 0, "a"),
            new DpcEnd(110, 0, "a"));
    DpcStats a = dpc(s, "a");
    assertEquals(3, a.dpcInserted(), "the rejected insertion does not count (R-12)");
    assertEquals(2, a.dpcExecuted());
    assertEquals(2, a.maxQueueDepth());
    assertEquals(0, a.latencyP50(), "nearest rank of {0, 40}: the 1st");
    assertEquals(40, a.latencyP99(), "from the re-insertion at 20, not the removed one at 0");
    assertEquals(40, a.latencyMax());
    assertEquals(10, a.durationP50());
    assertEquals(30, a.durationMax());
    DpcStats b = dpc(s, "b");
    assertEquals(new DpcStats("b", 1, 1, 0, 0, 2, 10, 50, 50, 50, 10, 10, 10, 0, 0, 50, 10), b);
  }

  @Test
  @DisplayName("named KDPCs and devices come first, in the given order, even unseen; then others")
  void order() {
    RunStats s =
        collect(
            1,
            List.of("b", "a"),
            List.of("disk"),
            1_000,
            insert(0, 0, "c", 1),
            insert(0, 0, "a", 2),
            new IsrStart(10, 0, "nic"),
            new IsrEnd(12, 0, "nic"));
    assertEquals(List.of("b", "a", "c"), s.dpcs().stream().map(DpcStats::dpc).toList());
    assertEquals(
        new DpcStats("b", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), s.dpcs().get(0));
    assertEquals(
        List.of(
            new DeviceStats("disk", 0, 0, 0, 0, 0, 0), new DeviceStats("nic", 1, 2, 2, 2, 2, 2)),
        s.devices());
  }

  @Test
  @DisplayName("a routine or ISR still running at the end counts with its duration so far")
  void openAtEnd() {
    RunStats s =
        collect(1, 1_000, insert(400, 0, "a", 1), start(400, 0, "a"), new IsrStart(900, 0, "nic"));
    assertEquals(600, dpc(s, "a").durationMax());
    assertEquals(500, dpc(s, "a").dpcTimeNs());
    assertEquals(600, s.cpus().get(0).durationMax());
    assertEquals(new DeviceStats("nic", 1, 100, 100, 100, 100, 100), s.devices().get(0));
  }

  @Test
  @DisplayName("ISR counts, times and durations per device, over all processors")
  void perDeviceOverProcessors() {
    RunStats s =
        collect(
            2,
            1_000,
            new IsrStart(0, 0, "nic"),
            new IsrStart(0, 1, "nic"),
            new IsrEnd(3, 1, "nic"),
            new IsrEnd(5, 0, "nic"),
            new IsrStart(10, 1, "disk"),
            new IsrEnd(30, 1, "disk"),
            new IsrStart(40, 0, "nic"),
            new IsrEnd(47, 0, "nic"));
    assertEquals(
        List.of(
            new DeviceStats("nic", 3, 15, 5, 7, 7, 5),
            new DeviceStats("disk", 1, 20, 20, 20, 20, 20)),
        s.devices());
    assertEquals(2, s.cpus().get(0).isrCount());
    assertEquals(12, s.cpus().get(0).isrTimeNs());
    assertEquals(2, s.cpus().get(1).isrCount());
    assertEquals(23, s.cpus().get(1).isrTimeNs());
  }
}
