package dpcsim;

import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcStart;

/** Hand-made trace events, and feeding them to a {@link TraceConsumer}, for consumer tests. */
public final class TestTrace {
  private TestTrace() {}

  /**
   * Gives {@code events} (in trace order) to {@code consumer}, then finishes it at {@code end}.
   *
   * @return {@code consumer}, to read its results
   */
  public static <C extends TraceConsumer> C feed(C consumer, long end, TraceEvent... events) {
    for (TraceEvent e : events) {
      consumer.accept(e);
    }
    consumer.finish(end);
    return consumer;
  }

  /**
   * @return a successful insertion of a normal-importance {@code dpc} at the tail of {@code cpu}'s
   *     own queue, leaving it {@code depth} deep
   */
  public static DpcInsert insert(long t, int cpu, String dpc, int depth) {
    return new DpcInsert(t, cpu, dpc, cpu, true, "normal", "tail", depth);
  }

  /**
   * @return a normal DPC's routine starting at DISPATCH with both system arguments 0
   */
  public static DpcStart start(long t, int cpu, String dpc) {
    return new DpcStart(t, cpu, dpc, "DISPATCH", 0, 0);
  }
}
