package dpcsim.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dpcsim.coordinator.RunClient;
import dpcsim.engine.CancelToken;
import dpcsim.engine.EngineCounters;
import dpcsim.engine.RunCancelled;
import dpcsim.engine.RunFailure;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.stats.StatsCollector;
import dpcsim.trace.TracePipe;
import dpcsim.trace.TraceWriter;
import dpcsim.wire.CoordinatorMessage;
import dpcsim.wire.RunReply;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;

/**
 * The actor engine's embedded default: this JVM becomes a real one-node Pekko cluster (cluster
 * provider, Artery on 127.0.0.1, a free port) with both roles, joins itself, and runs the scenario
 * through the coordinator singleton and this node's processor host.
 */
public final class ActorEngine {
  /** The engine's name in {@code --engine} and in results. */
  public static final String NAME = "actors";

  /**
   * Tuning and guards.
   *
   * @param windowCap the largest window span in ns (results never depend on it)
   * @param progressTimeout the wall-clock guard: the run fails if no processor answers this long
   * @param shutdownWait how long to wait for the embedded cluster to stop after the run (zero for a
   *     process that exits right after)
   * @param cancel stops the run early: the coordinator is asked to end it
   */
  public record Options(
      long windowCap, Duration progressTimeout, Duration shutdownWait, CancelToken cancel) {
    public static final Options DEFAULT =
        new Options(Long.MAX_VALUE, Duration.ofSeconds(60), Duration.ofSeconds(20));

    /** Options for a run nobody cancels. */
    public Options(long windowCap, Duration progressTimeout, Duration shutdownWait) {
      this(windowCap, progressTimeout, shutdownWait, CancelToken.NEVER);
    }

    /**
     * @return these options with {@code token} as the run's cancel token
     */
    public Options withCancel(CancelToken token) {
      return new Options(windowCap, progressTimeout, shutdownWait, token);
    }
  }

  private ActorEngine() {}

  /**
   * @return the configuration of a node: {@code -D} properties and {@code CONFIG_FORCE_}
   *     environment variables first, then the user's application.conf (or {@code -Dconfig.file}),
   *     then dpcsim.conf, then the libraries' reference.conf
   */
  public static Config embeddedConfig() {
    return embeddedConfig(Thread.currentThread().getContextClassLoader());
  }

  /**
   * @return {@link #embeddedConfig()} with application.conf and dpcsim.conf looked up through
   *     {@code loader}
   */
  static Config embeddedConfig(ClassLoader loader) {
    // ConfigFactory.load(config) puts the overrides above and reference.conf below the argument.
    return ConfigFactory.load(
        loader,
        ConfigFactory.defaultApplication(loader)
            .withFallback(ConfigFactory.parseResources(loader, "dpcsim.conf")));
  }

  /**
   * Runs {@code scenario} (whose text is {@code source}) on a one-node cluster in this JVM.
   *
   * @throws RunFailure if the run does not complete
   */
  public static RunResult run(
      Scenario scenario, ScenarioSource source, TraceOutputs outputs, Options options) {
    EmbeddedCluster cluster = EmbeddedCluster.start();
    try {
      return cluster.run(scenario, source, outputs, options);
    } finally {
      cluster.closeWithin(options.shutdownWait());
    }
  }

  /**
   * Runs {@code scenario} on a one-node cluster in this JVM, pausing for the debugger.
   *
   * @throws RunFailure if the run does not complete
   */
  public static RunResult debug(
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      Options options,
      Pauses pauses) {
    EmbeddedCluster cluster = EmbeddedCluster.start();
    try {
      return cluster.run(scenario, source, outputs, options, pauses);
    } finally {
      cluster.closeWithin(options.shutdownWait());
    }
  }

  /**
   * Submits a run to the coordinator reachable from {@code system} and collects its trace.
   *
   * @throws RunFailure if the run does not complete
   * @throws RunCancelled if {@code options.cancel()} stops it first
   */
  public static RunResult runOn(
      ActorSystem<?> system,
      ActorRef<CoordinatorMessage> coordinator,
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      int nodes,
      Options options) {
    return runOn(
        system, coordinator, scenario, source, outputs, nodes, 30_000, options, Pauses.NEVER);
  }

  /**
   * Like {@link #runOn(ActorSystem, ActorRef, Scenario, ScenarioSource, TraceOutputs, int,
   * Options)}, waiting at most {@code waitForNodesMs} for {@code nodes} processor nodes and pausing
   * for the debugger as {@code pauses} says.
   */
  public static RunResult runOn(
      ActorSystem<?> system,
      ActorRef<CoordinatorMessage> coordinator,
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      int nodes,
      long waitForNodesMs,
      Options options,
      Pauses pauses) {
    TraceWriter writer = outputs.writer();
    StatsCollector stats = StatsCollector.forScenario(scenario);
    try (TracePipe pipe = outputs.pipe(writer, stats)) {
      return runOn(
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

  private static RunResult runOn(
      ActorSystem<?> system,
      ActorRef<CoordinatorMessage> coordinator,
      Scenario scenario,
      ScenarioSource source,
      int nodes,
      long waitForNodesMs,
      Options options,
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
                pipe,
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
        NAME,
        ((RunClient.Outcome.Completed) o).placement().size(),
        f.simulatedNs(),
        f.stoppedByWatchdog(),
        writer.events(),
        writer.sha256Hex(),
        stats.stats(),
        f.processed(),
        ((RunClient.Outcome.Completed) o).placement(),
        new EngineCounters(f.windows(), f.sharedSteps(), f.messages(), f.actorMessages()));
  }
}
