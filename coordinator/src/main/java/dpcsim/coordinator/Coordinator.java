package dpcsim.coordinator;

import dpcsim.engine.Placement;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Profiles;
import dpcsim.lookahead.DpcReach;
import dpcsim.node.NodeHost;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.HostMessage;
import dpcsim.wire.RunReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * The coordinator, a cluster singleton: it knows the processor hosts (through the Receptionist),
 * accepts one run at a time, waits for the nodes the run asks for, assigns processors to nodes in
 * contiguous ranges and hands the run to a {@link RunDriver} child. A client that cancels its run
 * ends it at once: the driver is stopped (it frees the hosts) and the next queued run is taken.
 */
public final class Coordinator extends AbstractBehavior<CoordinatorMessage> {
  private static final Duration WAIT_TICK = Duration.ofMillis(200);

  private record HostsChanged(Set<ActorRef<HostMessage>> hosts) implements CoordinatorMessage {}

  private record RunEnded(String runId) implements CoordinatorMessage {}

  private enum WaitTick implements CoordinatorMessage {
    INSTANCE
  }

  /** The coordinator behaviour, to run as a cluster singleton. */
  public static Behavior<CoordinatorMessage> create() {
    return Behaviors.setup(
        context -> Behaviors.withTimers(timers -> new Coordinator(context, timers)));
  }

  /** Runs submitted while another one runs or waits for nodes, in submission order. */
  static final int MAX_QUEUED = 16;

  private final TimerScheduler<CoordinatorMessage> timers;
  private final java.util.ArrayDeque<CoordinatorMessage.SubmitRun> queue =
      new java.util.ArrayDeque<>();
  private List<ActorRef<HostMessage>> hosts = List.of();
  private CoordinatorMessage.SubmitRun waiting;
  private Scenario waitingScenario;
  private long waitedMs;
  private String activeRun;
  private ActorRef<DriverMessage> activeDriver;
  private ActorRef<RunReply> activeClient;
  private List<Placement> activePlacement = List.of();
  private long runs;

  private Coordinator(
      ActorContext<CoordinatorMessage> context, TimerScheduler<CoordinatorMessage> timers) {
    super(context);
    this.timers = timers;
    ActorRef<Receptionist.Listing> adapter =
        context.messageAdapter(
            Receptionist.Listing.class,
            listing -> new HostsChanged(listing.getServiceInstances(NodeHost.KEY)));
    context.getSystem().receptionist().tell(Receptionist.subscribe(NodeHost.KEY, adapter));
  }

  @Override
  public Receive<CoordinatorMessage> createReceive() {
    return newReceiveBuilder()
        .onMessage(CoordinatorMessage.SubmitRun.class, this::onSubmit)
        .onMessage(CoordinatorMessage.CancelRun.class, this::onCancel)
        .onMessage(CoordinatorMessage.GetStatus.class, this::onGetStatus)
        .onMessage(HostsChanged.class, this::onHostsChanged)
        .onMessage(RunEnded.class, this::onRunEnded)
        .onMessageEquals(WaitTick.INSTANCE, this::onWaitTick)
        .build();
  }

  /** Ends the client's run wherever it is (running, waiting, queued); the client hears so. */
  private Behavior<CoordinatorMessage> onCancel(CoordinatorMessage.CancelRun m) {
    ActorRef<RunReply> client = m.replyTo();
    String runId = "";
    if (activeRun != null && client.equals(activeClient)) {
      runId = activeRun;
      // The driver frees the hosts as it stops; its end (RunEnded) takes the next run.
      getContext().stop(activeDriver);
      activeClient = null;
    } else if (waiting != null && client.equals(waiting.replyTo())) {
      waiting = null;
      timers.cancel(WaitTick.INSTANCE);
    } else {
      queue.removeIf(q -> q.replyTo().equals(client));
    }
    client.tell(new RunReply.Cancelled(runId));
    startQueued();
    return this;
  }

  private Behavior<CoordinatorMessage> onGetStatus(CoordinatorMessage.GetStatus m) {
    m.replyTo()
        .tell(
            new CoordinatorMessage.Status(
                activeRun == null ? "" : activeRun,
                activeRun == null ? List.of() : activePlacement,
                queue.size() + (waiting != null ? 1 : 0),
                hosts.stream().map(this::address).toList()));
    return this;
  }

  private Behavior<CoordinatorMessage> onHostsChanged(HostsChanged m) {
    List<ActorRef<HostMessage>> sorted = new ArrayList<>(m.hosts());
    // Placement must not depend on the order the Receptionist lists hosts in.
    // By node, then by host within a node (a node may run a host per partition).
    sorted.sort(Comparator.comparing(this::address).thenComparing(ref -> ref.path().name()));
    hosts = List.copyOf(sorted);
    if (waiting != null && hosts.size() >= waiting.nodes()) {
      start(waiting, waitingScenario);
    }
    return this;
  }

  private Behavior<CoordinatorMessage> onSubmit(CoordinatorMessage.SubmitRun m) {
    if (activeRun != null || waiting != null) {
      if (queue.size() >= MAX_QUEUED) {
        m.replyTo()
            .tell(
                new RunReply.Failed(
                    "",
                    "the coordinator has "
                        + MAX_QUEUED
                        + " runs queued behind "
                        + (activeRun != null ? activeRun : "a run waiting for nodes")
                        + "; try again later",
                    2));
      } else {
        queue.add(m);
        m.replyTo().tell(new RunReply.Queued(queue.size()));
      }
      return this;
    }
    if (m.scenario().refusal() != null) {
      m.replyTo().tell(new RunReply.Failed("", m.scenario().refusal(), 2));
      return this;
    }
    Scenario scenario;
    try {
      scenario = m.scenario().parse(new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      m.replyTo().tell(new RunReply.Failed("", e.getMessage(), 2));
      return this;
    }
    if (m.nodes() < 1 || m.nodes() > scenario.processors()) {
      m.replyTo()
          .tell(
              new RunReply.Failed(
                  "",
                  "--nodes: "
                      + m.nodes()
                      + " nodes for "
                      + scenario.processors()
                      + " processors (each node needs at least one)",
                  2));
      return this;
    }
    if (hosts.size() >= m.nodes()) {
      start(m, scenario);
    } else {
      waiting = m;
      m.replyTo().tell(new RunReply.Queued(0));
      waitingScenario = scenario;
      waitedMs = 0;
      timers.startTimerAtFixedRate(WaitTick.INSTANCE, WAIT_TICK);
    }
    return this;
  }

  private Behavior<CoordinatorMessage> onWaitTick() {
    if (waiting == null) {
      timers.cancel(WaitTick.INSTANCE);
      return this;
    }
    waitedMs += WAIT_TICK.toMillis();
    if (waitedMs >= waiting.waitForNodesMs()) {
      waiting
          .replyTo()
          .tell(
              new RunReply.Failed(
                  "",
                  "only "
                      + hosts.size()
                      + " of "
                      + waiting.nodes()
                      + " processor nodes joined within "
                      + (waiting.waitForNodesMs() / 1000.0)
                      + " s",
                  2));
      waiting = null;
      timers.cancel(WaitTick.INSTANCE);
      startQueued();
    }
    return this;
  }

  /** Takes the next queued submission, if nothing runs or waits. */
  private void startQueued() {
    while (activeRun == null && waiting == null && !queue.isEmpty()) {
      onSubmit(queue.poll());
    }
  }

  private void start(CoordinatorMessage.SubmitRun m, Scenario scenario) {
    waiting = null;
    timers.cancel(WaitTick.INSTANCE);
    String runId = "run-" + (++runs);
    List<ActorRef<HostMessage>> chosen = hosts.subList(0, m.nodes());
    List<String> addresses = chosen.stream().map(this::address).toList();
    List<HostSlot> slots = place(scenario.processors(), chosen, addresses);
    Machine machine = new Machine(scenario);
    DpcReach reach = new DpcReach(machine);
    ActorRef<DriverMessage> driver =
        getContext()
            .spawn(
                RunDriver.create(
                    runId,
                    m.scenario(),
                    machine,
                    reach,
                    slots,
                    m.windowCap(),
                    m.progressTimeoutMs(),
                    m.replyTo(),
                    m.debug()),
                runId,
                driverDispatcher(reach));
    getContext().watchWith(driver, new RunEnded(runId));
    activeRun = runId;
    activeDriver = driver;
    activeClient = m.replyTo();
    activePlacement =
        slots.stream().map(s -> new Placement(s.address(), s.firstCpu(), s.endCpu())).toList();
  }

  /**
   * Where the run's driver runs. With shared KDPCs it takes their events one at a time straight
   * with a processor (a round trip each): on the node's thread, with no thread to wake either way
   * in one JVM. Without, it mostly merges and releases the nodes' trace, which is better done
   * beside the nodes than on their thread.
   */
  private static DispatcherSelector driverDispatcher(DpcReach reach) {
    return reach.sharedCount() > 0
        ? DispatcherSelector.fromConfig(ClusterNode.NODE_DISPATCHER)
        : DispatcherSelector.defaultDispatcher();
  }

  /** Contiguous ranges, as equal as possible, in host order (DESIGN.md, "Cluster"). */
  static List<HostSlot> place(
      int processors, List<ActorRef<HostMessage>> nodes, List<String> addresses) {
    List<HostSlot> slots = new ArrayList<>();
    int n = nodes.size();
    int first = 0;
    for (int i = 0; i < n; i++) {
      int size = processors / n + (i < processors % n ? 1 : 0);
      slots.add(new HostSlot(nodes.get(i), addresses.get(i), first, first + size));
      first += size;
    }
    return slots;
  }

  /**
   * @return the address of the node {@code ref} lives on, with host and port
   */
  private String address(ActorRef<?> ref) {
    var a = ref.path().address();
    return (a.hasLocalScope() ? getContext().getSystem().address() : a).toString();
  }

  private Behavior<CoordinatorMessage> onRunEnded(RunEnded m) {
    if (m.runId().equals(activeRun)) {
      activeRun = null;
      activeDriver = null;
      activeClient = null;
      startQueued();
    }
    return this;
  }
}
