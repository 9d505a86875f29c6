package dpcsim.stats;

import static dpcsim.TestTrace.feed;
import static dpcsim.TestTrace.insert;
import static dpcsim.TestTrace.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceEvent.DpcEnd;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.DpcRemove;
import dpcsim.trace.TraceEvent.Idle;
import dpcsim.trace.TraceEvent.IpiReceive;
import dpcsim.trace.TraceEvent.IpiSend;
import dpcsim.trace.TraceEvent.IsrEnd;
import dpcsim.trace.TraceEvent.IsrStart;
import dpcsim.trace.TraceEvent.Tick;
import dpcsim.trace.TraceEvent.Watchdog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** StatsCollector on hand-made, time-ordered trace events. */
@DisplayName("StatsCollector")
class StatsCollectorTest {

  /** Feeds {@code events} to a collector for {@code processors} and finishes at {@code end}. */
  private static List<CpuStats> collect(int processors, long end, TraceEvent... events) {
    return feed(new StatsCollector(processors), end, events).cpus();
  }

  @Test
  @DisplayName("DPC time excludes the time of an ISR that interrupts the routine")
  void dpcTimeExcludesNestedIsr() {
    CpuStats s =
        collect(
                1,
                1_000,
                insert(100, 0, "a", 1),
                start(100, 0, "a"),
                new IsrStart(150, 0, "nic"),
                new IsrEnd(160, 0, "nic"),
                new DpcEnd(200, 0, "a"))
            .get(0);
    assertEquals(90, s.dpcTimeNs());
    assertEquals(10, s.isrTimeNs());
    assertEquals(0, s.idleTimeNs(), "never in the idle summary");
  }

  @Test
  @DisplayName("idle time counts only while Idle is on and neither a DPC nor an ISR runs")
  void idleTime() {
    CpuStats s =
        collect(
                1,
                1_000,
                new Idle(0, 0, true, false),
                insert(100, 0, "a", 1),
                start(100, 0, "a"), // the idle loop retires the DPC: not idle time
                new DpcEnd(130, 0, "a"),
                new IsrStart(200, 0, "nic"), // an ISR on an idle processor: ISR time
                new IsrEnd(205, 0, "nic"),
                new Idle(300, 0, true, true), // halted is still idle
                new Idle(400, 0, false, false), // a thread runs: not idle
                new Idle(600, 0, true, false)) // idle again up to the end
            .get(0);
    // idle: [0,100) + [130,200) + [205,400) + [600,1000) = 100 + 70 + 195 + 400
    assertEquals(765, s.idleTimeNs());
    assertEquals(30, s.dpcTimeNs());
    assertEquals(5, s.isrTimeNs());
  }

  @Test
  @DisplayName("before the first Idle event a processor is not counted idle")
  void notIdleBeforeReported() {
    CpuStats s = collect(1, 500, new Idle(200, 0, true, false)).get(0);
    assertEquals(300, s.idleTimeNs());
  }

  @Test
  @DisplayName("a routine still running at the end counts up to the simulated time")
  void openRoutineAtEnd() {
    CpuStats s = collect(1, 1_000, insert(400, 0, "a", 1), start(400, 0, "a")).get(0);
    assertEquals(600, s.dpcTimeNs());
    assertEquals(1, s.dpcExecuted());
  }

  @Test
  @DisplayName("latency percentiles are nearest-rank over insert-to-start times")
  void latencyNearestRank() {
    List<TraceEvent> events = new ArrayList<>();
    // 100 DPC runs with latencies 100, 1, 99, 2, 98, ... (every value 1..100 once, unsorted)
    long t = 0;
    for (int i = 0; i < 100; i++) {
      long latency = i % 2 == 0 ? 100 - i / 2 : 1 + i / 2;
      events.add(insert(t, 0, "a", 1));
      events.add(start(t + latency, 0, "a"));
      events.add(new DpcEnd(t + latency + 1, 0, "a"));
      t += 1_000;
    }
    CpuStats s = collect(1, t, events.toArray(TraceEvent[]::new)).get(0);
    assertEquals(50, s.latencyP50(), "the 50th of 100 sorted samples");
    assertEquals(99, s.latencyP99(), "the 99th of 100 sorted samples");
    assertEquals(100, s.latencyMax());
    assertEquals(100, s.dpcExecuted());
    assertEquals(100, s.dpcTimeNs());
  }

  @Test
  @DisplayName("nearest rank on three samples: p50 is the 2nd, p99 the 3rd")
  void latencyFewSamples() {
    CpuStats s =
        collect(
                1,
                1_000,
                insert(0, 0, "a", 1),
                insert(0, 0, "b", 2),
                insert(0, 0, "c", 3),
                start(30, 0, "c"),
                new DpcEnd(31, 0, "c"),
                start(31, 0, "a"),
                new DpcEnd(32, 0, "a"),
                start(70, 0, "b"),
                new DpcEnd(71, 0, "b"))
            .get(0);
    assertEquals(31, s.latencyP50());
    assertEquals(70, s.latencyP99());
    assertEquals(70, s.latencyMax());
    assertEquals(3, s.maxQueueDepth());
  }

  @Test
  @DisplayName("with no DPC run the latencies are 0")
  void noLatencySamples() {
    CpuStats s = collect(1, 1_000, insert(0, 0, "a", 1)).get(0);
    assertEquals(0, s.latencyP50());
    assertEquals(0, s.latencyP99());
    assertEquals(0, s.latencyMax());
    assertEquals(1, s.dpcInserted());
    assertEquals(0, s.dpcExecuted());
  }

  @Test
  @DisplayName("a rejected insert neither counts nor restarts the latency clock (R-12)")
  void rejectedInsert() {
    CpuStats s =
        collect(
                1,
                1_000,
                insert(0, 0, "a", 1),
                DpcInsert.rejected(50, 0, "a", 0),
                start(100, 0, "a"),
                new DpcEnd(110, 0, "a"))
            .get(0);
    assertEquals(1, s.dpcInserted());
    assertEquals(100, s.latencyMax());
    assertEquals(1, s.maxQueueDepth());
  }

  @Test
  @DisplayName("a removed DPC's insert time is dropped; a failed removal keeps it (R-22)")
  void removal() {
    CpuStats s =
        collect(
                1,
                1_000,
                insert(0, 0, "a", 1),
                new DpcRemove(10, 0, "a", 0, true),
                new DpcRemove(15, 0, "a", 0, false),
                insert(20, 0, "a", 1),
                new DpcRemove(25, 0, "a", 0, false),
                start(30, 0, "a"),
                new DpcEnd(40, 0, "a"))
            .get(0);
    assertEquals(2, s.dpcInserted());
    assertEquals(1, s.dpcExecuted());
    assertEquals(10, s.latencyMax(), "from the second insert at 20 to the start at 30");
  }

  @Test
  @DisplayName("counts go to the processor each event happened on")
  void countsPerProcessor() {
    List<CpuStats> s =
        collect(
            3,
            1_000,
            new DpcInsert(10, 1, "a", 0, true, "normal", "head", 1),
            new DpcInterruptRequest(10, 1, 0, "ipi"),
            new IpiSend(10, 0, 1, "DPC"),
            new IpiReceive(12, 1, 0, "DPC"),
            start(12, 1, "a"),
            new DpcEnd(20, 1, "a"),
            new DpcInterruptRequest(30, 2, 2, "local"),
            new DpcInterruptRequest(40, 2, 2, "tick"),
            new DpcInterruptRequest(50, 2, 0, "flush"),
            new DpcInsert(60, 2, "b", 2, true, "threaded", "tail", 1),
            new DpcInsert(60, 2, "c", 2, true, "threaded", "tail", 2),
            new Tick(70, 2, 5, 4, 19),
            new Watchdog(80, 2, Watchdog.CODE, 0, 65, 64),
            new Watchdog(90, 2, Watchdog.CODE, 1, 512, 0));
    assertEquals(
        new CpuStats(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), s.get(0));
    assertEquals(
        new CpuStats(1, 1, 1, 1, 0, 1, 1, 8, 0, 0, 2, 2, 2, 0, 8, 8, 8, 0, 0, 2, 8), s.get(1));
    assertEquals(
        new CpuStats(2, 2, 0, 3, 0, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0), s.get(2));
  }

  @Test
  @DisplayName("Tick events change nothing")
  void ticksIgnored() {
    TraceEvent[] base = {
      new Idle(0, 0, true, false), insert(10, 0, "a", 1), start(10, 0, "a"), new DpcEnd(20, 0, "a")
    };
    TraceEvent[] ticked = {
      new Idle(0, 0, true, false),
      new Tick(5, 0, 0, 4, 19),
      insert(10, 0, "a", 1),
      start(10, 0, "a"),
      new Tick(15, 0, 1, 4, 18),
      new DpcEnd(20, 0, "a")
    };
    assertEquals(collect(1, 100, base), collect(1, 100, ticked));
  }

  @Test
  @DisplayName("the statistics exist only after finish")
  void onlyAfterFinish() {
    StatsCollector c = new StatsCollector(1);
    c.accept(new Idle(0, 0, true, false));
    assertThrows(IllegalStateException.class, c::cpus);
    c.finish(10);
    assertEquals(10, c.cpus().get(0).idleTimeNs());
  }
}
