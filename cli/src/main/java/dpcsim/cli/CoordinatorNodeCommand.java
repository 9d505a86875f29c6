package dpcsim.cli;

import dpcsim.actors.ClusterMember;
import dpcsim.coordinator.ClusterNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dpcsim coordinator}: a long-running node that hosts the coordinator singleton. */
@Command(
    name = "coordinator",
    mixinStandardHelpOptions = true,
    description =
        "Starts a cluster node with the coordinator role: it hosts the coordinator singleton and"
            + " accepts runs (dpcsim run --cluster). Without --seed-nodes it starts a new cluster.")
final class CoordinatorNodeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin NodeOptions node;

  @Override
  public Integer call() {
    node.check();
    ClusterMember.Settings s =
        node.settings(List.of(ClusterNode.COORDINATOR_ROLE), null, spec.commandLine().getErr());
    return StandingMember.serve(
        s, node, "coordinator", spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
