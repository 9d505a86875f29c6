package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcRemove;
import dpcsim.trace.TraceEvent.DpcStart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The p99 of DPC latency per row and time slice, on hand-made traces. */
@DisplayName("latency over time")
class SliceLatencyTest {
  /** 2 ms cut into 200 slices of 10 µs. */
  private static final long DURATION = 2_000_000;

  private static final long SLICE = 10_000;

  private static SliceLatency collect(int processors, List<TraceEvent> events) {
    ReportCollector c = new ReportCollector(processors, DURATION);
    events.forEach(c::accept);
    c.finish(DURATION);
    assertEquals(SLICE, c.data().bucketNs());
    return c.data().latencyOverTime();
  }

  private static DpcInsert insert(long t, int cpu, String dpc) {
    return new DpcInsert(t, cpu, dpc, cpu, true, "normal", "tail", 1);
  }

  private static DpcStart start(long t, int cpu, String dpc) {
    return new DpcStart(t, cpu, dpc, "DISPATCH", 0, 0);
  }

  @Test
  @DisplayName("a slice's p99 is over the DPCs that started in it; slices without a start are gaps")
  void p99PerSlice() {
    List<TraceEvent> events = new ArrayList<>();
    // Slice 0: three DPCs waited 100 ns, 200 ns and 5 µs: below 100, the p99 is the longest.
    events.add(insert(1_000, 0, "a"));
    events.add(start(1_100, 0, "a"));
    events.add(insert(2_000, 0, "b"));
    events.add(start(2_200, 0, "b"));
    events.add(insert(3_000, 0, "c"));
    events.add(start(8_000, 0, "c"));
    // 200 KDPCs queued in slice 1 and started in slice 2, 5000 + 10 i ns after.
    for (int i = 0; i < 200; i++) {
      events.add(insert(15_000, 0, "d" + i));
    }
    for (int i = 0; i < 200; i++) {
      events.add(start(20_000 + 10 * i, 0, "d" + i));
    }
    // CPU 1: one DPC in slice 150, and a removed one that never started.
    events.add(insert(1_500_000, 1, "e"));
    events.add(start(1_500_040, 1, "e"));
    events.add(insert(1_600_000, 1, "f"));
    events.add(new DpcRemove(1_600_500, 1, "f", 1, true));
    SliceLatency l = collect(2, events);
    // Nearest rank 198 of 200 is 6970 ns; the histogram bucket holding it is 6656-7167 ns, cut
    // to the slice's longest, 6990 ns: at most 12.5% above the exact p99.
    long exact = 5_000 + 10 * 197;
    assertAll(
        () -> assertEquals(5_000, l.p99(0, 0)),
        () -> assertEquals(3, l.count(0, 0)),
        () -> assertEquals(5_000, l.max(0, 0)),
        () -> assertEquals(SliceLatency.NONE, l.p99(0, 1), "queued in slice 1, started in 2"),
        () -> assertEquals(0, l.count(0, 1)),
        () -> assertEquals(200, l.count(0, 2)),
        () -> assertEquals(6_990, l.max(0, 2)),
        () -> assertEquals(6_990, l.p99(0, 2)),
        () -> assertTrue(l.p99(0, 2) >= exact && l.p99(0, 2) <= exact * 1.125),
        () -> assertEquals(SliceLatency.NONE, l.p99(0, 3)),
        () -> assertEquals(40, l.p99(1, 150)),
        () -> assertEquals(SliceLatency.NONE, l.p99(1, 160), "a removed DPC has no latency"),
        () -> assertEquals(6_990, l.rowP99(0)),
        () -> assertEquals(40, l.rowP99(1)));
    int withFigure = 0;
    for (int b = 0; b < 200; b++) {
      withFigure += l.p99(0, b) == SliceLatency.NONE ? 0 : 1;
      withFigure += l.p99(1, b) == SliceLatency.NONE ? 0 : 1;
    }
    assertEquals(3, withFigure, "every other slice is a gap, not a 0");
  }

  @Test
  @DisplayName("a latency of 0 ns is a figure (a DPC run at once), not a gap")
  void zeroIsAFigure() {
    SliceLatency l = collect(1, List.of(insert(50, 0, "a"), start(50, 0, "a")));
    assertAll(() -> assertEquals(0, l.p99(0, 0)), () -> assertEquals(1, l.count(0, 0)));
  }

  @Test
  @DisplayName("above 64 processors a row's slice holds the DPCs of all its processors")
  void rowsOfProcessors() {
    // 130 processors: rows of 3, so CPUs 0 and 2 share row 0 and CPU 3 is row 1.
    SliceLatency l =
        collect(
            130,
            List.of(
                insert(100, 0, "a"),
                insert(100, 2, "a"),
                insert(100, 3, "a"),
                start(400, 0, "a"),
                start(1_100, 2, "a"),
                start(200, 3, "a")));
    assertAll(
        () -> assertEquals(2, l.count(0, 0)),
        () -> assertEquals(1_000, l.p99(0, 0)),
        () -> assertEquals(1_000, l.max(0, 0), "the longest is CPU 2's"),
        () -> assertEquals(100, l.p99(1, 0)));
  }

  @Nested
  @DisplayName("the p99 read from a histogram")
  class FromHistogram {
    @Test
    @DisplayName("each bucket's values are within 12.5% of each other; below 16 ns exact")
    void bucketWidths() {
      for (long v = 0; v < 5_000_000; v = v < 100 ? v + 1 : v + v / 7) {
        int i = LogBuckets.index(v);
        long hi = LogBuckets.highestNs(i);
        long lo = i == 0 ? 0 : LogBuckets.highestNs(i - 1) + 1;
        long value = v;
        assertAll(
            "value " + v,
            () -> assertTrue(lo <= value && value <= hi, lo + ".." + hi),
            () -> assertTrue(hi - lo <= Math.max(0, lo / 8), "width " + (hi - lo)),
            () -> assertEquals(i, LogBuckets.index(hi)),
            () -> assertEquals(i + 1, LogBuckets.index(hi + 1)));
      }
      assertEquals(7, LogBuckets.highestNs(LogBuckets.index(7)));
      assertEquals(LogBuckets.index(2_000_000) + 1, LogBuckets.countFor(2_000_000));
    }

    @Test
    @DisplayName("nearest rank as the summary table's: the longest below 100 values, then rank 99%")
    void nearestRank() {
      int[] h = new int[LogBuckets.countFor(1_000_000)];
      // 99 values: 98 of 10 ns and one of 1 ms. Rank ceil(98.01) = 99 is the longest.
      h[LogBuckets.index(10)] = 98;
      h[LogBuckets.index(1_000_000)] = 1;
      assertEquals(
          1_000_000, SliceLatency.p99(h, 0, h.length, 99, 1_000_000), "99 values: the longest");
      // 100 values: rank 99 is the last 10 ns one.
      h[LogBuckets.index(10)] = 99;
      assertEquals(10, SliceLatency.p99(h, 0, h.length, 100, 1_000_000), "100 values: the 99th");
      // 1000 values: 990 of 10 ns, 10 of 1 ms: rank 990 is 10 ns.
      h[LogBuckets.index(10)] = 990;
      h[LogBuckets.index(1_000_000)] = 10;
      assertEquals(10, SliceLatency.p99(h, 0, h.length, 1_000, 1_000_000));
      // 989 of 10 ns: rank 990 falls among the 1 ms ones, cut to the longest.
      h[LogBuckets.index(10)] = 989;
      h[LogBuckets.index(1_000_000)] = 11;
      assertEquals(1_000_000, SliceLatency.p99(h, 0, h.length, 1_000, 1_000_000));
    }
  }
}
