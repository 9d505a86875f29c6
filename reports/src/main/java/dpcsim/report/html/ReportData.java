package dpcsim.report.html;

/**
 * What {@link ReportCollector} gathered from a run's ordered trace for the HTML report: queue depth
 * over time, DPC latency over time, duration histograms and the IPI matrix. Its size depends only
 * on the number of rows ({@link CpuRows}, at most 64) and time buckets, never on the number of
 * events.
 */
public final class ReportData {
  private final CpuRows rows;
  private final long durationNs;
  private final long simulatedNs;
  private final long bucketNs;
  private final int[][] depth;
  private final long[][] depthArea;
  private final Histogram dpcLatency;
  private final SliceLatency latencyOverTime;
  private final Histogram dpcExecution;
  private final Histogram isrExecution;
  private final long[][] ipis;
  private final long dpcsRunningAtEnd;
  private final long isrsRunningAtEnd;

  ReportData(
      CpuRows rows,
      long durationNs,
      long simulatedNs,
      long bucketNs,
      int[][] depth,
      long[][] depthArea,
      Histogram dpcLatency,
      SliceLatency latencyOverTime,
      Histogram dpcExecution,
      Histogram isrExecution,
      long[][] ipis,
      long dpcsRunningAtEnd,
      long isrsRunningAtEnd) {
    this.rows = rows;
    this.durationNs = durationNs;
    this.simulatedNs = simulatedNs;
    this.bucketNs = bucketNs;
    this.depth = depth;
    this.depthArea = depthArea;
    this.dpcLatency = dpcLatency;
    this.latencyOverTime = latencyOverTime;
    this.dpcExecution = dpcExecution;
    this.isrExecution = isrExecution;
    this.ipis = ipis;
    this.dpcsRunningAtEnd = dpcsRunningAtEnd;
    this.isrsRunningAtEnd = isrsRunningAtEnd;
  }

  /**
   * @return how processors map to the rows of the depth, time-share and IPI charts
   */
  public CpuRows rows() {
    return rows;
  }

  /**
   * @return the scenario's duration, which the time buckets divide
   */
  public long durationNs() {
    return durationNs;
  }

  /**
   * @return the simulated time reached (less than {@link #durationNs} after a watchdog stop)
   */
  public long simulatedNs() {
    return simulatedNs;
  }

  /**
   * @return the number of time buckets
   */
  public int buckets() {
    return depth.length == 0 ? 0 : depth[0].length;
  }

  /**
   * @return the width of one time bucket in ns; bucket {@code b} is {@code [b*bucketNs,
   *     (b+1)*bucketNs)}
   */
  public long bucketNs() {
    return bucketNs;
  }

  /**
   * @return the largest DPC queue depth any processor of {@code row} had at any instant of time
   *     bucket {@code bucket} (DPCs queued on its normal and threaded lists together)
   */
  public int depth(int row, int bucket) {
    return depth[row][bucket];
  }

  /**
   * @return the time-weighted mean queue depth of the processors of {@code row} over the simulated
   *     part of time bucket {@code bucket} (0 for a bucket after a watchdog stop)
   */
  public double meanDepth(int row, int bucket) {
    long from = bucket * bucketNs;
    long to = Math.min(Math.min((bucket + 1) * bucketNs, durationNs), simulatedNs);
    if (to <= from) {
      return 0;
    }
    int cpus = rows.end(row) - rows.first(row);
    return depthArea[row][bucket] / ((double) (to - from) * cpus);
  }

  /**
   * @return the largest queue depth of {@code row} over the whole run
   */
  public int maxDepth(int row) {
    int max = 0;
    for (int d : depth[row]) {
      max = Math.max(max, d);
    }
    return max;
  }

  /**
   * @return DPC latency: from the DpcInsert that queued a DPC to its DpcStart
   */
  public Histogram dpcLatency() {
    return dpcLatency;
  }

  /**
   * @return DPC latency per row and time bucket (the bucket of the DpcStart): p99, count, longest
   */
  SliceLatency latencyOverTime() {
    return latencyOverTime;
  }

  /**
   * @return DPC routine execution time: from DpcStart to its DpcEnd (ISRs that interrupt the
   *     routine included, as elapsed time)
   */
  public Histogram dpcExecution() {
    return dpcExecution;
  }

  /**
   * @return ISR execution time: from IsrStart to its IsrEnd
   */
  public Histogram isrExecution() {
    return isrExecution;
  }

  /**
   * @return IPIs sent by the processors of row {@code from} to those of row {@code to}
   */
  public long ipis(int from, int to) {
    return ipis[from][to];
  }

  /**
   * @return DPC routines still running when the run ended (not in {@link #dpcExecution})
   */
  public long dpcsRunningAtEnd() {
    return dpcsRunningAtEnd;
  }

  /**
   * @return ISRs still running when the run ended (not in {@link #isrExecution})
   */
  public long isrsRunningAtEnd() {
    return isrsRunningAtEnd;
  }
}
