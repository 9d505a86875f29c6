package dpcsim.actors;

import dpcsim.coordinator.RunClient;
import dpcsim.engine.CancelToken;
import dpcsim.engine.EngineCounters;
import dpcsim.engine.RunCancelled;
import dpcsim.engine.RunFailure;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.stats.StatsCollector;
import dpcsim.trace.TraceFanout;
import dpcsim.trace.TraceNames;
import dpcsim.trace.TracePipe;
import dpcsim.trace.TraceWriter;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.RunReply;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;

/**
 * One run submitted to a coordinator from an actor system that is a member of its cluster (the
 * embedded node, the local nodes' coordinator, a client of a running cluster): the run client
 * actor, the trace pipe, the result. Every actor engine ends here; nothing here starts a cluster.
 */
public final class ClusterRun {
  private ClusterRun() {}

  /**
   * Submits a run to the coordinator reachable from {@code system} and collects its trace.
   *
   * @throws RunFailure if the run does not complete
   * @throws RunCancelled if {@code options.cancel()} stops it first
   */
  public static RunResult submit(
      ActorSystem<?> system,
      ActorRef<CoordinatorMessage> coordinator,
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      int nodes,
      ActorEngine.Options options) {
    return submit(
        system, coordinator, scenario, source, outputs, nodes, 30_000, options, Pauses.NEVER);
  }

  /**
   * Like {@link #submit(ActorSystem, ActorRef, Scenario, ScenarioSource, TraceOutputs, int,
   * ActorEngine.Options)}, waiting at most {@code waitForNodesMs} for {@code nodes} processor nodes
   * and pausing for the debugger as {@code pauses} says.
   */
  public static RunResult submit(
      ActorSystem<?> system,
      ActorRef<CoordinatorMessage> coordinator,
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      int nodes,
      long waitForNodesMs,
      ActorEngine.Options options,
      Pauses pauses) {
    TraceWriter writer = outputs.writer();
    StatsCollector stats = StatsCollector.forScenario(scenario);
    // The statistics run on the client actor's thread, the writer and observers behind the pipe:
    // the pipe's thread formats and hashes every event, the one thread all events wait for.
    try (TracePipe pipe = outputs.pipeWithoutStats(TraceNames.of(scenario), writer)) {
      return submit(
          system,
          coordinator,
          scenario,
          source,
          nodes,
          waitForNodesMs,
          options,
          pauses,
          writer,
          stats,
          pipe);
    }
  }

  private static RunResult submit(
      ActorSystem<?> system,
      ActorRef<CoordinatorMessage> coordinator,
      Scenario scenario,
      ScenarioSource source,
      int nodes,
      long waitForNodesMs,
      ActorEngine.Options options,
      Pauses pauses,
      TraceWriter writer,
      StatsCollector stats,
      TracePipe pipe) {
    if (options.cancel().isCancelled()) {
      throw new RunCancelled(-1);
    }
    CompletableFuture<RunClient.Outcome> outcome = new CompletableFuture<>();
    ActorRef<RunClient.Command> client =
        system.systemActorOf(
            RunClient.create(
                coordinator,
                source,
                nodes,
                options.windowCap(),
                waitForNodesMs,
                options.progressTimeout().toMillis(),
                Duration.ofMillis(waitForNodesMs + 30_000),
                new TraceFanout(List.of(stats, pipe)),
                outcome,
                pauses.control(),
                p -> {
                  // The debugger reads the observers (its IPI ledger) while paused: let the trace's
                  // thread catch up with everything sent so far first.
                  pipe.catchUp();
                  pauses.onPause().accept(new PausedRun(p, system));
                }),
            "run-client-" + System.identityHashCode(outcome),
            Props.empty());
    // A client removed from the cluster (downed) loses its actor system: fail, do not wait.
    system
        .getWhenTerminated()
        .thenRun(
            () ->
                outcome.complete(
                    new RunClient.Outcome.Failed(
                        "this process left the cluster before the run completed (it was"
                            + " unreachable too long and downed)",
                        1)));
    CancelToken.Registration cancel =
        options.cancel().onCancel(() -> client.tell(RunClient.Cancel.INSTANCE));
    RunClient.Outcome o;
    try {
      o = outcome.join();
    } finally {
      cancel.close();
    }
    if (o instanceof RunClient.Outcome.Cancelled c) {
      throw new RunCancelled(c.reachedNs());
    }
    if (o instanceof RunClient.Outcome.Failed f) {
      throw new RunFailure(f.message(), f.exitStatus());
    }
    RunReply.Finished f = ((RunClient.Outcome.Completed) o).finished();
    return new RunResult(
        scenario,
        ActorEngine.NAME,
        ((RunClient.Outcome.Completed) o).placement().size(),
        f.simulatedNs(),
        f.stoppedByWatchdog(),
        writer.events(),
        writer.sha256Hex(),
        stats.stats(),
        f.processed(),
        ((RunClient.Outcome.Completed) o).placement(),
        new EngineCounters(
            f.windows(), f.sharedSteps(), f.messages(), f.actorMessages(), f.localWindows()));
  }
}
