package dpcsim.wire;

import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.EventKey;
import dpcsim.kernel.debug.ProcessorSnapshot;
import dpcsim.lookahead.KdpcState;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Messages to one processor actor: from its node's host (windows) or straight from the run's driver
 * (shared-KDPC steps, which run one at a time and so gain nothing from batching).
 */
public sealed interface ProcessorMessage extends CborSerializable {
  /** Run to {@code horizon} after taking the messages that reached this processor. */
  record RunWindow(long horizon, List<CrossCpu> inbound, ActorRef<ProcessorReply> replyTo)
      implements ProcessorMessage {}

  /**
   * Run the shared-KDPC event this processor waits on, then on to {@code horizon}, running further
   * shared events only before {@code limit} (null: no other processor waits). {@code shared} is the
   * latest state of the shared KDPCs, which the processor's node takes first.
   */
  record RunShared(
      long horizon,
      List<CrossCpu> inbound,
      EventKey limit,
      List<KdpcState> shared,
      ActorRef<ProcessorReply> replyTo)
      implements ProcessorMessage {}

  /** The debugger reads this processor's state (it changes nothing: the trace stays the same). */
  record Inspect(ActorRef<ProcessorSnapshot> replyTo) implements ProcessorMessage {}

  /** The debugger reads this node's copy of the KDPC called {@code name}. */
  record InspectKdpc(String name, ActorRef<KdpcLookup> replyTo) implements ProcessorMessage {}
}
