package dpcsim.cli;

import dpcsim.engine.ActorEngine;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.report.StatsJson;
import dpcsim.report.SummaryTable;
import dpcsim.scenario.Durations;
import dpcsim.scenario.Scenario;
import dpcsim.wire.ScenarioSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dpcsim run SCENARIO}: runs a scenario and reports what its processors did. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs a scenario and prints a per-processor summary (or --json statistics).")
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML or JSON)")
  Path file;

  @Option(
      names = "--engine",
      defaultValue = "actors",
      description =
          "actors (a one-node Pekko cluster in this JVM) or sequential (one thread, the"
              + " reference); both give the same trace (default: ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--seed", description = "overrides the scenario's seed")
  Long seed;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "overrides the simulated duration, e.g. 500ms")
  String duration;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description = "writes the JSON Lines trace to FILE ('-' for standard output)")
  String trace;

  @Option(names = "--trace-ticks", description = "includes clock Tick events in the trace")
  boolean traceTicks;

  @Option(names = "--json", description = "prints the run statistics as one JSON object")
  boolean json;

  @Option(names = "--force", description = "overwrites existing output files")
  boolean force;

  /** Set by {@code main}: the JVM exits after this command, so nothing waits for shutdown. */
  static volatile boolean exitsAfterRun;

  @Option(
      names = "--window-cap",
      hidden = true,
      paramLabel = "D",
      description = "caps the actor engine's window span (tuning; results never change)")
  String windowCap;

  private long windowCapNs() {
    if (windowCap == null) {
      return Long.MAX_VALUE;
    }
    try {
      long ns = Durations.parse(windowCap);
      if (ns <= 0) {
        throw new IllegalArgumentException("must be greater than zero");
      }
      return ns;
    } catch (IllegalArgumentException e) {
      throw new UserError("--window-cap: " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws IOException {
    if (!engine.equals(SequentialEngine.NAME) && !engine.equals("actors")) {
      throw new UserError(
          "--engine: unknown engine '" + engine + "' (expected sequential or actors)");
    }
    Scenario scenario = ScenarioFiles.load(file);
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    if (duration != null) {
      long ns;
      try {
        ns = Durations.parse(duration);
      } catch (IllegalArgumentException e) {
        throw new UserError("--duration: " + e.getMessage());
      }
      if (ns <= 0) {
        throw new UserError("--duration: must be greater than zero, got '" + duration + "'");
      }
      scenario = scenario.withDuration(ns);
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean traceToStdout = "-".equals(trace);
    OutputFile traceFile =
        trace != null && !traceToStdout ? OutputFile.open(Path.of(trace), "--trace", force) : null;
    try {
      OutputStream traceStream = null;
      if (traceToStdout) {
        out.flush();
        traceStream = ((Main) spec.root().userObject()).stdoutBytes();
      } else if (traceFile != null) {
        traceStream = traceFile.stream();
      }
      RunResult result;
      if (engine.equals(ActorEngine.NAME)) {
        ScenarioSource source =
            new ScenarioSource(
                ScenarioFiles.text(file), file.toString(), scenario.seed(), scenario.durationNs());
        result =
            ActorEngine.run(
                scenario,
                source,
                traceStream,
                traceTicks,
                new ActorEngine.Options(
                    windowCapNs(),
                    ActorEngine.Options.DEFAULT.progressTimeout(),
                    exitsAfterRun ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(20)));
      } else {
        result = SequentialEngine.run(scenario, traceStream, traceTicks, null);
      }
      if (traceFile != null) {
        traceFile.commit();
      }
      if (traceStream != null && traceToStdout) {
        traceStream.flush();
      }
      // With the trace on stdout, the report goes to stderr so the two never interleave.
      PrintWriter report = traceToStdout ? spec.commandLine().getErr() : out;
      if (json) {
        report.println(StatsJson.render(result));
      } else {
        for (String line : SummaryTable.render(result)) {
          report.println(line);
        }
      }
      report.flush();
      return 0;
    } finally {
      if (traceFile != null) {
        traceFile.close();
      }
    }
  }
}
