package dpcsim.cli;

import dpcsim.actors.ClusterKeys;
import dpcsim.actors.ClusterMember;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a cluster node listens, how it joins and with which keys: the node-starting commands'. */
final class NodeOptions {
  @Option(
      names = "--host",
      paramLabel = "H",
      description =
          "address to bind and advertise (default: pekko.remote.artery.canonical.hostname,"
              + " 127.0.0.1; <getHostAddress>: this machine's own address, as in a container)."
              + " Beyond loopback it needs --keys (or --insecure)")
  String host;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "port to listen on, 0 for a free one (default: the configured one, 0)")
  Integer port;

  @Option(
      names = "--seed-nodes",
      split = ",",
      paramLabel = "ADDR",
      description = "seed nodes, pekko://dpcsim@H:P[,...] (default: pekko.cluster.seed-nodes)")
  List<String> seeds = new ArrayList<>();

  @Option(
      names = "--health-port",
      paramLabel = "P",
      description =
          "serves health checks over HTTP on this node's --host address, port P: GET /health/alive"
              + " and /health/ready, 200 while the node is an Up member (Pekko Management; default:"
              + " off)")
  Integer healthPort;

  @Option(
      names = "--join-timeout",
      paramLabel = "D",
      defaultValue = "30s",
      description =
          "how long to try to join the cluster at start (default: ${DEFAULT-VALUE}); a node that"
              + " was a member and lost it tries again for as long, over and over")
  String joinTimeout;

  @Option(
      names = "--keys",
      paramLabel = "DIR",
      description =
          "the cluster's keys, made by 'dpcsim keys init DIR': the node speaks TLS with mutual"
              + " authentication and admits only members holding them (default: $DPCSIM_KEYS,"
              + " else none)")
  String keys;

  @Option(
      names = "--insecure",
      description =
          "listens beyond loopback without keys: anyone who reaches the port can join and be given"
              + " processors")
  boolean insecure;

  Duration joinTimeout() {
    return Duration.ofNanos(FlagValues.positiveDuration("--join-timeout", joinTimeout));
  }

  void check() {
    if (port != null && (port < 0 || port > 65535)) {
      throw new UserError("--port: " + port + " is not a port (0..65535)");
    }
    if (healthPort != null && (healthPort < 1 || healthPort > 65535)) {
      throw new UserError("--health-port: " + healthPort + " is not a port (1..65535)");
    }
    for (String s : seeds) {
      FlagValues.nodeAddress("--seed-nodes", s);
    }
    joinTimeout();
  }

  /**
   * @return the node's settings with these options, its keys checked; warns on {@code err} if it
   *     will listen beyond loopback without keys (--insecure)
   */
  ClusterMember.Settings settings(List<String> roles, Integer capacity, PrintWriter err) {
    ClusterKeys k = ClusterKeys.named(keys);
    if (k != null && insecure) {
      throw new UserError("--insecure and --keys (or DPCSIM_KEYS): choose one");
    }
    ClusterMember.Settings s =
        new ClusterMember.Settings(roles, host, port, seeds, capacity).withKeys(k, insecure);
    String exposed = insecure ? ClusterMember.exposedHost(s) : null;
    if (exposed != null) {
      err.println(
          "dpcsim: warning: --insecure: listening on "
              + exposed
              + " without keys; anyone who reaches this port can join the cluster and be given"
              + " processors (docs/security.md)");
      err.flush();
    }
    return s;
  }
}
