package dpcsim.cli;

import dpcsim.scenario.EventEstimate;
import dpcsim.scenario.InsertOrigins;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dpcsim validate SCENARIO}: checks a scenario file without running it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a scenario file; prints what it defines and the simulation events it would"
            + " produce, or the first error.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML or JSON)")
  Path file;

  @Mixin EventBudget budget;

  @Mixin SetOptions set;

  @Override
  public Integer call() {
    Scenario s = ScenarioFiles.load(file, set.sets);
    EventEstimate estimate = budget.check(s);
    String shownFile = ScenarioText.escape(file.toString());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s: ok: \"%s\", profile %s, %d processor%s, %d DPC%s, %d device%s, %d script action%s%n",
        shownFile,
        ScenarioText.escape(s.name()),
        s.profile(),
        s.processors(),
        s.processors() == 1 ? "" : "s",
        s.dpcs().size(),
        s.dpcs().size() == 1 ? "" : "s",
        s.devices().size(),
        s.devices().size() == 1 ? "" : "s",
        s.script().size(),
        s.script().size() == 1 ? "" : "s");
    out.println(shownFile + ": " + ScenarioText.escape(budget.describe(estimate)));
    // Warnings leave the exit status 0: the scenario is valid, only probably not what was meant.
    InsertOrigins.warnings(s).forEach(out::println);
    return 0;
  }
}
