package dpcsim.cli;

import dpcsim.actors.ActorEngine;
import dpcsim.actors.Engine;
import dpcsim.engine.RunCancelled;
import dpcsim.engine.RunFailure;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.Profiles;
import dpcsim.kernel.ScenarioFault;
import dpcsim.report.CompareJson;
import dpcsim.report.CompareTable;
import dpcsim.report.ProfileFigures;
import dpcsim.report.ProfileOutcome;
import dpcsim.report.html.CompareHtml;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import dpcsim.wire.ScenarioSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dpcsim compare SCENARIO --profiles P1,P2,...}: the same workload under several kernel
 * profiles, side by side; or variants of it ({@code --variant NAME:PATH=VALUE;...}), or several
 * files, each under one or several profiles ({@link CompareColumns}). Each column is a full run; a
 * column whose scenario faults shows the fault and does not stop the others.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Runs a scenario under several kernel profiles, as variants (--variant), or several"
            + " scenario files, and prints their machine-wide figures side by side (or --json;"
            + " --html FILE also writes them as a page).")
final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0..*",
      arity = "1..*",
      paramLabel = "SCENARIO",
      description = "scenario file (YAML or JSON); several: one column each")
  List<Path> files;

  @Option(
      names = "--variant",
      paramLabel = "NAME:PATH=VALUE;...",
      description =
          "a column: the file with these --set settings (none after the colon: the file as it"
              + " is); repeat for each, e.g. --variant normal: --variant"
              + " threaded:dpcs.nicRx.threaded=true")
  List<String> variants = new ArrayList<>();

  @Option(
      names = "--profiles",
      split = ",",
      paramLabel = "PROFILE",
      description =
          "kernel profiles, one column each (with variants or files: each under each profile), in"
              + " this order (ws03, win10, reactos, textbook)")
  List<String> profiles;

  @Option(
      names = "--engine",
      defaultValue = SequentialEngine.NAME,
      description =
          "sequential or actors (every profile on one embedded Pekko cluster); both give the"
              + " same figures. The default is sequential because compare runs one full"
              + " simulation per profile, and one thread with no cluster to start is the faster"
              + " way (default: ${DEFAULT-VALUE})")
  String engine;

  @Mixin ScenarioOverrides overrides;

  @Mixin SetOptions set;

  @Mixin WallLimit wallLimit;
  @Mixin EventBudget budget;

  @Option(names = "--json", description = "prints the figures as one JSON object")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "also writes the comparison as one self-contained HTML page (the table and a bar chart"
              + " per figure; no script, nothing fetched)")
  String html;

  @Option(names = "--force", description = "overwrites existing output files")
  boolean force;

  /** Stops the profiles' runs on Ctrl-C or at --max-wall. */
  private RunStop stop;

  @Override
  public Integer call() throws IOException {
    Engines.check("--engine", engine);
    List<CompareColumns.Column> columns = CompareColumns.of(files, variants, profiles, set.sets);
    if ("-".equals(html)) {
      throw new UserError("--html -: give a file name (the comparison goes to standard output)");
    }
    // Every column is loaded and checked before any runs.
    List<Scenario> scenarios = new ArrayList<>();
    for (CompareColumns.Column c : columns) {
      scenarios.add(load(c));
    }
    Scenario scenario = scenarios.get(0);
    stop = RunStop.start(spec.commandLine().getErr(), wallLimit.value);
    try {
      return compare(scenario, columns, scenarios);
    } catch (RunCancelled e) {
      throw stop.failure(e, scenario.durationNs());
    } finally {
      stop.close();
    }
  }

  /** The column's scenario, its settings applied and checked, under its profile. */
  private Scenario load(CompareColumns.Column c) {
    Scenario s;
    try {
      s = ScenarioFiles.load(c.file(), c.sets());
    } catch (UserError e) {
      throw new UserError(c.origin() + e.getMessage());
    }
    s = overrides.applyTo(s);
    budget.check(s);
    return c.profile() == null ? s : s.withProfile(c.profile());
  }

  private int compare(
      Scenario scenario, List<CompareColumns.Column> columns, List<Scenario> scenarios)
      throws IOException {
    // The page is checked and opened before any column runs, and written whole at the end.
    try (OutputFile page = html == null ? null : OutputFile.open(Path.of(html), "--html", force)) {
      List<ProfileOutcome> outcomes = runAll(columns, scenarios);
      if (page != null) {
        // A profile that faulted is part of the comparison: its column shows the fault.
        page.stream()
            .write(CompareHtml.render(scenario, engine, outcomes).getBytes(StandardCharsets.UTF_8));
        page.commit();
      }
      return report(scenario, outcomes);
    }
  }

  /** Prints the table or the JSON; returns the exit status (2 if a profile faulted). */
  private int report(Scenario scenario, List<ProfileOutcome> outcomes) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(CompareJson.render(scenario, outcomes));
    } else {
      for (String line : CompareTable.render(scenario, engine, outcomes)) {
        out.println(line);
      }
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    int status = 0;
    for (ProfileOutcome o : outcomes) {
      if (o instanceof ProfileOutcome.Faulted f) {
        // As 'dpcsim run' would: a scenario fault is exit status 2, one line naming it.
        err.println(
            "dpcsim: " + ScenarioText.escape(f.column()) + ": " + ScenarioText.escape(f.message()));
        status = Main.USER_ERROR;
      }
    }
    err.flush();
    return status;
  }

  /**
   * @return the profiles, checked before anything runs: known, each once, at least one
   * @throws UserError otherwise
   */
  static List<String> checkProfiles(List<String> names) {
    String known = String.join(", ", Profiles.names());
    if (names == null || names.isEmpty()) {
      throw new UserError("--profiles: no profile given (expected some of " + known + ")");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String name : names) {
      if (name.isBlank()) {
        throw new UserError(
            "--profiles: an empty name in the list (expected some of " + known + ")");
      }
      if (!Profiles.names().contains(name)) {
        throw new UserError(
            "--profiles: unknown profile '" + name + "' (expected some of " + known + ")");
      }
      if (!seen.add(name)) {
        throw new UserError("--profiles: '" + name + "' is listed twice");
      }
    }
    return List.copyOf(seen);
  }

  private List<ProfileOutcome> runAll(
      List<CompareColumns.Column> columns, List<Scenario> scenarios) {
    Duration wait = RunCommand.exitsAfterRun ? Duration.ZERO : Duration.ofSeconds(20);
    ActorEngine.Options options =
        new ActorEngine.Options(
            ActorEngine.Options.DEFAULT.windowCap(),
            ActorEngine.Options.DEFAULT.progressTimeout(),
            wait,
            stop.token());
    // One engine for every column: a cluster's start-up is paid once.
    Engine running = Engines.start("--engine", engine, Engines.Settings.DEFAULT);
    try {
      PrintWriter err = spec.commandLine().getErr();
      boolean progress = ProgressDisplay.stderrIsTerminal();
      List<ProfileOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        CompareColumns.Column c = columns.get(i);
        Scenario s = scenarios.get(i);
        String label = c.label() != null ? c.label() : s.profile();
        String what = label.equals(c.profile()) ? "profile " : "column ";
        stop.during(what + label + ", " + (i + 1) + " of " + columns.size());
        if (progress) {
          err.println(
              "dpcsim: compare: running " + label + " (" + (i + 1) + "/" + columns.size() + ")");
          err.flush();
        }
        ScenarioSource source =
            new ScenarioSource(
                    ScenarioFiles.text(c.file()), c.file().toString(), s.seed(), s.durationNs())
                .withSets(c.sets());
        ScenarioSource src = c.profile() == null ? source : source.withProfile(c.profile());
        outcomes.add(
            outcome(
                s.profile(),
                label,
                p -> ProfileFigures.of(running.run(s, src, TraceOutputs.NONE, options))));
      }
      return outcomes;
    } finally {
      running.closeWithin(wait);
    }
  }

  /**
   * @return the figures of {@code run} under {@code profile}, or the scenario fault it raised (on
   *     the sequential engine a {@link ScenarioFault}, on the actor engine a failure with exit
   *     status 2); any other failure ends the whole command
   */
  static ProfileOutcome outcome(String profile, Function<String, ProfileFigures> run) {
    return outcome(profile, profile, run);
  }

  /** As {@link #outcome(String, Function)}, in the column labelled {@code column}. */
  static ProfileOutcome outcome(
      String profile, String column, Function<String, ProfileFigures> run) {
    try {
      return new ProfileOutcome.Ran(run.apply(profile), column);
    } catch (ScenarioFault e) {
      return new ProfileOutcome.Faulted(profile, e.getMessage(), column);
    } catch (RunFailure e) {
      if (e.exitStatus() != Main.USER_ERROR) {
        throw e;
      }
      return new ProfileOutcome.Faulted(profile, e.getMessage(), column);
    }
  }
}
