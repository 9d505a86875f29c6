package dpcsim.cli;

import dpcsim.actors.ClusterMember;
import dpcsim.coordinator.ClusterNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dpcsim node}: a long-running processor node that hosts simulated processors. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description =
        "Starts a cluster node with the processor role: it hosts the processors the coordinator"
            + " places on it, run after run.")
final class NodeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin NodeOptions node;

  @Option(
      names = "--capacity",
      paramLabel = "N",
      description = "the most processors this node hosts in one run (default: 2048)")
  Integer capacity;

  @Override
  public Integer call() {
    node.check();
    if (node.seeds.isEmpty()) {
      throw new UserError(
          "--seed-nodes: a processor node joins an existing cluster: give the coordinator's"
              + " address, e.g. --seed-nodes pekko://dpcsim@127.0.0.1:2552");
    }
    if (capacity != null && capacity < 1) {
      throw new UserError("--capacity: must be at least 1, got " + capacity);
    }
    ClusterMember.Settings s =
        node.settings(List.of(ClusterNode.PROCESSOR_ROLE), capacity, spec.commandLine().getErr());
    return StandingMember.serve(
        s, node, "processor node", spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
