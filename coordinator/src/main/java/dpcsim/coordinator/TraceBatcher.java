package dpcsim.coordinator;

import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.RunReply;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Sends the ordered trace to the client in batches small enough for a remote frame, counting the
 * batches the client has not acknowledged yet.
 */
final class TraceBatcher implements TraceConsumer {
  static final int EVENTS_PER_BATCH = 500;

  private final String runId;
  private final ActorRef<RunReply> client;
  private final ActorRef<DriverMessage> ackTo;
  private List<TraceEvent> batch = new ArrayList<>(EVENTS_PER_BATCH);
  private long sent;
  private long acked;

  TraceBatcher(String runId, ActorRef<RunReply> client, ActorRef<DriverMessage> ackTo) {
    this.runId = runId;
    this.client = client;
    this.ackTo = ackTo;
  }

  @Override
  public void accept(TraceEvent event) {
    batch.add(event);
    if (batch.size() >= EVENTS_PER_BATCH) {
      flush();
    }
  }

  @Override
  public void finish(long simulatedNs) {
    flush();
  }

  void flush() {
    if (!batch.isEmpty()) {
      client.tell(new RunReply.TraceBatch(runId, sent++, batch, ackTo));
      batch = new ArrayList<>(EVENTS_PER_BATCH);
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
