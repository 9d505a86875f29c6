package dpcsim.wire;

import dpcsim.engine.Placement;
import dpcsim.lookahead.KdpcState;
import dpcsim.trace.TraceColumns;
import dpcsim.trace.TraceEvent;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** What the coordinator tells the client that submitted a run. */
public sealed interface RunReply extends CborSerializable {
  /** The run waits behind {@code ahead} others (or for its nodes to join). */
  record Queued(int ahead) implements RunReply {}

  /** The run started; which node hosts which processors. */
  record Started(String runId, List<Placement> placement) implements RunReply {}

  /**
   * The next events of the ordered trace. The client acknowledges each batch to {@code ackTo}: the
   * driver keeps only a few unacknowledged batches in flight.
   */
  record TraceBatch(String runId, long batch, TraceColumns events, ActorRef<DriverMessage> ackTo)
      implements RunReply {
    /**
     * The most events a batch carries: at the widest numbers in every column it stays within a
     * remote frame (FrameSizeTest).
     */
    public static final int MAX_EVENTS = 2000;
  }

  /**
   * The run is complete: every trace batch was sent before this.
   *
   * @param messages cross-processor messages routed
   * @param actorMessages messages the run driver sent or received (commands, reports, trace
   *     batches, acknowledgements), this one excluded, and those the nodes' hosts exchanged with
   *     their processor actors
   */
  record Finished(
      String runId,
      long simulatedNs,
      boolean stoppedByWatchdog,
      long processed,
      long windows,
      long sharedSteps,
      long messages,
      String idleSummary,
      long actorMessages,
      long localWindows)
      implements RunReply {}

  /**
   * The run failed; no result is complete.
   *
   * @param exitStatus 2 bad input or a scenario fault, 1 internal error, 3 a node was lost
   */
  record Failed(String runId, String message, int exitStatus) implements RunReply {}

  /**
   * The coordinator ended the run on its client's {@link CoordinatorMessage.CancelRun}; no result
   * is complete. Trace batches sent before this may still arrive.
   *
   * @param runId the run, or empty if it had not started
   */
  record Cancelled(String runId) implements RunReply {}

  /**
   * A debugged run paused (DebugControl): every event before {@code reachedNs} has run, none at or
   * after it, and every trace batch up to there was sent before this. The processors answer
   * inspection until {@code driver} gets a {@link DriverMessage.Continue}.
   *
   * @param nextEventNs the time of the next event, or Long.MAX_VALUE
   * @param hit the trace event that hit a breakpoint, or null
   * @param hitSpec that breakpoint's spelling, or null
   * @param shared the latest state of the shared KDPCs (a node's own copy may be older)
   * @param processors the processor actors, in processor order
   * @param nodeFirstCpus the first processor of each node (one per copy of the KDPC objects)
   */
  record Paused(
      String runId,
      long reachedNs,
      long nextEventNs,
      TraceEvent hit,
      String hitSpec,
      List<KdpcState> shared,
      List<ActorRef<ProcessorMessage>> processors,
      List<Integer> nodeFirstCpus,
      ActorRef<DriverMessage> driver)
      implements RunReply {}
}
