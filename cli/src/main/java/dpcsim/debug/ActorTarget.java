package dpcsim.debug;

import dpcsim.actors.ActorEngine;
import dpcsim.actors.PausedRun;
import dpcsim.breakpoint.BreakWatch;
import dpcsim.breakpoint.Breakpoint;
import dpcsim.breakpoint.Stop;
import dpcsim.engine.RunFailure;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.debug.KdpcSnapshot;
import dpcsim.kernel.debug.ProcessorSnapshot;
import dpcsim.kernel.debug.Snapshots;
import dpcsim.lookahead.KdpcState;
import dpcsim.scenario.Importance;
import dpcsim.scenario.Scenario;
import dpcsim.trace.TraceConsumer;
import dpcsim.wire.DebugControl;
import dpcsim.wire.DriverMessage;
import dpcsim.wire.KdpcLookup;
import dpcsim.wire.ProcessorMessage;
import dpcsim.wire.RunReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The actor engine under the debugger, on one node or several. The run's driver stops between
 * windows (RunProtocol's pause), every event before the break time run and none after; the
 * processor actors, on whichever node hosts them, answer snapshot queries and never change: the
 * trace is the same as a run that never paused. {@code p} runs one instant (every event at the next
 * event time). With breakpoints armed the driver runs one instant per window, so a hit stops right
 * after its instant, as on the sequential engine.
 *
 * <p>The run itself executes on a thread of its own (the engine's call blocks until the run ends);
 * pauses are handed to the prompt's thread through a queue.
 */
public final class ActorTarget implements DebugTarget {
  /** Starts an actor-engine run (embedded, or on local nodes) with these debug hooks. */
  public interface Launcher {
    /**
     * @return the run's result once it completes
     * @throws RunFailure if it does not
     */
    RunResult run(TraceOutputs outputs, DebugControl first, Consumer<PausedRun> onPause);
  }

  /** Asks to the processors: they answer at once while the run is paused. */
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

  /** "To the end, but stay open for inspection": the driver pauses after the last event. */
  private static final long END = Long.MAX_VALUE - 1;

  private final Scenario scenario;
  private final IpiLedger ipis;
  private final LinkedBlockingQueue<Object> news = new LinkedBlockingQueue<>();
  private final Thread runner;
  private PausedRun current;
  private RunResult result;
  private long reached;

  /**
   * Starts the run and waits until it is paused before its first event.
   *
   * @throws RunFailure if it fails first
   */
  public ActorTarget(Scenario scenario, TraceOutputs outputs, Launcher launcher) {
    this.scenario = scenario;
    this.ipis = new IpiLedger(scenario.processors());
    List<TraceConsumer> observers = new ArrayList<>(outputs.observers());
    observers.add(ipis);
    TraceOutputs withLedger =
        new TraceOutputs(outputs.trace(), outputs.ticks(), observers, outputs.hash());
    this.runner =
        new Thread(
            () -> {
              try {
                news.add(launcher.run(withLedger, new DebugControl(0, List.of()), news::add));
              } catch (RuntimeException e) {
                news.add(e);
              }
            },
            "dpcsim-debug-run");
    runner.setDaemon(true);
    runner.start();
    awaitStop();
  }

  @Override
  public int processors() {
    return scenario.processors();
  }

  @Override
  public ProcessorSnapshot snapshot(int cpu) {
    RunReply.Paused p = paused();
    ProcessorSnapshot s =
        AskPattern.<ProcessorMessage, ProcessorSnapshot>ask(
                p.processors().get(cpu),
                ProcessorMessage.Inspect::new,
                ASK_TIMEOUT,
                current.system().scheduler())
            .toCompletableFuture()
            .join();
    return new ProcessorSnapshot(
        s.cpu(),
        s.irql(),
        s.idle(),
        s.halted(),
        s.normal().stream().map(k -> latest(k, p.shared())).toList(),
        s.threaded().stream().map(k -> latest(k, p.shared())).toList(),
        s.prcb());
  }

  /**
   * Each node keeps its own copy of the KDPC objects. A KDPC that only one processor touches
   * changes only on that processor's node, so the copy that differs from the initial one is the
   * current one (if none differs, any is). A shared KDPC's latest fields are the driver's, from the
   * last shared step (its events run one at a time, so nothing else changed it since).
   */
  @Override
  public Optional<KdpcSnapshot> kdpc(String name) {
    RunReply.Paused p = paused();
    Optional<KdpcSnapshot> initial = Snapshots.find(new KdpcTable(new Machine(scenario)), name);
    if (initial.isEmpty()) {
      return initial;
    }
    KdpcSnapshot chosen = initial.get();
    for (int cpu : p.nodeFirstCpus()) {
      KdpcLookup l =
          AskPattern.<ProcessorMessage, KdpcLookup>ask(
                  p.processors().get(cpu),
                  r -> new ProcessorMessage.InspectKdpc(name, r),
                  ASK_TIMEOUT,
                  current.system().scheduler())
              .toCompletableFuture()
              .join();
      if (l.kdpc() != null && !l.kdpc().equals(initial.get())) {
        chosen = l.kdpc();
      }
    }
    for (KdpcState st : p.shared()) {
      if (st.dpc() == chosen.id()) {
        return Optional.of(withShared(chosen, st, st.queueOwner(), st.threadedList()));
      }
    }
    return Optional.of(chosen);
  }

  private static KdpcSnapshot latest(KdpcSnapshot k, List<KdpcState> shared) {
    for (KdpcState st : shared) {
      if (st.dpc() == k.id()) {
        return withShared(k, st, k.queueOwner(), k.threadedList()); // it sits in this queue
      }
    }
    return k;
  }

  private static KdpcSnapshot withShared(
      KdpcSnapshot k, KdpcState st, int queueOwner, boolean threadedList) {
    return new KdpcSnapshot(
        k.id(),
        k.name(),
        k.threaded(),
        k.type(),
        Importance.values()[st.importance()],
        st.number(),
        k.deferredContext(),
        st.systemArgument1(),
        st.systemArgument2(),
        queueOwner,
        threadedList);
  }

  @Override
  public IpiLedger ipis() {
    return ipis;
  }

  @Override
  public Stop runBefore(long time, List<Breakpoint> breakpoints) {
    if (ended()) {
      return Stop.at(reached, true);
    }
    List<String> specs = breakpoints.stream().map(Breakpoint::spec).toList();
    resume(new DebugControl(Math.min(time, END), specs));
    return awaitStop();
  }

  @Override
  public Stop step() {
    if (ended()) {
      return Stop.at(reached, true);
    }
    long t = current.paused().nextEventNs();
    resume(new DebugControl(t + 1, List.of()));
    Stop s = awaitStop();
    return Stop.at(t, s.ended());
  }

  @Override
  public RunResult finish() {
    if (result == null) {
      resume(new DebugControl(Long.MAX_VALUE, List.of()));
      awaitStop();
    }
    return result;
  }

  @Override
  public String engine() {
    return ActorEngine.NAME;
  }

  @Override
  public void close() {
    if (result == null && current != null) {
      finish();
    }
  }

  private boolean ended() {
    return result != null || current.paused().nextEventNs() == Long.MAX_VALUE;
  }

  private RunReply.Paused paused() {
    if (current == null) {
      throw new IllegalStateException("the run is not paused");
    }
    return current.paused();
  }

  private void resume(DebugControl control) {
    RunReply.Paused p = paused();
    current = null;
    p.driver().tell(new DriverMessage.Continue(p.runId(), control));
  }

  private Stop awaitStop() {
    Object o;
    try {
      o = news.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailure("interrupted while the run was going on", 1);
    }
    if (o instanceof RuntimeException e) {
      throw e;
    }
    if (o instanceof RunResult r) {
      result = r;
      return Stop.at(r.simulatedNs() + 1, true);
    }
    current = (PausedRun) o;
    RunReply.Paused p = current.paused();
    reached = p.reachedNs();
    boolean ended = p.nextEventNs() == Long.MAX_VALUE;
    if (p.hit() != null) {
      Breakpoint bp = Breakpoint.parse(p.hitSpec()).orElseThrow();
      return new Stop(reached, bp, BreakWatch.describe(p.hit()), p.hit().cpu(), ended);
    }
    return Stop.at(reached, ended);
  }
}
