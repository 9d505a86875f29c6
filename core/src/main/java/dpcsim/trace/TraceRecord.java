package dpcsim.trace;

/**
 * A trace event with the rest of its sort key: the processor that produced it and that processor's
 * running count. Trace order is {@code (t, cpu, emitter, emitSeq)}.
 */
public record TraceRecord(TraceEvent event, int emitter, long emitSeq) {
  /** Orders records as the trace does. */
  public static int compare(TraceRecord a, TraceRecord b) {
    int c = Long.compare(a.event.t(), b.event.t());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.event.cpu(), b.event.cpu());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.emitter, b.emitter);
    if (c != 0) {
      return c;
    }
    return Long.compare(a.emitSeq, b.emitSeq);
  }
}
