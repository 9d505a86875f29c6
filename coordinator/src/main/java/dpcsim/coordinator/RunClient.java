package dpcsim.coordinator;

import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.DebugControl;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.RunReply;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The submitting side of a run: sends the run to the coordinator, feeds the ordered trace it
 * streams back into {@code consumer} (the trace writer and the statistics), acknowledges every
 * batch, and completes {@code outcome} when the run finishes or fails. If the coordinator never
 * answers (no cluster formed, no singleton), it gives up after {@code startTimeout}.
 */
public final class RunClient extends AbstractBehavior<RunClient.Command> {
  /** The client's own messages: the coordinator's replies, adapted, and its guard. */
  public sealed interface Command
      extends org.apache.pekko.actor.NoSerializationVerificationNeeded {}

  private record Reply(RunReply reply) implements Command {}

  private enum StartTimeout implements Command {
    INSTANCE
  }

  /** How a run ended, as the client saw it. */
  public sealed interface Outcome {
    /** Completed: the consumer has seen the whole trace. */
    record Completed(RunReply.Finished finished, List<RunReply.Placement> placement)
        implements Outcome {}

    /** Failed: nothing is complete. */
    record Failed(String message, int exitStatus) implements Outcome {}
  }

  /**
   * Submits a run to the coordinator, with this client as its reply-to. It pauses for the debugger
   * as {@code debug} says (null: never), telling {@code onPause} of each pause after the trace
   * before it went to {@code consumer}.
   */
  public static Behavior<Command> create(
      ActorRef<CoordinatorMessage> coordinator,
      ScenarioSource scenario,
      int nodes,
      long windowCap,
      long waitForNodesMs,
      long progressTimeoutMs,
      Duration startTimeout,
      TraceConsumer consumer,
      CompletableFuture<Outcome> outcome,
      DebugControl debug,
      Consumer<RunReply.Paused> onPause) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  ActorRef<RunReply> replies = context.messageAdapter(RunReply.class, Reply::new);
                  coordinator.tell(
                      new CoordinatorMessage.SubmitRun(
                          scenario,
                          nodes,
                          windowCap,
                          waitForNodesMs,
                          progressTimeoutMs,
                          replies,
                          debug));
                  timers.startSingleTimer(StartTimeout.INSTANCE, startTimeout);
                  return new RunClient(context, consumer, outcome, startTimeout, onPause);
                }));
  }

  private final TraceConsumer consumer;
  private final CompletableFuture<Outcome> outcome;
  private final Duration startTimeout;
  private final Consumer<RunReply.Paused> onPause;
  private boolean heard;
  private List<RunReply.Placement> placement = List.of();
  private long nextBatch;

  private RunClient(
      ActorContext<Command> context,
      TraceConsumer consumer,
      CompletableFuture<Outcome> outcome,
      Duration startTimeout,
      Consumer<RunReply.Paused> onPause) {
    super(context);
    this.onPause = onPause;
    this.consumer = consumer;
    this.outcome = outcome;
    this.startTimeout = startTimeout;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Reply.class, this::onReply)
        .onMessageEquals(StartTimeout.INSTANCE, this::onStartTimeout)
        .build();
  }

  private Behavior<Command> onReply(Reply r) {
    heard = true;
    RunReply m = r.reply();
    if (m instanceof RunReply.Queued) {
      return this; // heard: the coordinator holds the run until it can start it
    }
    if (m instanceof RunReply.Started s) {
      placement = s.placement();
      return this;
    }
    if (m instanceof RunReply.Paused p) {
      onPause.accept(p);
      return this;
    }
    if (m instanceof RunReply.TraceBatch b) {
      return onBatch(b);
    }
    if (m instanceof RunReply.Finished f) {
      consumer.finish(f.simulatedNs());
      outcome.complete(new Outcome.Completed(f, placement));
      return Behaviors.stopped();
    }
    RunReply.Failed f = (RunReply.Failed) m;
    return fail(f.message(), f.exitStatus());
  }

  private Behavior<Command> onBatch(RunReply.TraceBatch m) {
    if (m.batch() != nextBatch) {
      return fail("trace batch " + m.batch() + " arrived, expected " + nextBatch, 1);
    }
    nextBatch++;
    try {
      for (TraceEvent e : m.events()) {
        consumer.accept(e);
      }
    } catch (RuntimeException e) {
      return fail("cannot write the trace: " + e.getMessage(), 1);
    }
    m.ackTo().tell(new DriverMessage.TraceAck(m.runId(), m.batch()));
    return this;
  }

  private Behavior<Command> onStartTimeout() {
    if (heard) {
      return this;
    }
    return fail("the coordinator did not answer within " + startTimeout.toSeconds() + " s", 1);
  }

  private Behavior<Command> fail(String message, int exitStatus) {
    outcome.complete(new Outcome.Failed(message, exitStatus));
    return Behaviors.stopped();
  }
}
