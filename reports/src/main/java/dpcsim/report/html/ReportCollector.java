package dpcsim.report.html;

import dpcsim.report.LongLongMap;
import dpcsim.trace.DpcIds;
import dpcsim.trace.EventEntry;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceKind;
import java.util.Arrays;

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
 * <p>Latency pairs a {@code DpcStart} with the {@code ok} insertion of its KDPC on the same
 * processor (a removal forgets the insertion). Each latency also counts in its row's time bucket of
 * the {@code DpcStart}, for the p99 over time ({@link SliceLatency}). Routine and ISR execution
 * times pair each end with the latest unmatched start on the processor: a normal DPC preempts a
 * threaded routine and ISRs nest, so ends come in reverse order of starts.
 *
 * <p>The collector reads a batch's columns; objects go through the same code as one-entry batches
 * ({@link EventEntry}). KDPCs are keyed by the collector's own ids ({@link DpcIds}), so batches
 * whose names tables differ still pair; per event it allocates nothing once grown.
 */
public final class ReportCollector implements TraceConsumer {
  /** The number of time buckets of the queue-depth and latency-over-time charts. */
  public static final int TIME_BUCKETS = 200;

  /** What {@link #insertedAt} gives for a KDPC not queued: no simulated time is this. */
  private static final long NOT_QUEUED = Long.MIN_VALUE;

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
  private final SliceLatency sliceLatency;
  private final DpcIds dpcIds = new DpcIds();
  private final EventEntry entries = new EventEntry();

  /** The ok insertions not yet started or removed: {@link #queued} key to insertion time. */
  private final LongLongMap insertedAt = new LongLongMap(NOT_QUEUED);

  private ReportData data;

  /** One processor's running state. */
  private static final class Cpu {
    int depth;
    int lastBucket;
    long lastT;
    final Starts dpcStarts = new Starts();
    final Starts isrStarts = new Starts();
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
    this.sliceLatency = new SliceLatency(rows.count(), buckets, durationNs);
    this.cpus = new Cpu[processors];
    for (int i = 0; i < processors; i++) {
      cpus[i] = new Cpu();
    }
  }

  /** An object takes the columns' path, as a batch of one. */
  @Override
  public void accept(TraceEvent event) {
    accept(entries.of(event), 0, 1);
  }

  @Override
  public void accept(TraceBuffer in, int from, int to) {
    int[] dpcOf = dpcIds.of(in.names());
    for (int i = from; i < to; i++) {
      int cpu = in.cpu(i);
      Cpu c = cpus[cpu];
      long t = in.t(i);
      switch (in.kind(i)) {
        case TraceKind.DPC_INSERT -> {
          if ((in.c(i) & TraceKind.INSERT_OK) != 0) {
            insertedAt.put(queued(cpu, dpcOf[in.a(i)]), t);
            changeDepth(cpu, t, +1);
          }
        }
        case TraceKind.DPC_START -> {
          long at = insertedAt.remove(queued(cpu, dpcOf[in.a(i)]));
          if (at != NOT_QUEUED) {
            dpcLatency.add(t - at);
            sliceLatency.add(rows.rowOf(cpu), bucketOf(t), t - at);
          }
          c.dpcStarts.push(t);
          changeDepth(cpu, t, -1);
        }
        case TraceKind.DPC_END -> {
          if (!c.dpcStarts.isEmpty()) {
            dpcExecution.add(t - c.dpcStarts.pop());
          }
        }
        case TraceKind.DPC_REMOVE -> {
          if (in.c(i) != 0) {
            insertedAt.remove(queued(cpu, dpcOf[in.a(i)]));
            changeDepth(cpu, t, -1);
          }
        }
        case TraceKind.IPI_SEND -> ipis[rows.rowOf(cpu)][rows.rowOf(in.b(i))]++;
        case TraceKind.ISR_START -> c.isrStarts.push(t);
        case TraceKind.ISR_END -> {
          if (!c.isrStarts.isEmpty()) {
            isrExecution.add(t - c.isrStarts.pop());
          }
        }
        default -> {
          // nothing else reaches the report's figures
        }
      }
    }
  }

  /**
   * @return the {@link #insertedAt} key of KDPC id {@code dpc} queued on {@code cpu}
   */
  private static long queued(int cpu, int dpc) {
    return ((long) cpu << 32) | dpc;
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
            sliceLatency,
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
