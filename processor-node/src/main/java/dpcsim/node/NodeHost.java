package dpcsim.node;

import dpcsim.kernel.CrossCpu;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Profiles;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.Partition;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.lookahead.SendLimits;
import dpcsim.partition.NodeWindows;
import dpcsim.scenario.Op;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScriptAction;
import dpcsim.scenario.Tunable;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.HostMessage;
import dpcsim.wire.ProcessorMessage;
import dpcsim.wire.ProcessorReply;
import dpcsim.wire.TunableChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * The processor host of one node: registered with the Receptionist, it builds the processors the
 * coordinator assigns to this node (one {@link ProcessorActor} each, sharing the node's KDPC
 * objects), passes each window's work to them and answers the coordinator once per node and step,
 * in parts no larger than a remote frame allows.
 */
public final class NodeHost extends AbstractBehavior<HostMessage> {
  /** The Receptionist key processor hosts register under. */
  public static final ServiceKey<HostMessage> KEY =
      ServiceKey.create(HostMessage.class, "processor-hosts");

  private record ProcessorReplied(ProcessorReply reply) implements HostMessage {}

  /** A host registered under {@link #KEY} that accepts any number of processors. */
  public static Behavior<HostMessage> create() {
    return create(Integer.MAX_VALUE, false);
  }

  /** A host registered under {@link #KEY} that accepts at most {@code capacity} processors. */
  public static Behavior<HostMessage> create(int capacity, boolean announce) {
    return Behaviors.setup(context -> new NodeHost(context, capacity, announce));
  }

  private final int capacity;
  private final boolean announce;

  private final ActorRef<ProcessorReply> replies;
  private final String address;

  /** This host among the hosts of its node (a node may run several, a partition each). */
  private final String hostId;

  private Run run;

  /** The run this host takes part in. */
  private static final class Run {
    final String id;
    final ActorRef<DriverMessage> driver;
    final int firstCpu;
    final List<ActorRef<ProcessorMessage>> processors;
    final NodeWindows windows;
    long step = -1;
    int waiting;
    long processorMessages;
    final boolean driverIsRemote;

    Run(String id, ActorRef<DriverMessage> driver, int firstCpu, NodeWindows windows) {
      this.id = id;
      this.driver = driver;
      this.firstCpu = firstCpu;
      this.processors = new ArrayList<>();
      this.windows = windows;
      // Only a remote driver's messages must fit a frame: a local one takes a report whole.
      this.driverIsRemote = !driver.path().address().hasLocalScope();
    }
  }

  private NodeHost(ActorContext<HostMessage> context, int capacity, boolean announce) {
    super(context);
    this.capacity = capacity;
    this.announce = announce;
    this.replies = context.messageAdapter(ProcessorReply.class, ProcessorReplied::new);
    this.address = context.getSystem().address().toString();
    this.hostId = address + "/" + context.getSelf().path().name();
    context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
  }

  @Override
  public Receive<HostMessage> createReceive() {
    return newReceiveBuilder()
        .onMessage(HostMessage.Prepare.class, this::onPrepare)
        .onMessage(HostMessage.Window.class, this::onWindow)
        .onMessage(HostMessage.End.class, this::onEnd)
        .onMessage(ProcessorReplied.class, this::onProcessorReplied)
        .build();
  }

  private Behavior<HostMessage> onPrepare(HostMessage.Prepare m) {
    stopRun();
    int asked = m.endCpu() - m.firstCpu();
    if (asked > capacity) {
      m.driver()
          .tell(
              new DriverMessage.Failed(
                  m.runId(),
                  address,
                  -1,
                  0,
                  "its capacity is "
                      + capacity
                      + " processors, the run places "
                      + asked
                      + " there (add nodes or raise --capacity)",
                  true));
      return this;
    }
    Scenario scenario;
    try {
      scenario = parse(m);
    } catch (ScenarioException e) {
      m.driver().tell(new DriverMessage.Failed(m.runId(), address, -1, 0, e.getMessage(), true));
      return this;
    }
    Machine machine = new Machine(scenario);
    KdpcTable kdpcs = new KdpcTable(machine);
    DpcReach reach = new DpcReach(machine);
    Partition partition =
        Partition.ofFirsts(
            m.nodeFirsts().stream().mapToInt(Integer::intValue).toArray(), scenario.processors());
    int node = partition.nodeOf(m.firstCpu());
    if (partition.first(node) != m.firstCpu() || partition.end(node) != m.endCpu()) {
      throw new IllegalStateException(
          "processors "
              + m.firstCpu()
              + "-"
              + (m.endCpu() - 1)
              + " are not a node of "
              + partition);
    }
    SendLimits crossing = reach.nodeSends(partition);
    NodeWindows windows = new NodeWindows(machine, reach, partition, node);
    Run r = new Run(m.runId(), m.driver(), m.firstCpu(), windows);
    List<ProcessorStatus> statuses = new ArrayList<>();
    for (int cpu = m.firstCpu(); cpu < m.endCpu(); cpu++) {
      ProcessorWindow w =
          new ProcessorWindow(
              cpu,
              machine,
              kdpcs,
              reach,
              tunables(m),
              c -> c >= m.firstCpu() && c < m.endCpu(),
              crossing);
      statuses.add(w.status());
      r.processors.add(
          getContext()
              .spawn(
                  ProcessorActor.create(w),
                  "cpu-" + cpu + "-" + m.runId(),
                  DispatcherSelector.sameAsParent()));
    }
    windows.start(statuses);
    run = r;
    if (announce) {
      getContext()
          .getLog()
          .info("{}: hosting processors {}-{}", m.runId(), m.firstCpu(), m.endCpu() - 1);
    }
    m.driver()
        .tell(
            new DriverMessage.Prepared(
                m.runId(), hostId, statuses, r.processors, windows.crossOutput()));
    return this;
  }

  /** The coordinator's tunable changes as the kernel schedules them (script actions, no cpu). */
  private static List<ScriptAction> tunables(HostMessage.Prepare m) {
    List<ScriptAction> out = new ArrayList<>();
    for (TunableChange c : m.tunables()) {
      out.add(
          new ScriptAction(
              c.index(), c.atNs(), null, new Op.SetTunable(Tunable.fromYaml(c.name()), c.value())));
    }
    return out;
  }

  private static Scenario parse(HostMessage.Prepare m) throws ScenarioException {
    if (m.scenario().refusal() != null) {
      throw new ScenarioException(m.scenario().name(), "", m.scenario().refusal());
    }
    return m.scenario().parse(new LinkedHashSet<>(Profiles.names()));
  }

  private Behavior<HostMessage> onWindow(HostMessage.Window m) {
    if (!current(m.runId())) {
      return this;
    }
    for (ProcessorStatus s : m.refreshed()) {
      run.windows.refresh(s);
    }
    List<CrossCpu> inbound = new ArrayList<>();
    for (HostMessage.CpuWork w : m.work()) {
      inbound.addAll(w.inbound());
    }
    run.step = m.step();
    run.processorMessages = 0;
    run.windows.grant(m.horizon(), m.lastInstant(), inbound);
    return nextLocalWindow();
  }

  /**
   * Runs the grant's next local window on the processors taking part, or, when the grant is done,
   * answers the driver.
   */
  private Behavior<HostMessage> nextLocalWindow() {
    NodeWindows.LocalWindow w = run.windows.next();
    if (w == null) {
      NodeWindows.GrantReport report = run.windows.finish();
      for (DriverMessage.Report part :
          ReportParts.split(
              run.id, run.step, hostId, report, run.processorMessages, run.driverIsRemote)) {
        run.driver.tell(part);
      }
      return this;
    }
    run.waiting = w.cpus().length;
    // Each processor gets one RunWindow and answers once.
    run.processorMessages += 2L * w.cpus().length;
    for (int i = 0; i < w.cpus().length; i++) {
      processor(w.cpus()[i])
          .tell(new ProcessorMessage.RunWindow(w.horizons()[i], w.inbound().get(i), replies));
    }
    return this;
  }

  private Behavior<HostMessage> onProcessorReplied(ProcessorReplied m) {
    if (run == null) {
      return this;
    }
    if (m.reply() instanceof ProcessorReply.Crashed c) {
      run.driver.tell(
          new DriverMessage.Failed(
              run.id, address, c.cpu(), c.timeNs(), c.cause(), c.scenarioFault()));
      return this;
    }
    run.windows.accept(((ProcessorReply.Ran) m.reply()).report());
    if (--run.waiting == 0) {
      return nextLocalWindow();
    }
    return this;
  }

  private Behavior<HostMessage> onEnd(HostMessage.End m) {
    if (current(m.runId())) {
      stopRun();
    }
    return this;
  }

  private boolean current(String runId) {
    return run != null && run.id.equals(runId);
  }

  private ActorRef<ProcessorMessage> processor(int cpu) {
    return run.processors.get(cpu - run.firstCpu);
  }

  private void stopRun() {
    if (run != null) {
      for (ActorRef<ProcessorMessage> p : run.processors) {
        getContext().stop(p);
      }
      run = null;
    }
  }
}
