package dpcsim.trace;

/**
 * Receives trace events in final trace order: by {@code (t, cpu, emitter, emitSeq)}. The engines
 * hand over batches ({@link #accept(TraceBuffer, int, int)}); a consumer that reads the columns
 * directly overrides it, one that wants objects gets each entry as a {@link TraceEvent}.
 */
@FunctionalInterface
public interface TraceConsumer {
  /** Accepts the next event of the ordered trace. */
  void accept(TraceEvent event);

  /**
   * Accepts entries {@code [from, to)} of {@code events}, the next ones of the ordered trace. The
   * buffer is reused once this returns: keep nothing that refers to it.
   */
  default void accept(TraceBuffer events, int from, int to) {
    for (int i = from; i < to; i++) {
      accept(events.event(i));
    }
  }

  /** Called once after the last event, with the simulated time the run reached. */
  default void finish(long simulatedNs) {}
}
