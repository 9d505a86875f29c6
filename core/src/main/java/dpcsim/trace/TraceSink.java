package dpcsim.trace;

/**
 * Where a processor puts the trace events it produces, as primitives (the columns {@link TraceKind}
 * describes): no object is made per event. {@code emitter} and {@code emitSeq} (the producing
 * processor and its own running count) complete the sort key {@code (t, cpu, emitter, emitSeq)},
 * which every engine computes identically, so merged traces are byte-identical.
 */
@FunctionalInterface
public interface TraceSink {
  /** Accepts one event. */
  void emit(
      int kind,
      long t,
      int cpu,
      int a,
      int b,
      int c,
      long x,
      long y,
      long z,
      int emitter,
      long emitSeq);
}
