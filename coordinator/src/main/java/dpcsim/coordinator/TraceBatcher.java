package dpcsim.coordinator;

import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceNames;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.RunReply;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Sends the ordered trace to the client in batches small enough for a remote frame, counting the
 * batches the client has not acknowledged yet.
 */
final class TraceBatcher implements TraceConsumer {
  static final int EVENTS_PER_BATCH = RunReply.TraceBatch.MAX_EVENTS;

  private final String runId;
  private final ActorRef<RunReply> client;
  private final ActorRef<DriverMessage> ackTo;
  private final TraceBuffer batch = new TraceBuffer(TraceNames.NONE, EVENTS_PER_BATCH);
  private long sent;
  private long acked;

  TraceBatcher(String runId, ActorRef<RunReply> client, ActorRef<DriverMessage> ackTo) {
    this.runId = runId;
    this.client = client;
    this.ackTo = ackTo;
  }

  @Override
  public void accept(TraceEvent event) {
    throw new UnsupportedOperationException("the run driver's trace arrives as columns");
  }

  @Override
  public void accept(TraceBuffer events, int from, int to) {
    int i = from;
    while (i < to) {
      int n = Math.min(to - i, EVENTS_PER_BATCH - batch.size());
      batch.copyRange(events, i, i + n);
      i += n;
      if (batch.size() >= EVENTS_PER_BATCH) {
        flush();
      }
    }
  }

  @Override
  public void finish(long simulatedNs) {
    flush();
  }

  void flush() {
    if (batch.size() > 0) {
      client.tell(new RunReply.TraceBatch(runId, sent++, batch.columns(0, batch.size()), ackTo));
      batch.clear();
    }
  }

  void acked(long batchNo) {
    acked = Math.max(acked, batchNo + 1);
  }

  /**
   * @return batches sent so far
   */
  long sent() {
    return sent;
  }

  /**
   * @return batches sent and not yet acknowledged
   */
  long inFlight() {
    return sent - acked;
  }
}
