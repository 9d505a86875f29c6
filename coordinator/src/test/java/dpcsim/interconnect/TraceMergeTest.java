package dpcsim.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceColumns;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TraceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Records come out in {@code (t, cpu, emitter, emitSeq)} order, below each watermark, once. */
class TraceMergeTest {
  private static final TraceNames NAMES =
      new TraceNames(IntStream.range(0, 40).mapToObj(i -> "d" + i).toList(), List.of());

  /** A processor's report as the wire carries it. */
  private static TraceColumns columns(List<TraceRecord> records) {
    TraceBuffer b = new TraceBuffer(NAMES, records.size());
    for (TraceRecord r : records) {
      b.add(r.event(), r.emitter(), r.emitSeq());
    }
    return b.columns(0, b.size());
  }

  @Test
  void releasesInTraceOrderWindowByWindow() {
    SplittableRandom random = new SplittableRandom(21);
    for (int round = 0; round < 300; round++) {
      List<TraceEvent> out = new ArrayList<>();
      TraceMerge merge = new TraceMerge(NAMES, out::add);
      List<TraceRecord> all = new ArrayList<>();
      long[] seq = new long[6];
      long from = 0;
      long lastInstant = random.nextBoolean() ? Long.MAX_VALUE : 400 + random.nextInt(200);
      for (int window = 0; window < 1 + random.nextInt(6); window++) {
        long watermark = from + 1 + random.nextInt(200);
        // Each processor reports a nearly sorted run (an IpiSend may name another cpu) that may
        // reach past the watermark; those records wait for a later window.
        for (int p = 0; p < 1 + random.nextInt(6); p++) {
          List<TraceRecord> report = new ArrayList<>();
          long t = from;
          for (int k = 0; k < random.nextInt(40); k++) {
            t += random.nextInt(3) == 0 ? 0 : random.nextInt(20);
            int cpu = random.nextInt(5) == 0 ? random.nextInt(6) : p;
            TraceRecord r = new TraceRecord(new TraceEvent.DpcEnd(t, cpu, "d" + k), p, seq[p]++);
            report.add(r);
          }
          merge.add(columns(report));
          all.addAll(report);
        }
        merge.release(watermark, lastInstant);
        from = watermark;
      }
      merge.finish(lastInstant);

      List<TraceRecord> expected = new ArrayList<>(all);
      expected.sort(TraceRecord::compare);
      long last = lastInstant;
      assertEquals(
          expected.stream().filter(r -> r.event().t() <= last).map(TraceRecord::event).toList(),
          out,
          "round " + round);
    }
  }

  @Test
  void aRecordBelowWhatWasReleasedIsACausalityError() {
    TraceMerge merge = new TraceMerge(NAMES, e -> {});
    merge.add(columns(List.of(new TraceRecord(new TraceEvent.DpcEnd(5, 0, "d0"), 0, 0))));
    merge.release(10, Long.MAX_VALUE);
    merge.add(columns(List.of(new TraceRecord(new TraceEvent.DpcEnd(7, 0, "d1"), 0, 1))));
    assertThrows(IllegalStateException.class, () -> merge.release(20, Long.MAX_VALUE));
  }
}
