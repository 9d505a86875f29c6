package dpcsim.node;

import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Profiles;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.ProcessorStatus;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.lookahead.WindowReport;
import dpcsim.scenario.Op;
import dpcsim.scenario.ParsedScenarios;
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

  /** Trace records per report part: tens of KB of CBOR, well under Artery's 256 KiB frame. */
  static final int RECORDS_PER_PART = 1000;

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
  private Run run;

  /** The run this host takes part in. */
  private static final class Run {
    final String id;
    final ActorRef<DriverMessage> driver;
    final int firstCpu;
    final List<ActorRef<ProcessorMessage>> processors;
    long step = -1;
    int waiting;
    List<WindowReport> reports = new ArrayList<>();

    Run(String id, ActorRef<DriverMessage> driver, int firstCpu) {
      this.id = id;
      this.driver = driver;
      this.firstCpu = firstCpu;
      this.processors = new ArrayList<>();
    }
  }

  private NodeHost(ActorContext<HostMessage> context, int capacity, boolean announce) {
    super(context);
    this.capacity = capacity;
    this.announce = announce;
    this.replies = context.messageAdapter(ProcessorReply.class, ProcessorReplied::new);
    this.address = context.getSystem().address().toString();
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
    Run r = new Run(m.runId(), m.driver(), m.firstCpu());
    List<ProcessorStatus> statuses = new ArrayList<>();
    for (int cpu = m.firstCpu(); cpu < m.endCpu(); cpu++) {
      ProcessorWindow w =
          new ProcessorWindow(
              cpu, machine, kdpcs, reach, tunables(m), c -> c >= m.firstCpu() && c < m.endCpu());
      statuses.add(w.status());
      r.processors.add(
          getContext().spawn(ProcessorActor.create(w), "cpu-" + cpu + "-" + m.runId()));
    }
    run = r;
    if (announce) {
      getContext()
          .getLog()
          .info("{}: hosting processors {}-{}", m.runId(), m.firstCpu(), m.endCpu() - 1);
    }
    m.driver().tell(new DriverMessage.Prepared(m.runId(), address, statuses, r.processors));
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
    Scenario s =
        ParsedScenarios.parse(
            m.scenario().text(), m.scenario().name(), new LinkedHashSet<>(Profiles.names()));
    return m.scenario().applyTo(s);
  }

  private Behavior<HostMessage> onWindow(HostMessage.Window m) {
    if (!current(m.runId())) {
      return this;
    }
    begin(m.step(), m.work().size());
    for (HostMessage.CpuWork w : m.work()) {
      processor(w.cpu()).tell(new ProcessorMessage.RunWindow(m.horizon(), w.inbound(), replies));
    }
    return this;
  }

  private void begin(long step, int expected) {
    run.step = step;
    run.waiting = expected;
    run.reports = new ArrayList<>(expected);
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
    run.reports.add(((ProcessorReply.Ran) m.reply()).report());
    if (--run.waiting == 0) {
      sendReports();
    }
    return this;
  }

  /** Sends the step's reports to the driver, cut so that no part carries too many records. */
  private void sendReports() {
    // Processors answer in any order; the wire carries them in processor order.
    run.reports.sort(java.util.Comparator.comparingInt(r -> r.status().cpu()));
    List<WindowReport> part = new ArrayList<>();
    int records = 0;
    for (WindowReport r : run.reports) {
      List<WindowReport> pieces = ReportParts.split(r, RECORDS_PER_PART);
      for (WindowReport piece : pieces) {
        if (records + piece.trace().size() > RECORDS_PER_PART && !part.isEmpty()) {
          run.driver.tell(new DriverMessage.Report(run.id, run.step, address, part, false, 0));
          part = new ArrayList<>();
          records = 0;
        }
        part.add(piece);
        records += piece.trace().size();
      }
    }
    // Each processor got one RunWindow and answered once: two actor messages per report.
    run.driver.tell(
        new DriverMessage.Report(run.id, run.step, address, part, true, 2 * run.reports.size()));
    run.reports = new ArrayList<>();
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
