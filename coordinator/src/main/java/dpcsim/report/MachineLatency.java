package dpcsim.report;

import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * DPC latency over all processors together (insert to routine start, as {@link StatsCollector}
 * measures it per processor). Machine-wide percentiles cannot be derived from per-processor ones,
 * so {@code dpcsim compare} observes the trace with this as well.
 */
public final class MachineLatency implements TraceConsumer {
  /** Per processor: when each queued KDPC was inserted there (looked up, never iterated). */
  private final Map<String, Long>[] insertedAt;

  private final LongSamples samples = new LongSamples();

  /** Observes a machine of {@code processors} processors. */
  @SuppressWarnings("unchecked")
  public MachineLatency(int processors) {
    insertedAt = new Map[processors];
    for (int i = 0; i < processors; i++) {
      insertedAt[i] = new HashMap<>();
    }
  }

  @Override
  public void accept(TraceEvent event) {
    Map<String, Long> at = insertedAt[event.cpu()];
    if (event instanceof TraceEvent.DpcInsert e) {
      if (e.ok()) {
        at.put(e.dpc(), e.t());
      }
    } else if (event instanceof TraceEvent.DpcStart e) {
      Long t = at.remove(e.dpc());
      if (t != null) {
        samples.add(e.t() - t);
      }
    } else if (event instanceof TraceEvent.DpcRemove e) {
      if (e.ok()) {
        at.remove(e.dpc());
      }
    }
  }

  /**
   * @return the nearest-rank 50th percentile in ns (0 without samples)
   */
  public long p50() {
    return samples.percentile(50);
  }

  /**
   * @return the nearest-rank 99th percentile in ns (0 without samples)
   */
  public long p99() {
    return samples.percentile(99);
  }

  /**
   * @return the largest latency in ns (0 without samples)
   */
  public long max() {
    return samples.max();
  }

  /**
   * @return how many latencies were measured
   */
  public int count() {
    return samples.size();
  }
}
