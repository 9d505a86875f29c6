package dpcsim.wire;

import dpcsim.engine.Placement;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** Messages to the coordinator singleton. Not sealed: it adds its private messages. */
public interface CoordinatorMessage extends CborSerializable {
  /**
   * Run a scenario on {@code nodes} processor nodes and stream the results to {@code replyTo}.
   *
   * @param windowCap the largest window span in ns (a tuning knob), or {@code Long.MAX_VALUE}
   * @param waitForNodesMs how long to wait for {@code nodes} nodes to be up
   * @param progressTimeoutMs the wall-clock guard: fail if no processor answers for this long
   * @param debug where the run first pauses for the debugger, or null to run straight through
   */
  record SubmitRun(
      ScenarioSource scenario,
      int nodes,
      long windowCap,
      long waitForNodesMs,
      long progressTimeoutMs,
      ActorRef<RunReply> replyTo,
      DebugControl debug)
      implements CoordinatorMessage {
    /** A run that never pauses. */
    public SubmitRun(
        ScenarioSource scenario,
        int nodes,
        long windowCap,
        long waitForNodesMs,
        long progressTimeoutMs,
        ActorRef<RunReply> replyTo) {
      this(scenario, nodes, windowCap, waitForNodesMs, progressTimeoutMs, replyTo, null);
    }
  }

  /**
   * Ends the run submitted with {@code replyTo} at once, whether it runs, waits for its nodes or is
   * queued (its client was interrupted). The coordinator answers {@link RunReply.Cancelled} to
   * {@code replyTo} (also for a run it no longer knows) and takes the next queued run.
   */
  record CancelRun(ActorRef<RunReply> replyTo) implements CoordinatorMessage {}

  /** Asks what the coordinator is doing: for {@code dpcsim status}. */
  record GetStatus(ActorRef<Status> replyTo) implements CoordinatorMessage {}

  /**
   * The coordinator's answer.
   *
   * @param activeRun the run in progress, or empty
   * @param placement where the run in progress places its processors
   * @param queued runs waiting behind it
   * @param hosts the processor hosts the coordinator knows
   */
  record Status(String activeRun, List<Placement> placement, int queued, List<String> hosts)
      implements CborSerializable {}
}
