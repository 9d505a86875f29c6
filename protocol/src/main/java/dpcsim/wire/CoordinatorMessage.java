package dpcsim.wire;

import org.apache.pekko.actor.typed.ActorRef;

/** Messages to the coordinator singleton. Not sealed: it adds its private messages. */
public interface CoordinatorMessage extends CborSerializable {
  /**
   * Run a scenario on {@code nodes} processor nodes and stream the results to {@code replyTo}.
   *
   * @param windowCap the largest window span in ns (a tuning knob), or {@code Long.MAX_VALUE}
   * @param waitForNodesMs how long to wait for {@code nodes} nodes to be up
   * @param progressTimeoutMs the wall-clock guard: fail if no processor answers for this long
   */
  record SubmitRun(
      ScenarioSource scenario,
      int nodes,
      long windowCap,
      long waitForNodesMs,
      long progressTimeoutMs,
      ActorRef<RunReply> replyTo)
      implements CoordinatorMessage {}
}
