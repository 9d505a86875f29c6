package dpcsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --set PATH=VALUE}, repeatable: changes one field of the scenario for this command, as if
 * the file said so (ScenarioSets). Shared by run, compare, debug, bench and validate.
 */
final class SetOptions {
  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description =
          "sets a field of the scenario as if the file said so, checked the same way; repeatable,"
              + " applied in order: --set dpcs.nicRx.target=3 --set"
              + " devices.nic.interrupts.poisson=40000/s --set load.default=0.6")
  List<String> sets = new ArrayList<>();
}
