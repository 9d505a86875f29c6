package dpcsim.coordinator;

import dpcsim.engine.Placement;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.ScenarioException;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceColumns;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceNames;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.DebugControl;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.RunReply;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * The submitting side of a run: sends the run to the coordinator, feeds the ordered trace it
 * streams back into {@code consumer} (the trace writer and the statistics), acknowledges every
 * batch, and completes {@code outcome} when the run finishes or fails. If the coordinator never
 * answers (no cluster formed, no singleton), it gives up after {@code startTimeout}. On {@link
 * Cancel} it asks the coordinator to end the run and completes {@code outcome} as cancelled when
 * the coordinator confirms, or after {@link #CANCEL_WAIT} (a process about to exit cannot wait
 * longer).
 */
public final class RunClient extends AbstractBehavior<RunClient.Command> {
  /** The client's own messages: the coordinator's replies, adapted, its guards, and Cancel. */
  public sealed interface Command
      extends org.apache.pekko.actor.NoSerializationVerificationNeeded {}

  private record Reply(RunReply reply) implements Command {}

  private enum StartTimeout implements Command {
    INSTANCE
  }

  /** A cluster member became unreachable ({@code unreachable}) or was removed. */
  private record MemberGone(Member member, boolean unreachable) implements Command {}

  /** Stop the run: the submitting process was interrupted or ran out of wall time. */
  public enum Cancel implements Command {
    INSTANCE
  }

  private enum CancelTimeout implements Command {
    INSTANCE
  }

  /** How long a cancelled client waits for the coordinator to confirm. */
  static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

  /** How a run ended, as the client saw it. */
  public sealed interface Outcome {
    /** Completed: the consumer has seen the whole trace. */
    record Completed(RunReply.Finished finished, List<Placement> placement) implements Outcome {}

    /** Failed: nothing is complete. */
    record Failed(String message, int exitStatus) implements Outcome {}

    /**
     * Cancelled on request: nothing is complete.
     *
     * @param reachedNs the time of the last trace event consumed, or -1 if the run had not started
     */
    record Cancelled(long reachedNs) implements Outcome {}
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
                  watchCoordinator(context);
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
                  return new RunClient(
                      context,
                      timers,
                      coordinator,
                      scenario,
                      replies,
                      consumer,
                      outcome,
                      startTimeout,
                      onPause);
                }));
  }

  /**
   * In a cluster, hears of members that become unreachable or are removed: the coordinator's loss
   * ends the run at once (exit 3), where waiting would end in this member's own downing.
   */
  private static void watchCoordinator(ActorContext<Command> context) {
    if (!"cluster"
        .equals(context.getSystem().settings().config().getString("pekko.actor.provider"))) {
      return;
    }
    Cluster cluster = Cluster.get(context.getSystem());
    cluster
        .subscriptions()
        .tell(
            Subscribe.create(
                context.messageAdapter(
                    ClusterEvent.UnreachableMember.class, e -> new MemberGone(e.member(), true)),
                ClusterEvent.UnreachableMember.class));
    cluster
        .subscriptions()
        .tell(
            Subscribe.create(
                context.messageAdapter(
                    ClusterEvent.MemberRemoved.class, e -> new MemberGone(e.member(), false)),
                ClusterEvent.MemberRemoved.class));
  }

  private final TimerScheduler<Command> timers;
  private final ActorRef<CoordinatorMessage> coordinator;
  private final ActorRef<RunReply> replies;
  private final TraceConsumer consumer;
  private final ScenarioSource source;

  /** The batches' events with the run's names, for the consumer (made at the first batch). */
  private TraceBuffer inbox;

  private final CompletableFuture<Outcome> outcome;
  private final Duration startTimeout;
  private final Consumer<RunReply.Paused> onPause;
  private boolean heard;
  private boolean started;
  private boolean cancelling;
  private List<Placement> placement = List.of();
  private long nextBatch;
  private long lastEventNs;

  private RunClient(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      ActorRef<CoordinatorMessage> coordinator,
      ScenarioSource source,
      ActorRef<RunReply> replies,
      TraceConsumer consumer,
      CompletableFuture<Outcome> outcome,
      Duration startTimeout,
      Consumer<RunReply.Paused> onPause) {
    super(context);
    this.source = source;
    this.timers = timers;
    this.coordinator = coordinator;
    this.replies = replies;
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
        .onMessage(MemberGone.class, this::onMemberGone)
        .onMessageEquals(Cancel.INSTANCE, this::onCancel)
        .onMessageEquals(CancelTimeout.INSTANCE, this::cancelled)
        .build();
  }

  private Behavior<Command> onCancel() {
    if (!cancelling) {
      cancelling = true;
      coordinator.tell(new CoordinatorMessage.CancelRun(replies));
      timers.startSingleTimer(CancelTimeout.INSTANCE, CANCEL_WAIT);
    }
    return this;
  }

  private Behavior<Command> cancelled() {
    outcome.complete(new Outcome.Cancelled(started ? lastEventNs : -1));
    return Behaviors.stopped();
  }

  private Behavior<Command> onReply(Reply r) {
    heard = true;
    RunReply m = r.reply();
    if (cancelling) {
      // Whatever still arrives is no longer wanted; any end of the run confirms the cancel.
      boolean over =
          m instanceof RunReply.Cancelled
              || m instanceof RunReply.Finished
              || m instanceof RunReply.Failed;
      return over ? cancelled() : this;
    }
    if (m instanceof RunReply.Queued) {
      return this; // heard: the coordinator holds the run until it can start it
    }
    if (m instanceof RunReply.Started s) {
      placement = s.placement();
      started = true;
      return this;
    }
    if (m instanceof RunReply.Cancelled) {
      return fail("the coordinator cancelled the run", 1);
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
      TraceColumns events = m.events();
      if (inbox == null) {
        inbox = new TraceBuffer(names(), events.size());
      }
      inbox.clear();
      inbox.addAll(events);
      consumer.accept(inbox, 0, inbox.size());
      if (events.size() > 0) {
        lastEventNs = events.t(events.size() - 1);
      }
    } catch (RuntimeException e) {
      return fail("cannot write the trace: " + e.getMessage(), 1);
    }
    m.ackTo().tell(new DriverMessage.TraceAck(m.runId(), m.batch()));
    return this;
  }

  /**
   * The run's KDPC and device names, which the batches' events refer to by index: from the scenario
   * this client submitted (the coordinator accepted it, so it parses).
   */
  private TraceNames names() {
    try {
      return TraceNames.of(source.parse(new LinkedHashSet<>(Profiles.names())));
    } catch (ScenarioException e) {
      throw new IllegalStateException("the submitted scenario no longer parses", e);
    }
  }

  private Behavior<Command> onMemberGone(MemberGone m) {
    Cluster cluster = Cluster.get(getContext().getSystem());
    if (cancelling
        || !m.member().hasRole(ClusterNode.COORDINATOR_ROLE)
        || m.member().equals(cluster.selfMember())) {
      return this;
    }
    return fail(
        "the coordinator "
            + m.member().address()
            + (m.unreachable()
                ? " became unreachable (stopped, paused or cut off)"
                : " left the cluster")
            + (started
                ? " during the run; simulated time reached " + lastEventNs + " ns"
                : " before the run started"),
        3);
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
