package dpcsim.cli;

import dpcsim.actors.ActorEngine;
import dpcsim.actors.Engine;
import dpcsim.actors.LocalCluster;
import dpcsim.actors.Pauses;
import dpcsim.debug.ActorTarget;
import dpcsim.debug.DebugConsole;
import dpcsim.debug.DebugSession;
import dpcsim.debug.DebugTarget;
import dpcsim.debug.SequentialTarget;
import dpcsim.engine.CancelToken;
import dpcsim.engine.RunCancelled;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.Durations;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import dpcsim.wire.ScenarioSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dpcsim debug SCENARIO}: runs to a break and opens a WinDbg-style prompt on the simulated
 * machine ({@code !dpcs}, {@code !irql}, {@code !ipi}, {@code !prcb}, {@code dt _KDPC}).
 */
@Command(
    name = "debug",
    mixinStandardHelpOptions = true,
    description =
        "Runs a scenario to a break (a time or an event) and opens a kernel-debugger prompt"
            + " (!dpcs, !irql, !ipi, !prcb, dt _KDPC, g, p, bp; .help lists them).")
final class DebugCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML or JSON)")
  Path file;

  @Option(
      names = "--engine",
      defaultValue = "sequential",
      description = "sequential (exact single steps) or actors (default: ${DEFAULT-VALUE})")
  String engine;

  @Mixin ScenarioOverrides overrides;

  @Mixin SetOptions set;

  @Mixin EventBudget budget;

  @Option(
      names = "--break-at",
      paramLabel = "T",
      description =
          "first break: before simulated time T, e.g. 120us (default: 0, before any event; with"
              + " --break-on: none)")
  String breakAt;

  @Option(
      names = "--break-on",
      paramLabel = "EVENT",
      description =
          "breaks after the instant of an event: ipi, watchdog or dpc:NAME (repeatable; these"
              + " become breakpoints 0, 1, ...)")
  List<String> breakOn = new ArrayList<>();

  @Option(
      names = "--commands",
      paramLabel = "FILE",
      description =
          "runs the debugger commands in FILE, echoing each after the prompt, then quits (standard"
              + " input that is not a terminal is read the same way)")
  Path commands;

  @Option(
      names = "--local-nodes",
      paramLabel = "N",
      description =
          "with --engine actors: N processor nodes and a coordinator as separate actor systems on"
              + " 127.0.0.1 in this JVM (the commands then ask processors across nodes)")
  Integer localNodes;

  @Override
  public Integer call() throws IOException {
    Engines.check("--engine", engine);
    Scenario scenario = ScenarioFiles.load(file, set.sets);
    scenario = overrides.applyTo(scenario);
    budget.check(scenario);
    checkNodes(scenario);
    long firstBreak = breakOn.isEmpty() ? 0 : Long.MAX_VALUE;
    if (breakAt != null) {
      try {
        firstBreak = Durations.parse(breakAt);
      } catch (IllegalArgumentException e) {
        throw new UserError("--break-at: " + e.getMessage());
      }
    }
    BufferedReader script = openCommands();
    PrintWriter out = spec.commandLine().getOut();
    RunStop stop = RunStop.start(spec.commandLine().getErr(), null);
    stop.leaves(""); // the debugger writes no file
    try {
      return debug(scenario, firstBreak, script, stop);
    } catch (RunCancelled e) {
      out.flush();
      throw stop.failure(e, scenario.durationNs());
    } finally {
      stop.close();
      if (script != null) {
        script.close();
      }
    }
  }

  private int debug(Scenario scenario, long firstBreak, BufferedReader script, RunStop stop)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (DebugTarget target = target(scenario, stop.token())) {
      DebugSession session = new DebugSession(target, Profiles.byName(scenario.profile()));
      for (String b : breakOn) {
        List<String> error = session.addBreakpoint(b);
        if (!error.isEmpty()) {
          throw new UserError("--break-on " + error.get(0));
        }
      }
      out.println(
          "dpcsim kernel debugger: "
              + ScenarioText.escape(file.toString())
              + ", profile "
              + scenario.profile()
              + ", "
              + scenario.processors()
              + " processors, engine "
              + target.engine());
      DebugConsole.print(out, session.start(firstBreak));
      if (script != null) {
        DebugConsole.script(session, script, out);
      } else {
        DebugConsole.interactive(session, out, stop::interrupt);
      }
    }
    return 0;
  }

  private void checkNodes(Scenario scenario) {
    if (localNodes == null) {
      return;
    }
    if (!engine.equals(ActorEngine.NAME)) {
      throw new UserError("--local-nodes needs --engine actors");
    }
    if (localNodes < 1 || localNodes > scenario.processors()) {
      throw new UserError(
          "--local-nodes: "
              + localNodes
              + " nodes for "
              + scenario.processors()
              + " processors (1.."
              + scenario.processors()
              + ")");
    }
  }

  private DebugTarget target(Scenario scenario, CancelToken cancel) {
    if (engine.equals(SequentialEngine.NAME)) {
      // The debugger steps a sequential run itself, event by event.
      return new SequentialTarget(scenario, TraceOutputs.NONE, cancel);
    }
    ScenarioSource source =
        new ScenarioSource(
                ScenarioFiles.text(file), file.toString(), scenario.seed(), scenario.durationNs())
            .withSets(set.sets);
    ActorEngine.Options options =
        new ActorEngine.Options(
            Long.MAX_VALUE,
            ActorEngine.Options.DEFAULT.progressTimeout(),
            RunCommand.exitsAfterRun ? Duration.ZERO : Duration.ofSeconds(20),
            cancel);
    String name = localNodes == null ? engine : LocalCluster.NAME;
    Engines.Settings settings = new Engines.Settings(localNodes, null, 1, 30_000, false, null);
    Scenario s = scenario;
    return new ActorTarget(
        scenario,
        TraceOutputs.NONE,
        (outputs, first, onPause) -> {
          Engine running = Engines.start("--engine", name, settings);
          try {
            return running.run(s, source, outputs, options, new Pauses(first, onPause));
          } finally {
            running.closeWithin(options.shutdownWait());
          }
        });
  }

  /** The script to run: --commands, or standard input when it is not a terminal; else null. */
  private BufferedReader openCommands() {
    if (commands != null) {
      try {
        return Files.newBufferedReader(commands, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserError("--commands: cannot read " + commands + ": " + e.getMessage());
      }
    }
    if (System.console() == null) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return null;
  }
}
