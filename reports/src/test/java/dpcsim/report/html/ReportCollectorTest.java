package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceEvent.DpcEnd;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcRemove;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.IpiSend;
import dpcsim.trace.TraceEvent.IsrEnd;
import dpcsim.trace.TraceEvent.IsrStart;
import dpcsim.trace.TraceEvent.Tick;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ReportCollector and its buckets on hand-made, time-ordered trace events. */
@DisplayName("ReportCollector")
class ReportCollectorTest {
  private static final long US = 1_000;

  private static ReportData collect(
      int processors, long durationNs, long endNs, TraceEvent... events) {
    ReportCollector c = new ReportCollector(processors, durationNs);
    for (TraceEvent e : events) {
      c.accept(e);
    }
    c.finish(endNs);
    return c.data();
  }

  private static DpcInsert insert(long t, int cpu, String dpc) {
    return new DpcInsert(t, cpu, dpc, cpu, true, "normal", "tail", 1);
  }

  private static DpcStart start(long t, int cpu, String dpc) {
    return new DpcStart(t, cpu, dpc, "DISPATCH", 0, 0);
  }

  private static int[] depths(ReportData d, int row, int buckets) {
    int[] out = new int[buckets];
    for (int b = 0; b < buckets; b++) {
      out[b] = d.depth(row, b);
    }
    return out;
  }

  @Nested
  @DisplayName("queue depth over time")
  class Depth {
    @Test
    @DisplayName("keeps each bucket's largest depth and carries a depth through quiet buckets")
    void maxPerBucket() {
      // 2000 ns in 200 buckets of 10 ns.
      ReportData d =
          collect(
              1,
              2_000,
              2_000,
              insert(5, 0, "a"),
              insert(25, 0, "b"),
              start(47, 0, "a"),
              new DpcEnd(50, 0, "a"),
              start(63, 0, "b"),
              new DpcEnd(70, 0, "b"));
      assertAll(
          () -> assertEquals(200, d.buckets()),
          () -> assertEquals(10, d.bucketNs()),
          () -> assertArrayEquals(new int[] {1, 1, 2, 2, 2, 1, 1, 0, 0}, depths(d, 0, 9)),
          () -> assertEquals(2, d.maxDepth(0)),
          () -> assertEquals(0, d.depth(0, 199)));
    }

    @Test
    @DisplayName("the mean is the depth's time integral over the bucket")
    void meanPerBucket() {
      ReportData d =
          collect(
              1,
              2_000,
              2_000,
              insert(5, 0, "a"),
              insert(25, 0, "b"),
              start(47, 0, "a"),
              start(63, 0, "b"));
      assertAll(
          () -> assertEquals(0.5, d.meanDepth(0, 0), 1e-9, "1 for 5 of 10 ns"),
          () -> assertEquals(1.0, d.meanDepth(0, 1), 1e-9),
          () -> assertEquals(1.5, d.meanDepth(0, 2), 1e-9, "1 for 5 ns, 2 for 5 ns"),
          () -> assertEquals(2.0, d.meanDepth(0, 3), 1e-9),
          () -> assertEquals(1.7, d.meanDepth(0, 4), 1e-9, "2 for 7 ns, 1 for 3 ns"),
          () -> assertEquals(0.3, d.meanDepth(0, 6), 1e-9),
          () -> assertEquals(0.0, d.meanDepth(0, 7), 1e-9));
    }

    @Test
    @DisplayName("a DPC queued and started at the same instant still shows depth 1 (a spike)")
    void instantSpike() {
      ReportData d = collect(1, 2_000, 2_000, insert(105, 0, "a"), start(105, 0, "a"));
      assertAll(
          () -> assertEquals(1, d.depth(0, 10)),
          () -> assertEquals(0.0, d.meanDepth(0, 10), 1e-9),
          () -> assertEquals(0, d.depth(0, 11)));
    }

    @Test
    @DisplayName("a removal that took effect lowers the depth; a FALSE insert or removal does not")
    void removeAndRejected() {
      ReportData d =
          collect(
              1,
              2_000,
              2_000,
              insert(0, 0, "a"),
              DpcInsert.rejected(12, 0, "a", 0),
              new DpcRemove(15, 0, "b", 0, false),
              new DpcRemove(31, 0, "a", 0, true),
              start(55, 0, "ghost"));
      assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0, 0}, depths(d, 0, 7));
    }

    @Test
    @DisplayName("a queue still holding DPCs at the end fills every bucket to the end")
    void heldToTheEnd() {
      ReportData d = collect(2, 2_000, 2_000, insert(1_500, 1, "a"));
      assertAll(
          () -> assertEquals(0, d.depth(1, 149)),
          () -> assertEquals(1, d.depth(1, 150)),
          () -> assertEquals(1, d.depth(1, 199)),
          () -> assertEquals(1.0, d.meanDepth(1, 199), 1e-9),
          () -> assertEquals(0, d.maxDepth(0)));
    }

    @Test
    @DisplayName("after a watchdog stop nothing is carried past the stop")
    void stoppedEarly() {
      ReportData d = collect(1, 2_000, 1_000, insert(500, 0, "a"));
      assertAll(
          () -> assertEquals(1_000, d.simulatedNs()),
          () -> assertEquals(1, d.depth(0, 99)),
          () -> assertEquals(0, d.depth(0, 100)),
          () -> assertEquals(0.0, d.meanDepth(0, 150), 1e-9));
    }

    @Test
    @DisplayName("short runs get fewer buckets; no bucket lies wholly after the duration")
    void bucketSizes() {
      assertAll(
          () -> assertEquals(50, collect(1, 50, 50).buckets()),
          () -> assertEquals(1, collect(1, 50, 50).bucketNs()),
          () -> assertEquals(6, collect(1, 1_001, 1_001).bucketNs()),
          () -> assertEquals(167, collect(1, 1_001, 1_001).buckets()),
          () -> assertEquals(200, collect(1, 2_000_000_000L, 1).buckets()),
          () -> assertThrows(IllegalArgumentException.class, () -> new ReportCollector(1, 0)));
    }

    @Test
    @DisplayName("above 64 processors a row is a range: its deepest processor, its mean")
    void groupedRows() {
      // 130 processors: rows of 3 (0-2, 3-5, ...), 44 rows.
      ReportData d =
          collect(130, 2_000, 2_000, insert(0, 4, "a"), insert(0, 5, "b"), insert(0, 5, "c"));
      assertAll(
          () -> assertEquals(44, d.rows().count()),
          () -> assertEquals(2, d.depth(1, 0)),
          () -> assertEquals(1.0, d.meanDepth(1, 0), 1e-9, "(0 + 1 + 2) / 3"),
          () -> assertEquals(0, d.maxDepth(0)));
    }
  }

  @Nested
  @DisplayName("histograms")
  class Histograms {
    @Test
    @DisplayName("latency: insert to start on the same processor, in LatencyMon's buckets")
    void latency() {
      ReportData d =
          collect(
              2,
              10_000_000,
              10_000_000,
              insert(0, 0, "a"),
              insert(0, 1, "b"),
              insert(0, 1, "c"),
              start(999, 0, "a"),
              new DpcEnd(1_000, 0, "a"),
              start(250 * US, 1, "b"),
              new DpcEnd(251 * US, 1, "b"),
              new DpcRemove(300 * US, 1, "c", 0, true),
              start(400 * US, 1, "c"));
      Histogram h = d.dpcLatency();
      assertAll(
          () -> assertEquals(2, h.total(), "the removed DPC's later start is not a latency"),
          () -> assertEquals(1, h.count(0), "999 ns: <1 µs"),
          () -> assertEquals(1, h.count(8), "250 µs: 250-500 µs"),
          () -> assertArrayEquals(new long[] {1, 1, 0, 0, 0, 0}, h.latencyMon()),
          () -> assertEquals(250 * US, h.maxNs()));
    }

    @Test
    @DisplayName("a normal DPC preempting a threaded routine: each end pairs with its own start")
    void nestedRoutines() {
      ReportData d =
          collect(
              1,
              10_000_000,
              10_000_000,
              new DpcStart(0, 0, "threaded", "PASSIVE", 0, 0),
              start(100, 0, "normal"),
              new DpcEnd(3_100, 0, "normal"),
              new DpcEnd(6_000 * US, 0, "threaded"),
              start(7_000 * US, 0, "late"));
      Histogram h = d.dpcExecution();
      assertAll(
          () -> assertEquals(1, h.count(2), "3000 ns: 2-5 µs"),
          () -> assertEquals(1, h.count(12), "6000 µs: >=4000 µs"),
          () -> assertEquals(2, h.total()),
          () -> assertEquals(1, d.dpcsRunningAtEnd()));
    }

    @Test
    @DisplayName("nested ISRs: the inner one ends first")
    void nestedIsrs() {
      ReportData d =
          collect(
              1,
              10_000_000,
              10_000_000,
              new IsrStart(10, 0, "nic"),
              new IsrStart(20, 0, "disk"),
              new IsrEnd(25, 0, "disk"),
              new IsrEnd(40 * US, 0, "nic"),
              new IsrStart(50 * US, 0, "nic"));
      Histogram h = d.isrExecution();
      assertAll(
          () -> assertEquals(1, h.count(0), "5 ns"),
          () -> assertEquals(1, h.count(5), "39.99 µs: 25-50 µs"),
          () -> assertEquals(1, d.isrsRunningAtEnd()));
    }

    @Test
    @DisplayName("bucket edges: LatencyMon's 250, 500, 1000, 2000, 4000 µs, and the finer ones")
    void edges() {
      assertAll(
          () -> assertEquals(13, LatencyBuckets.COUNT),
          () -> assertEquals(0, LatencyBuckets.index(0)),
          () -> assertEquals(0, LatencyBuckets.index(999)),
          () -> assertEquals(1, LatencyBuckets.index(1_000)),
          () -> assertEquals(7, LatencyBuckets.index(249_999)),
          () -> assertEquals(8, LatencyBuckets.index(250_000)),
          () -> assertEquals(9, LatencyBuckets.index(500_000)),
          () -> assertEquals(10, LatencyBuckets.index(1_000_000)),
          () -> assertEquals(11, LatencyBuckets.index(2_000_000)),
          () -> assertEquals(11, LatencyBuckets.index(3_999_999)),
          () -> assertEquals(12, LatencyBuckets.index(4_000_000)),
          () -> assertEquals(12, LatencyBuckets.index(Long.MAX_VALUE)),
          () -> assertEquals("<250 µs", LatencyBuckets.latencyMonLabel(0)),
          () -> assertEquals("500-1000 µs", LatencyBuckets.latencyMonLabel(2)),
          () -> assertEquals(">=4000 µs", LatencyBuckets.latencyMonLabel(5)),
          () -> assertEquals("100-250 µs", LatencyBuckets.label(7)),
          () -> assertEquals("100-250", LatencyBuckets.shortLabel(7)),
          () -> assertEquals(-1, LatencyBuckets.upperNs(12)),
          () -> assertEquals(4_000_000, LatencyBuckets.lowerNs(12)),
          () ->
              assertArrayEquals(
                  new long[] {36, 8, 9, 10, 11, 12},
                  LatencyBuckets.latencyMon(
                      new long[] {1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11, 12})));
    }
  }

  @Nested
  @DisplayName("IPI matrix")
  class Ipis {
    @Test
    @DisplayName("counts IpiSend by sender (cpu) and receiver (to); ticks and other events aside")
    void cells() {
      ReportData d =
          collect(
              4,
              2_000,
              2_000,
              new IpiSend(1, 0, 1, "DPC"),
              new IpiSend(2, 0, 1, "DPC"),
              new IpiSend(3, 0, 3, "DPC"),
              new Tick(4, 2, 20, 4, 3),
              new IpiSend(5, 2, 0, "DPC"));
      assertAll(
          () -> assertEquals(2, d.ipis(0, 1)),
          () -> assertEquals(1, d.ipis(0, 3)),
          () -> assertEquals(1, d.ipis(2, 0)),
          () -> assertEquals(0, d.ipis(0, 2)),
          () -> assertEquals(0, d.ipis(1, 0)));
    }

    @Test
    @DisplayName("2048 processors: ranges of 32, a 64x64 matrix")
    void grouped() {
      ReportData d =
          collect(
              2048,
              2_000,
              2_000,
              new IpiSend(1, 0, 2047, "DPC"),
              new IpiSend(2, 31, 32, "DPC"),
              new IpiSend(3, 40, 63, "DPC"));
      assertAll(
          () -> assertEquals(64, d.rows().count()),
          () -> assertEquals(32, d.rows().perRow()),
          () -> assertEquals("0-31", d.rows().label(0)),
          () -> assertEquals("2016-2047", d.rows().label(63)),
          () -> assertEquals(1, d.ipis(0, 63)),
          () -> assertEquals(1, d.ipis(0, 1)),
          () -> assertEquals(1, d.ipis(1, 1)));
    }
  }

  @Test
  @DisplayName("rows: one per processor up to 64, then ranges")
  void rows() {
    assertAll(
        () -> assertEquals(new CpuRows(64, 1), CpuRows.of(64)),
        () -> assertEquals(33, CpuRows.of(65).count()),
        () -> assertEquals("64", CpuRows.of(65).label(32)),
        () -> assertEquals("62-63", CpuRows.of(65).label(31)),
        () -> assertEquals("3", CpuRows.of(4).label(3)));
  }

  @Test
  @DisplayName("data() before finish() is an error")
  void notFinished() {
    assertThrows(IllegalStateException.class, () -> new ReportCollector(1, 10).data());
  }
}
