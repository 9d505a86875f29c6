package dpcsim.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a cluster node listens and how it joins: shared by the node-starting commands. */
final class NodeOptions {
  @Option(
      names = "--host",
      paramLabel = "H",
      description =
          "address to bind and advertise (default: pekko.remote.artery.canonical.hostname,"
              + " 127.0.0.1; <getHostAddress>: this machine's own address, as in a container)")
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
      description = "how long to try to join the cluster (default: ${DEFAULT-VALUE})")
  String joinTimeout;

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
  }
}
