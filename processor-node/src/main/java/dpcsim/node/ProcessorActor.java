package dpcsim.node;

import dpcsim.kernel.ScenarioFault;
import dpcsim.kernel.debug.Snapshots;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.wire.KdpcLookup;
import dpcsim.wire.ProcessorMessage;
import dpcsim.wire.ProcessorReply;
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
public final class ProcessorActor extends AbstractBehavior<ProcessorMessage> {

  /** A processor actor around {@code window} (already started). */
  public static Behavior<ProcessorMessage> create(ProcessorWindow window) {
    return Behaviors.setup(context -> new ProcessorActor(context, window));
  }

  private final ProcessorWindow window;
  private final int cpu;

  private ProcessorActor(ActorContext<ProcessorMessage> context, ProcessorWindow window) {
    super(context);
    this.window = window;
    this.cpu = window.processor().cpu();
  }

  @Override
  public Receive<ProcessorMessage> createReceive() {
    return newReceiveBuilder()
        .onMessage(ProcessorMessage.RunWindow.class, this::onRunWindow)
        .onMessage(ProcessorMessage.RunShared.class, this::onRunShared)
        .onMessage(ProcessorMessage.Inspect.class, this::onInspect)
        .onMessage(ProcessorMessage.InspectKdpc.class, this::onInspectKdpc)
        .build();
  }

  private Behavior<ProcessorMessage> onRunWindow(ProcessorMessage.RunWindow m) {
    try {
      m.replyTo().tell(new ProcessorReply.Ran(cpu, window.run(m.horizon(), m.inbound())));
      return this;
    } catch (RuntimeException e) {
      return crash(m.replyTo(), e);
    }
  }

  private Behavior<ProcessorMessage> onRunShared(ProcessorMessage.RunShared m) {
    try {
      m.replyTo()
          .tell(
              new ProcessorReply.Ran(
                  cpu, window.stepShared(m.horizon(), m.inbound(), m.limit(), m.shared())));
      return this;
    } catch (RuntimeException e) {
      return crash(m.replyTo(), e);
    }
  }

  private Behavior<ProcessorMessage> onInspect(ProcessorMessage.Inspect m) {
    m.replyTo().tell(Snapshots.of(window.processor()));
    return this;
  }

  private Behavior<ProcessorMessage> onInspectKdpc(ProcessorMessage.InspectKdpc m) {
    m.replyTo()
        .tell(new KdpcLookup(m.name(), Snapshots.find(window.kdpcs(), m.name()).orElse(null)));
    return this;
  }

  private Behavior<ProcessorMessage> crash(ActorRef<ProcessorReply> replyTo, RuntimeException e) {
    getContext().getLog().debug("processor {} failed", cpu, e);
    String cause = e.getMessage() == null ? e.toString() : e.getMessage();
    replyTo.tell(
        new ProcessorReply.Crashed(
            cpu, window.processor().timeOfLastEvent(), cause, e instanceof ScenarioFault));
    return Behaviors.stopped();
  }
}
