package dpcsim.kernel.debug;

/**
 * The DPC-related KPRCB fields of one processor as {@code !prcb} shows them. Depths and
 * counts are DpcData[0] (normal) and DpcData[1] (threaded); times are clock ticks.
 */
public record PrcbDpcFields(
    int normalDepth,
    long normalCount,
    int threadedDepth,
    long threadedCount,
    long maximumDpcQueueDepth,
    long minimumDpcRate,
    long dpcRequestRate,
    long dpcLastCount,
    long adjustDpcThreshold,
    boolean dpcRoutineActive,
    boolean dpcInterruptRequested,
    boolean dpcThreadActive,
    boolean dpcThreadRequested,
    boolean threadDpcEnable,
    boolean quantumEnd,
    long dpcTime,
    long interruptTime,
    long threadTime,
    long dpcTimeCount,
    long dpcWatchdogCount) {}
