package dpcsim.lookahead;

import dpcsim.kernel.CrossCpu;
import dpcsim.trace.TraceColumns;
import java.util.List;

/**
 * What one processor did in a window (or one shared step): the messages it sent to other
 * processors, the trace records it produced, where it stands now, and, after a shared step, its
 * node's view of every shared KDPC (empty otherwise).
 */
public record WindowReport(
    ProcessorStatus status,
    List<CrossCpu> outbound,
    TraceColumns trace,
    long processed,
    List<KdpcState> shared) {}
