package dpcsim.cli;

import dpcsim.actors.ClusterKeys;
import dpcsim.actors.ClusterMember;
import dpcsim.engine.Placement;
import dpcsim.scenario.ScenarioText;
import dpcsim.wire.CoordinatorMessage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dpcsim status --cluster ADDR}: the members, their roles and reachability, and the run. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows a running cluster: members, roles, reachability, and where the current run's"
            + " processors are.")
final class StatusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--cluster",
      required = true,
      paramLabel = "ADDR",
      description = "a node of the cluster, pekko://dpcsim@H:P")
  String cluster;

  @Option(
      names = "--keys",
      paramLabel = "DIR",
      description = "the cluster's keys (dpcsim keys init DIR; default: $DPCSIM_KEYS, else none)")
  String keys;

  @Option(
      names = "--timeout",
      paramLabel = "D",
      defaultValue = "20s",
      description =
          "gives up after D, joining and the coordinator's answer included (default:"
              + " ${DEFAULT-VALUE})")
  String timeout;

  @Override
  public Integer call() {
    FlagValues.nodeAddress("--cluster", cluster);
    Duration limit = Duration.ofNanos(FlagValues.positiveDuration("--timeout", timeout));
    long deadline = System.nanoTime() + limit.toNanos();
    ClusterMember client = ClusterClient.join(cluster, ClusterKeys.named(keys), limit);
    try {
      PrintWriter out = spec.commandLine().getOut();
      Cluster c = Cluster.get(client.system());
      var state = c.state();
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"address", "status", "roles", "reachable"});
      for (Member m : state.getMembers()) {
        if (m.address().equals(c.selfMember().address())) {
          continue; // this status command itself
        }
        List<String> roles = new ArrayList<>(m.getRoles());
        roles.removeIf(r -> r.startsWith("dc-"));
        roles.sort(String::compareTo);
        rows.add(
            new String[] {
              m.address().toString(),
              m.status().toString(),
              String.join(",", roles),
              state.getUnreachable().contains(m) ? "no" : "yes"
            });
      }
      print(out, rows);
      CoordinatorMessage.Status s;
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
      try {
        s =
            AskPattern.<CoordinatorMessage, CoordinatorMessage.Status>ask(
                    client.coordinator(),
                    CoordinatorMessage.GetStatus::new,
                    left,
                    client.system().scheduler())
                .toCompletableFuture()
                .join();
      } catch (CompletionException e) {
        throw new UserError(
            "the coordinator did not answer within "
                + ClusterMember.seconds(limit)
                + " (is one running?)");
      }
      out.println();
      out.println("processor hosts known to the coordinator: " + s.hosts().size());
      if (s.activeRun().isEmpty()) {
        out.println("no run in progress");
      } else {
        out.println(
            "run in progress: "
                + ScenarioText.escape(s.activeRun())
                + " ("
                + s.queued()
                + " queued)");
        for (Placement p : s.placement()) {
          out.println(
              "  processors " + p.firstCpu() + "-" + (p.endCpu() - 1) + " on " + p.address());
        }
      }
      out.flush();
      return 0;
    } finally {
      ClusterClient.leave(client, true);
    }
  }

  private static void print(PrintWriter out, List<String[]> rows) {
    int[] w = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        sb.append(r[i]).append(" ".repeat(w[i] - r[i].length() + 2));
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
