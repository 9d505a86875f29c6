package dpcsim.node;

import dpcsim.kernel.ProcessorWindow;
import dpcsim.kernel.ScenarioFault;
import dpcsim.wire.CborSerializable;
import dpcsim.wire.CrossCpu;
import dpcsim.wire.EventKey;
import dpcsim.wire.WindowReport;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One simulated processor as an actor: it owns the processor's KPRCB and DPC lists (inside its
 * {@link ProcessorWindow}) and only moves messages in and out of the kernel model. A processor that
 * throws does not restart (it would lose its state): it reports the failure, naming the processor,
 * the simulated time and the cause, and stops.
 */
public final class ProcessorActor extends AbstractBehavior<ProcessorActor.Command> {

  /** Commands from the node's host. */
  public sealed interface Command extends CborSerializable {}

  /** Run to {@code horizon} after taking the messages that reached this processor. */
  public record RunWindow(long horizon, List<CrossCpu> inbound, ActorRef<Reply> replyTo)
      implements Command {}

  /** Run the shared-KDPC event this processor waits on, then on to {@code horizon}. */
  public record RunShared(
      long horizon, List<CrossCpu> inbound, EventKey limit, ActorRef<Reply> replyTo)
      implements Command {}

  /** Answers to the host. */
  public sealed interface Reply extends CborSerializable {}

  /** What the processor did. */
  public record Ran(int cpu, WindowReport report) implements Reply {}

  /** The processor threw; it is stopped. */
  public record Crashed(int cpu, long timeNs, String cause, boolean scenarioFault)
      implements Reply {}

  /** A processor actor around {@code window} (already started). */
  public static Behavior<Command> create(ProcessorWindow window) {
    return Behaviors.setup(context -> new ProcessorActor(context, window));
  }

  private final ProcessorWindow window;
  private final int cpu;

  private ProcessorActor(ActorContext<Command> context, ProcessorWindow window) {
    super(context);
    this.window = window;
    this.cpu = window.processor().cpu();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(RunWindow.class, this::onRunWindow)
        .onMessage(RunShared.class, this::onRunShared)
        .build();
  }

  private Behavior<Command> onRunWindow(RunWindow m) {
    try {
      m.replyTo().tell(new Ran(cpu, window.run(m.horizon(), m.inbound())));
      return this;
    } catch (RuntimeException e) {
      return crash(m.replyTo(), e);
    }
  }

  private Behavior<Command> onRunShared(RunShared m) {
    try {
      m.replyTo().tell(new Ran(cpu, window.stepShared(m.horizon(), m.inbound(), m.limit())));
      return this;
    } catch (RuntimeException e) {
      return crash(m.replyTo(), e);
    }
  }

  private Behavior<Command> crash(ActorRef<Reply> replyTo, RuntimeException e) {
    getContext().getLog().debug("processor {} failed", cpu, e);
    String cause = e.getMessage() == null ? e.toString() : e.getMessage();
    replyTo.tell(
        new Crashed(cpu, window.processor().timeOfLastEvent(), cause, e instanceof ScenarioFault));
    return Behaviors.stopped();
  }
}
