package dpcsim.cli;

import dpcsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dpcsim validate SCENARIO}: checks a scenario file without running it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks a scenario file; prints what it defines, or the first error.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML or JSON)")
  Path file;

  @Override
  public Integer call() {
    Scenario s = ScenarioFiles.load(file);
    spec.commandLine()
        .getOut()
        .printf(
            "%s: ok: \"%s\", profile %s, %d processor%s, %d DPC%s, %d device%s, %d script"
                + " action%s%n",
            file,
            s.name(),
            s.profile(),
            s.processors(),
            s.processors() == 1 ? "" : "s",
            s.dpcs().size(),
            s.dpcs().size() == 1 ? "" : "s",
            s.devices().size(),
            s.devices().size() == 1 ? "" : "s",
            s.script().size(),
            s.script().size() == 1 ? "" : "s");
    return 0;
  }
}
