package dpcsim.report.html;

import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gathers the HTML report's figures from the ordered trace, in memory bounded by the number of
 * processors and KDPCs, whatever the number of events.
 *
 * <p>Queue depth: a processor's depth goes up by one on each {@code DpcInsert} with {@code ok} and
 * down by one on each {@code DpcStart} and each {@code DpcRemove} with {@code ok} (normal and
 * threaded lists together). The run's duration is cut into at most {@link #TIME_BUCKETS} buckets;
 * each keeps the largest depth reached at any instant inside it (so a spike of one nanosecond
 * survives), and a depth that holds across buckets without events counts in each of them. Each
 * bucket also keeps the depth's integral over time, for the mean depth.
 *
 * <p>Latency is paired as {@code StatsCollector} pairs it (per processor, by KDPC name; a removal
 * forgets the insertion). Routine and ISR execution times pair each end with the latest unmatched
 * start on the processor: a normal DPC preempts a threaded routine and ISRs nest, so
 * ends come in reverse order of starts.
 */
public final class ReportCollector implements TraceConsumer {
  /** The number of time buckets of the queue-depth chart. */
  public static final int TIME_BUCKETS = 200;

  private final CpuRows rows;
  private final long durationNs;
  private final long bucketNs;
  private final int[][] rowDepth;
  private final long[][] rowArea;
  private final long[][] ipis;
  private final Cpu[] cpus;
  private final Histogram dpcLatency = new Histogram();
  private final Histogram dpcExecution = new Histogram();
  private final Histogram isrExecution = new Histogram();
  private ReportData data;

  /** One processor's running state. */
  private static final class Cpu {
    int depth;
    int lastBucket;
    long lastT;
    final Starts dpcStarts = new Starts();
    final Starts isrStarts = new Starts();
    Map<String, Long> insertedAt;
  }

  /** A stack of start times (a handful deep at most: a threaded routine, a DPC, nested ISRs). */
  private static final class Starts {
    private long[] times = new long[4];
    private int size;

    void push(long t) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
      }
      times[size++] = t;
    }

    boolean isEmpty() {
      return size == 0;
    }

    long pop() {
      return times[--size];
    }

    int size() {
      return size;
    }
  }

  /**
   * @param processors the run's processors
   * @param durationNs the scenario's duration, which the time buckets divide
   */
  public ReportCollector(int processors, long durationNs) {
    if (durationNs <= 0) {
      throw new IllegalArgumentException("durationNs: " + durationNs);
    }
    this.rows = CpuRows.of(processors);
    this.durationNs = durationNs;
    long wanted = Math.min(TIME_BUCKETS, durationNs);
    this.bucketNs = (durationNs + wanted - 1) / wanted;
    // Rounding the width up may leave the last wanted buckets wholly after the duration: drop them.
    int buckets = (int) ((durationNs + bucketNs - 1) / bucketNs);
    this.rowDepth = new int[rows.count()][buckets];
    this.rowArea = new long[rows.count()][buckets];
    this.ipis = new long[rows.count()][rows.count()];
    this.cpus = new Cpu[processors];
    for (int i = 0; i < processors; i++) {
      cpus[i] = new Cpu();
    }
  }

  @Override
  public void accept(TraceEvent event) {
    int cpu = event.cpu();
    Cpu c = cpus[cpu];
    long t = event.t();
    if (event instanceof TraceEvent.DpcInsert e) {
      if (e.ok()) {
        insertedAt(c).put(e.dpc(), t);
        changeDepth(cpu, t, +1);
      }
    } else if (event instanceof TraceEvent.DpcStart e) {
      Long at = c.insertedAt == null ? null : c.insertedAt.remove(e.dpc());
      if (at != null) {
        dpcLatency.add(t - at);
      }
      c.dpcStarts.push(t);
      changeDepth(cpu, t, -1);
    } else if (event instanceof TraceEvent.DpcEnd) {
      if (!c.dpcStarts.isEmpty()) {
        dpcExecution.add(t - c.dpcStarts.pop());
      }
    } else if (event instanceof TraceEvent.DpcRemove e) {
      if (e.ok()) {
        if (c.insertedAt != null) {
          c.insertedAt.remove(e.dpc());
        }
        changeDepth(cpu, t, -1);
      }
    } else if (event instanceof TraceEvent.IpiSend e) {
      ipis[rows.rowOf(cpu)][rows.rowOf(e.to())]++;
    } else if (event instanceof TraceEvent.IsrStart) {
      c.isrStarts.push(t);
    } else if (event instanceof TraceEvent.IsrEnd) {
      if (!c.isrStarts.isEmpty()) {
        isrExecution.add(t - c.isrStarts.pop());
      }
    }
  }

  private static Map<String, Long> insertedAt(Cpu c) {
    if (c.insertedAt == null) {
      c.insertedAt = new HashMap<>();
    }
    return c.insertedAt;
  }

  private int bucketOf(long t) {
    return (int) Math.min(rowDepth[0].length - 1, Math.max(0, t / bucketNs));
  }

  /** Applies a depth change at {@code t}, after accounting the current depth up to {@code t}. */
  private void changeDepth(int cpu, long t, int delta) {
    int bucket = bucketOf(t);
    advance(cpu, t, bucket);
    Cpu c = cpus[cpu];
    // A DpcStart of a DPC queued before the trace began cannot happen; never go below empty.
    c.depth = Math.max(0, c.depth + delta);
    int[] row = rowDepth[rows.rowOf(cpu)];
    row[bucket] = Math.max(row[bucket], c.depth);
  }

  /**
   * Accounts {@code cpu}'s current depth from its last change up to {@code t} (in {@code bucket}):
   * the buckets after its last one reach at least that depth, and each bucket's area (depth x ns,
   * for the mean) grows by the part of the interval inside it.
   */
  private void advance(int cpu, long t, int bucket) {
    Cpu c = cpus[cpu];
    if (c.depth > 0) {
      int row = rows.rowOf(cpu);
      for (int b = c.lastBucket + 1; b <= bucket; b++) {
        rowDepth[row][b] = Math.max(rowDepth[row][b], c.depth);
      }
      long from = c.lastT;
      for (int b = bucketOf(from); from < t; b++) {
        long end = b == bucket ? t : Math.min(t, (b + 1) * bucketNs);
        rowArea[row][b] += (end - from) * c.depth;
        from = end;
      }
    }
    c.lastBucket = Math.max(c.lastBucket, bucket);
    c.lastT = Math.max(c.lastT, t);
  }

  @Override
  public void finish(long simulatedNs) {
    int last = bucketOf(Math.max(0, simulatedNs - 1));
    long dpcsRunning = 0;
    long isrsRunning = 0;
    for (int cpu = 0; cpu < cpus.length; cpu++) {
      advance(cpu, Math.max(cpus[cpu].lastT, simulatedNs), last);
      dpcsRunning += cpus[cpu].dpcStarts.size();
      isrsRunning += cpus[cpu].isrStarts.size();
    }
    data =
        new ReportData(
            rows,
            durationNs,
            simulatedNs,
            bucketNs,
            rowDepth,
            rowArea,
            dpcLatency,
            dpcExecution,
            isrExecution,
            ipis,
            dpcsRunning,
            isrsRunning);
  }

  /**
   * @return the gathered figures; valid after {@link #finish}
   */
  public ReportData data() {
    if (data == null) {
      throw new IllegalStateException("the report's figures are complete only after finish()");
    }
    return data;
  }
}
