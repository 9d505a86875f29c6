package dpcsim.coordinator;

import dpcsim.breakpoint.BreakWatch;
import dpcsim.breakpoint.Breakpoint;
import dpcsim.engine.Placement;
import dpcsim.interconnect.IdleSummary;
import dpcsim.interconnect.RunProtocol;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.Partition;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.WindowReport;
import dpcsim.partition.NodeWindows;
import dpcsim.scenario.Op;
import dpcsim.scenario.ScriptAction;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceFanout;
import dpcsim.wire.DebugControl;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.HostMessage;
import dpcsim.wire.ProcessorMessage;
import dpcsim.wire.ProcessorReply;
import dpcsim.wire.RunReply;
import dpcsim.wire.ScenarioSource;
import dpcsim.wire.TunableChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Runs one simulation for the coordinator (a short-lived child, as StatsAggregator is in the Pekko
 * cluster sample): prepares the hosts, then drives {@link RunProtocol} step by step, sending each
 * step to the hosts whose processors take part, and streams the ordered trace to the client. It
 * ends the run with an error if a host fails or leaves, or if nothing answers for the wall-clock
 * guard's time; no partial result is ever reported as complete. However it stops (also when the
 * coordinator stops it to cancel the run), the hosts are told to drop the run.
 */
final class RunDriver extends AbstractBehavior<DriverMessage> {
  /**
   * At most this many trace batches unacknowledged by the client before the run waits: two windows'
   * worth (RunProtocol.WINDOW_EVENTS each, in batches of RunReply.TraceBatch.MAX_EVENTS), so the
   * client writes one window's trace while the nodes run the next instead of taking turns.
   */
  static final int MAX_IN_FLIGHT = 40;

  private static final Duration GUARD_TICK = Duration.ofMillis(500);

  private enum GuardTick implements DriverMessage {
    INSTANCE
  }

  /**
   * A member is gone: {@code unreachable} (killed, paused, cut off: the failure detector's verdict,
   * within seconds) or removed (it left, or was downed).
   */
  private record HostLost(String address, boolean unreachable) implements DriverMessage {}

  private record ProcessorAnswered(ProcessorReply reply) implements DriverMessage {}

  private enum ClientGone implements DriverMessage {
    INSTANCE
  }

  static Behavior<DriverMessage> create(
      String runId,
      ScenarioSource source,
      Machine machine,
      DpcReach reach,
      List<HostSlot> slots,
      long windowCap,
      long progressTimeoutMs,
      ActorRef<RunReply> client,
      DebugControl debug) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers ->
                    new RunDriver(
                        context,
                        timers,
                        runId,
                        source,
                        machine,
                        reach,
                        slots,
                        windowCap,
                        progressTimeoutMs,
                        client,
                        debug)));
  }

  private final String runId;
  private final List<HostSlot> slots;
  private final ActorRef<RunReply> client;
  private final RunProtocol protocol;
  private final TraceBatcher batcher;
  private final IdleSummary idleSummary = new IdleSummary();
  private final long guardTicksAllowed;
  private final List<ProcessorStatus> initial = new ArrayList<>();
  private final Set<String> prepared = new HashSet<>();
  private final Map<Integer, ActorRef<ProcessorMessage>> processors = new HashMap<>();
  private final Map<Integer, Long> crossOutputs = new HashMap<>();
  private final Grants grants;
  private long localWindows;
  private final ActorRef<ProcessorReply> processorReplies;
  private long idleGuardTicks;
  private long step = -1;
  // Commands sent to hosts and processors, reports and acknowledgements received (for bench).
  private long actorMessages;
  private int waitingHosts;
  private boolean started;
  private boolean waitingForAcks;
  // The debugger's pauses (null: a run that never pauses) and its breakpoints on the trace.
  private DebugControl control;
  private final BreakWatch watch = new BreakWatch();
  private boolean paused;
  private boolean ended;

  private RunDriver(
      ActorContext<DriverMessage> context,
      TimerScheduler<DriverMessage> timers,
      String runId,
      ScenarioSource source,
      Machine machine,
      DpcReach reach,
      List<HostSlot> slots,
      long windowCap,
      long progressTimeoutMs,
      ActorRef<RunReply> client,
      DebugControl debug) {
    super(context);
    this.control = debug;
    this.runId = runId;
    this.slots = slots;
    this.client = client;
    this.batcher = new TraceBatcher(runId, client, context.getSelf());
    int[] firsts = slots.stream().mapToInt(HostSlot::firstCpu).toArray();
    this.protocol =
        new RunProtocol(
            machine,
            reach,
            new TraceFanout(List.<TraceConsumer>of(batcher, idleSummary, watch)),
            windowCap,
            Partition.ofFirsts(firsts, machine.processors()));
    List<Integer> nodeFirsts = slots.stream().map(HostSlot::firstCpu).toList();
    this.grants = new Grants(slots);
    List<TunableChange> tunables = new ArrayList<>();
    for (ScriptAction a : machine.globalChanges()) {
      Op.SetTunable t = (Op.SetTunable) a.op();
      tunables.add(new TunableChange(a.index(), a.atNs(), t.name().yamlName(), t.value()));
    }
    this.guardTicksAllowed = Math.max(1, progressTimeoutMs / GUARD_TICK.toMillis());
    this.processorReplies = context.messageAdapter(ProcessorReply.class, ProcessorAnswered::new);
    timers.startTimerAtFixedRate(GuardTick.INSTANCE, GUARD_TICK);
    if ("cluster"
        .equals(context.getSystem().settings().config().getString("pekko.actor.provider"))) {
      // A killed node is unreachable within seconds; death watch alone waits for its removal.
      ActorRef<ClusterEvent.UnreachableMember> unreachable =
          context.messageAdapter(
              ClusterEvent.UnreachableMember.class,
              e -> new HostLost(e.member().address().toString(), true));
      Cluster.get(context.getSystem())
          .subscriptions()
          .tell(Subscribe.create(unreachable, ClusterEvent.UnreachableMember.class));
    }
    context.watchWith(client, ClientGone.INSTANCE);
    for (HostSlot s : slots) {
      context.watchWith(s.host(), new HostLost(s.address(), false));
      s.host()
          .tell(
              new HostMessage.Prepare(
                  runId,
                  source,
                  s.firstCpu(),
                  s.endCpu(),
                  nodeFirsts,
                  tunables,
                  context.getSelf()));
    }
  }

  @Override
  public Receive<DriverMessage> createReceive() {
    return newReceiveBuilder()
        .onMessage(DriverMessage.Prepared.class, m -> safely(() -> onPrepared(m)))
        .onMessage(DriverMessage.Report.class, m -> safely(() -> onReport(m)))
        .onMessage(DriverMessage.TraceAck.class, m -> safely(() -> onAck(m)))
        .onMessage(DriverMessage.Continue.class, m -> safely(() -> onContinue(m)))
        .onMessage(DriverMessage.Failed.class, this::onFailed)
        .onMessage(HostLost.class, this::onHostLost)
        .onMessage(ProcessorAnswered.class, m -> safely(() -> onProcessorAnswered(m)))
        .onMessageEquals(GuardTick.INSTANCE, this::onGuardTick)
        .onMessageEquals(ClientGone.INSTANCE, () -> end())
        .onSignal(Terminated.class, t -> this)
        .onSignal(PostStop.class, s -> onPostStop())
        .build();
  }

  /** Stopped from outside (a cancelled run, the coordinator stopping): free the hosts. */
  private Behavior<DriverMessage> onPostStop() {
    if (!ended) {
      endOnHosts();
    }
    return this;
  }

  /** A bug here must end the run with an error, never leave the client waiting. */
  private Behavior<DriverMessage> safely(java.util.function.Supplier<Behavior<DriverMessage>> h) {
    try {
      return h.get();
    } catch (RuntimeException e) {
      getContext().getLog().debug("run {} failed", runId, e);
      return fail("internal error in the run's driver: " + e, 1);
    }
  }

  private Behavior<DriverMessage> onPrepared(DriverMessage.Prepared m) {
    if (!m.runId().equals(runId) || !prepared.add(m.host())) {
      return this;
    }
    idleGuardTicks = 0;
    initial.addAll(m.statuses());
    if (!m.statuses().isEmpty()) {
      crossOutputs.put(slotOf(m.statuses().get(0).cpu()), m.crossOutput());
    }
    for (int i = 0; i < m.statuses().size(); i++) {
      processors.put(m.statuses().get(i).cpu(), m.processors().get(i));
    }
    if (prepared.size() < slots.size()) {
      return this;
    }
    protocol.start(initial);
    for (int i = 0; i < slots.size(); i++) {
      protocol.startNode(i, crossOutputs.getOrDefault(i, 0L));
    }
    applyControl();
    List<Placement> placement = new ArrayList<>();
    for (HostSlot s : slots) {
      placement.add(new Placement(s.address(), s.firstCpu(), s.endCpu()));
    }
    client.tell(new RunReply.Started(runId, placement));
    started = true;
    return advance();
  }

  private Behavior<DriverMessage> onReport(DriverMessage.Report m) {
    if (!m.runId().equals(runId) || m.step() != step) {
      return this;
    }
    idleGuardTicks = 0;
    actorMessages += 1 + m.processorMessages(); // this part, and the host's with its processors
    localWindows += m.localWindows();
    protocol.acceptNode(
        slotOfHost(m.host()),
        new NodeWindows.GrantReport(
            m.statuses(),
            m.outbound(),
            m.trace(),
            m.processed(),
            m.localMessages(),
            m.crossOutput(),
            m.localWindows()),
        m.last());
    if (m.last() && --waitingHosts == 0) {
      return advance();
    }
    return this;
  }

  private Behavior<DriverMessage> onAck(DriverMessage.TraceAck m) {
    batcher.acked(m.batch());
    idleGuardTicks = 0;
    actorMessages++;
    if (waitingForAcks && batcher.inFlight() < MAX_IN_FLIGHT) {
      waitingForAcks = false;
      return advance();
    }
    return this;
  }

  /** Issues the protocol's next step, or ends the run. */
  private Behavior<DriverMessage> advance() {
    if (batcher.inFlight() >= MAX_IN_FLIGHT) {
      waitingForAcks = true; // the client writes the trace: do not outrun it
      return this;
    }
    RunProtocol.Step next = protocol.next();
    while (next instanceof RunProtocol.Step.Paused p && stepsToBreakpoint(p)) {
      protocol.pauseBefore(instantLimit());
      next = protocol.next();
    }
    step++;
    if (next instanceof RunProtocol.Step.Paused p) {
      return pause(p);
    }
    if (next instanceof RunProtocol.Step.Window w) {
      waitingHosts = grants.send(w, runId, step, protocol.lastInstant());
      actorMessages += waitingHosts;
      protocol.releaseTrace(); // while the processors run the window
      return this;
    }
    if (next instanceof RunProtocol.Step.Shared s) {
      // One processor at a time: straight to its actor, not through the node's host.
      waitingHosts = 1;
      actorMessages++;
      processors
          .get(s.cpu())
          .tell(
              new ProcessorMessage.RunShared(
                  s.horizon(), s.inbound(), s.limit(), s.shared(), processorReplies));
      protocol.releaseTrace();
      return this;
    }
    RunProtocol.Step.Done d = (RunProtocol.Step.Done) next;
    batcher.flush();
    client.tell(
        new RunReply.Finished(
            runId,
            d.simulatedNs(),
            d.stoppedByWatchdog(),
            protocol.processed(),
            protocol.windows(),
            protocol.sharedSteps(),
            protocol.messages(),
            idleSummary.mask(),
            actorMessages + batcher.sent(),
            localWindows));
    return end();
  }

  /**
   * Sets the next pause. With breakpoints armed the run goes one instant at a time (each window
   * ends after the next event time), so it can stop right after the instant of a hit: windows are
   * only ever cut shorter, which never changes the trace.
   */
  private void applyControl() {
    if (control == null) {
      return;
    }
    watch.armSpecs(control.breakOn());
    protocol.pauseBefore(watch.armed() ? instantLimit() : control.pauseBefore());
  }

  private boolean stepsToBreakpoint(RunProtocol.Step.Paused p) {
    // Past the last instant there is nothing left to run: the pause is after the run's end.
    long target = Math.min(control.pauseBefore(), protocol.lastInstant() + 1);
    return watch.armed() && watch.hit() == null && p.reachedNs() < target;
  }

  private long instantLimit() {
    long next = protocol.nextEventNs();
    return next == Long.MAX_VALUE
        ? control.pauseBefore()
        : Math.min(control.pauseBefore(), next + 1);
  }

  private Behavior<DriverMessage> pause(RunProtocol.Step.Paused p) {
    batcher.flush(); // the client sees every event before the pause before it hears of it
    paused = true;
    List<ActorRef<ProcessorMessage>> refs = new ArrayList<>();
    for (int cpu = 0; cpu < processors.size(); cpu++) {
      refs.add(processors.get(cpu));
    }
    Breakpoint bp = watch.hitBreakpoint();
    client.tell(
        new RunReply.Paused(
            runId,
            p.reachedNs(),
            protocol.nextEventNs(),
            watch.hit(),
            bp == null ? null : bp.spec(),
            protocol.sharedState(),
            refs,
            slots.stream().map(HostSlot::firstCpu).toList(),
            getContext().getSelf()));
    return this;
  }

  private Behavior<DriverMessage> onContinue(DriverMessage.Continue m) {
    if (!m.runId().equals(runId) || !paused) {
      return this;
    }
    paused = false;
    idleGuardTicks = 0;
    control = m.control();
    applyControl();
    return advance();
  }

  private Behavior<DriverMessage> onProcessorAnswered(ProcessorAnswered m) {
    idleGuardTicks = 0;
    if (m.reply() instanceof ProcessorReply.Crashed c) {
      return onFailed(
          new DriverMessage.Failed(
              runId,
              slots.get(slotOf(c.cpu())).address(),
              c.cpu(),
              c.timeNs(),
              c.cause(),
              c.scenarioFault()));
    }
    actorMessages++;
    WindowReport report = ((ProcessorReply.Ran) m.reply()).report();
    protocol.accept(report);
    grants.refreshed(report.status());
    if (--waitingHosts == 0) {
      return advance();
    }
    return this;
  }

  private int slotOfHost(String hostId) {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).id().equals(hostId)) {
        return i;
      }
    }
    throw new IllegalStateException("no host " + hostId + " in this run");
  }

  private int slotOf(int cpu) {
    return grants.slotOf(cpu);
  }

  private Behavior<DriverMessage> onFailed(DriverMessage.Failed m) {
    if (!m.runId().equals(runId)) {
      return this;
    }
    return fail(RunFailures.failed(m), m.scenarioFault() ? 2 : 1);
  }

  private Behavior<DriverMessage> onHostLost(HostLost m) {
    if (m.unreachable() && m.address().equals(client.path().address().toString())) {
      // The submitting process is gone (killed, or cut off): nobody reads the trace. Ending now,
      // not at its removal (death watch), lets the next run start within seconds.
      return end();
    }
    if (slots.stream().noneMatch(s -> s.address().equals(m.address()))) {
      return this; // a member that runs none of this run's processors
    }
    return fail(
        RunFailures.nodeLost(
            m.address(), m.unreachable(), slots, started ? protocol.reachedNs() : 0),
        3);
  }

  private Behavior<DriverMessage> onGuardTick() {
    if (paused) {
      idleGuardTicks = 0; // a person at the prompt is not a stuck node
      return this;
    }
    if (++idleGuardTicks > guardTicksAllowed) {
      String phase = started ? "step " + step : "preparing the nodes";
      return fail(
          RunFailures.silent(
              idleGuardTicks * GUARD_TICK.toMillis() / 1000,
              phase,
              started ? protocol.reachedNs() : 0),
          1);
    }
    return this;
  }

  private Behavior<DriverMessage> fail(String message, int exitStatus) {
    client.tell(new RunReply.Failed(runId, message, exitStatus));
    return end();
  }

  private Behavior<DriverMessage> end() {
    endOnHosts();
    return Behaviors.stopped();
  }

  private void endOnHosts() {
    ended = true;
    for (HostSlot s : slots) {
      s.host().tell(new HostMessage.End(runId));
    }
  }
}
