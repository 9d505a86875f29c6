package dpcsim.cli;

import dpcsim.engine.ActorEngine;
import dpcsim.engine.ClusterMember;
import dpcsim.engine.Pauses;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.wire.ScenarioSource;
import java.time.Duration;
import java.util.List;

/**
 * {@code run --cluster}: joins the cluster as a {@code client} member (no processors, no
 * coordinator), submits the run to the coordinator singleton, collects the trace, and leaves.
 */
final class ClusterClient {
  static final String CLIENT_ROLE = "client";

  private ClusterClient() {}

  static ClusterMember join(String seed) {
    // The client reports a lost node itself, in one line; the cluster's own warnings are noise.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.pekko.cluster"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    return ClusterMember.start(
        new ClusterMember.Settings(List.of(CLIENT_ROLE), null, 0, List.of(seed), null),
        Duration.ofSeconds(20));
  }

  static RunResult run(
      String seed,
      int nodes,
      long waitForNodesMs,
      Scenario scenario,
      ScenarioSource source,
      TraceOutputs outputs,
      ActorEngine.Options options) {
    ClusterMember client = join(seed);
    boolean completed = false;
    try {
      RunResult r =
          ActorEngine.runOn(
              client.system(),
              client.coordinator(),
              scenario,
              source,
              outputs,
              nodes,
              waitForNodesMs,
              options,
              Pauses.NEVER);
      completed = true;
      return r;
    } finally {
      // Leave gracefully after a good run (an unreachable client would hold the cluster's
      // convergence); after a failure the cluster may not converge soon, so do not wait.
      client.closeWithin(completed ? Duration.ofSeconds(10) : Duration.ofSeconds(1));
    }
  }
}
