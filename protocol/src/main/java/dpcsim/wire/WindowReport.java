package dpcsim.wire;

import java.util.List;

/**
 * What one processor did in a window (or one shared step): the messages it sent to other
 * processors, the trace records it produced, and where it stands now.
 */
public record WindowReport(
    ProcessorStatus status, List<CrossCpu> outbound, List<TraceRecord> trace, long processed)
    implements CborSerializable {}
