package dpcsim.trace;

/** Receives trace events in final trace order: by {@code (t, cpu, emitter, emitSeq)}. */
@FunctionalInterface
public interface TraceConsumer {
  /** Accepts the next event of the ordered trace. */
  void accept(TraceEvent event);

  /** Called once after the last event, with the simulated time the run reached. */
  default void finish(long simulatedNs) {}
}
