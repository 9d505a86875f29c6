package dpcsim.interconnect;

import dpcsim.trace.TraceConsumer;
import dpcsim.wire.TraceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the trace records processors produce window by window and releases them in trace order,
 * {@code (t, cpu, emitter, emitSeq)}, once no processor can produce an earlier one. With a stopping
 * watchdog violation, records after its instant are dropped: the sequential engine never produces
 * them.
 */
public final class TraceMerge {
  private final TraceConsumer downstream;
  private ArrayList<TraceRecord> buffer = new ArrayList<>();
  private long released = Long.MIN_VALUE;

  public TraceMerge(TraceConsumer downstream) {
    this.downstream = downstream;
  }

  /** Takes a processor's records for a window. */
  public void add(List<TraceRecord> records) {
    buffer.addAll(records);
  }

  /**
   * Releases every record before {@code watermark}, except those after {@code lastInstant}.
   *
   * @return the number of records released
   */
  public long release(long watermark, long lastInstant) {
    if (buffer.isEmpty()) {
      return 0;
    }
    buffer.sort(TraceRecord::compare);
    int i = 0;
    int n = buffer.size();
    long count = 0;
    while (i < n && buffer.get(i).event().t() < watermark) {
      TraceRecord r = buffer.get(i++);
      if (r.event().t() < released) {
        throw new IllegalStateException(
            "trace record at " + r.event().t() + " ns after release up to " + released);
      }
      if (r.event().t() <= lastInstant) {
        downstream.accept(r.event());
        count++;
      }
    }
    released = Math.max(released, watermark);
    if (i > 0) {
      buffer = new ArrayList<>(buffer.subList(i, n));
    }
    return count;
  }

  /** Releases what is left (up to {@code lastInstant}) and finishes the downstream consumer. */
  public void finish(long lastInstant) {
    release(Long.MAX_VALUE, lastInstant);
    downstream.finish(lastInstant);
  }
}
