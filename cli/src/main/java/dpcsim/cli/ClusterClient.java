package dpcsim.cli;

import dpcsim.actors.ClusterKeys;
import dpcsim.actors.ClusterMember;
import java.time.Duration;
import java.util.List;

/**
 * {@code run --cluster}: joins the cluster as a {@code client} member (no processors, no
 * coordinator), submits the run to the coordinator singleton, collects the trace, and leaves.
 */
final class ClusterClient {
  static final String CLIENT_ROLE = "client";

  private ClusterClient() {}

  /** How long {@code status} and {@code run --cluster} try to join by default. */
  static final Duration JOIN_TIMEOUT = Duration.ofSeconds(20);

  static ClusterMember join(String seed, ClusterKeys keys) {
    return join(seed, keys, JOIN_TIMEOUT);
  }

  /**
   * @param keys the cluster's keys, or null for a cluster without (on loopback)
   */
  static ClusterMember join(String seed, ClusterKeys keys, Duration timeout) {
    // The client reports a lost node itself, in one line; the cluster's own warnings, and the
    // failure detector's about late heartbeats while this JVM is busy writing a trace, are noise.
    for (String name :
        List.of(
            "org.apache.pekko.cluster",
            // "Flush timeout" when the coordinator's node is lost: the exit-3 line says it all.
            "org.apache.pekko.remote.artery",
            "org.apache.pekko.remote.PhiAccrualFailureDetector",
            "org.apache.pekko.remote.DeadlineFailureDetector")) {
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
          .setLevel(ch.qos.logback.classic.Level.ERROR);
    }
    return ClusterMember.start(
        new ClusterMember.Settings(List.of(CLIENT_ROLE), null, 0, List.of(seed), null)
            .withKeys(keys, false),
        timeout);
  }

  /**
   * Leaves the cluster as a member leaves normally: the coordinator sees it removed, never
   * unreachable. After a failed run the cluster may be slow to converge (a lost node), so the wait
   * is shorter.
   */
  static void leave(ClusterMember client, boolean completed) {
    client.leaveWithin(completed ? Duration.ofSeconds(10) : Duration.ofSeconds(5));
  }
}
