package dpcsim.trace;

import java.util.List;

/** Passes the ordered trace to several consumers (writer, statistics, ...), in order. */
public final class TraceFanout implements TraceConsumer {
  private final TraceConsumer[] consumers;

  public TraceFanout(List<TraceConsumer> consumers) {
    this.consumers = consumers.toArray(new TraceConsumer[0]);
  }

  @Override
  public void accept(TraceEvent event) {
    for (TraceConsumer c : consumers) {
      c.accept(event);
    }
  }

  @Override
  public void accept(TraceBuffer events, int from, int to) {
    for (TraceConsumer c : consumers) {
      c.accept(events, from, to);
    }
  }

  @Override
  public void finish(long simulatedNs) {
    for (TraceConsumer c : consumers) {
      c.finish(simulatedNs);
    }
  }
}
