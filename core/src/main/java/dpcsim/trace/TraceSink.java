package dpcsim.trace;

/**
 * Where a processor puts the trace events it produces. {@code emitter} and {@code emitSeq} (the
 * producing processor and its own running count) complete the sort key {@code (t, cpu, emitter,
 * emitSeq)}, which both engines compute identically, so merged traces are byte-identical.
 */
@FunctionalInterface
public interface TraceSink {
  /** Accepts one event. */
  void emit(TraceEvent event, int emitter, long emitSeq);
}
