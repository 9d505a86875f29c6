package dpcsim.cli;

import dpcsim.actors.ActorEngine;
import dpcsim.actors.Engine;
import dpcsim.actors.LocalCluster;
import dpcsim.engine.RunCancelled;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.perfetto.PerfettoWriter;
import dpcsim.report.StatsJson;
import dpcsim.report.SummaryTable;
import dpcsim.report.html.HtmlReport;
import dpcsim.report.html.ReportCollector;
import dpcsim.report.xperf.XperfCollector;
import dpcsim.report.xperf.XperfReport;
import dpcsim.scenario.Scenario;
import dpcsim.trace.TraceConsumer;
import dpcsim.wire.ScenarioSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
          "actors (a one-node Pekko cluster in this JVM), sequential (one thread, the"
              + " reference) or local-nodes-N (N processor nodes in this JVM, like --local-nodes"
              + " N); every engine gives the same trace (default: ${DEFAULT-VALUE})")
  String engine;

  @Mixin ScenarioOverrides overrides;

  @Mixin SetOptions set;

  @Mixin WallLimit wallLimit;
  @Mixin EventBudget budget;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description = "writes the JSON Lines trace to FILE ('-' for standard output)")
  String trace;

  @Option(
      names = "--perfetto",
      paramLabel = "FILE",
      description =
          "writes a Chrome trace-event JSON file that opens in ui.perfetto.dev and"
              + " chrome://tracing: a track per processor with ISR and DPC slices, IPI arrows,"
              + " queue-depth and IRQL counters, watchdog marks")
  String perfetto;

  @Option(names = "--trace-ticks", description = "includes clock Tick events in the trace")
  boolean traceTicks;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "writes a self-contained HTML report to FILE: queue depth over time, latency"
              + " histograms, time shares, IPI matrix (opens offline in any browser)")
  String report;

  @Option(
      names = "--xperf",
      paramLabel = "FILE",
      description =
          "writes the DPC and ISR report of xperf -a dpcisr to FILE, in its layout: per-module"
              + " usage per CPU and the duration histograms, for scripts that parse xperf's")
  String xperf;

  @Option(
      names = "--check",
      description =
          "checks every kernel invariant after each event (a KDPC in at most one queue, DpcData set"
              + " iff queued, depths, time order, IRQL order); sequential engine only: with another"
              + " engine it stops with one line asking for --engine sequential")
  boolean check;

  @Option(names = "--json", description = "prints the run statistics as one JSON object")
  boolean json;

  @Option(names = "--force", description = "overwrites existing output files")
  boolean force;

  @Option(
      names = "--cluster",
      paramLabel = "ADDR",
      description = "submits the run to a running cluster through this node (pekko://dpcsim@H:P)")
  String cluster;

  @Option(
      names = "--keys",
      paramLabel = "DIR",
      description =
          "with --cluster: the cluster's keys (dpcsim keys init DIR; default: $DPCSIM_KEYS, else"
              + " none)")
  String keys;

  @Option(
      names = "--nodes",
      paramLabel = "N",
      defaultValue = "1",
      description = "with --cluster: processor nodes to spread the processors over (default: 1)")
  int nodes;

  @Option(
      names = "--local-nodes",
      paramLabel = "N",
      description =
          "starts N processor nodes and a coordinator as separate actor systems on 127.0.0.1 in"
              + " this JVM, runs, and stops them")
  Integer localNodes;

  @Option(
      names = "--wait-for-nodes",
      paramLabel = "D",
      defaultValue = "30s",
      description =
          "with --cluster: how long to wait for --nodes nodes (default: ${DEFAULT-VALUE})")
  String waitForNodes;

  /** Set by {@code main}: the JVM exits after this command, so nothing waits for shutdown. */
  static volatile boolean exitsAfterRun;

  @Option(
      names = "--window-cap",
      hidden = true,
      paramLabel = "D",
      description = "caps the actor engine's window span (tuning; results never change)")
  String windowCap;

  /** The engine this run needs: --cluster and --local-nodes pick theirs, else --engine. */
  private String engineName() {
    if (cluster != null) {
      return Engines.CLUSTER;
    }
    return localNodes != null ? LocalCluster.NAME : engine;
  }

  private Engines.Settings settings() {
    long waitMs =
        cluster == null
            ? 30_000
            : FlagValues.positiveDuration("--wait-for-nodes", waitForNodes) / 1_000_000;
    return new Engines.Settings(localNodes, cluster, nodes, waitMs, check, keys);
  }

  private void checkClusterOptions(Scenario scenario) {
    if (cluster != null && localNodes != null) {
      throw new UserError("--cluster and --local-nodes: choose one");
    }
    if ((cluster != null || localNodes != null) && engine.equals(SequentialEngine.NAME)) {
      throw new UserError("--engine sequential runs in this process: drop --cluster/--local-nodes");
    }
    if (cluster != null) {
      FlagValues.nodeAddress("--cluster", cluster);
    }
    int n = localNodes != null ? localNodes : nodes;
    String flag = localNodes != null ? "--local-nodes" : "--nodes";
    if (n < 1 || n > scenario.processors()) {
      throw new UserError(
          flag
              + ": "
              + n
              + " nodes for "
              + scenario.processors()
              + " processors (1.."
              + scenario.processors()
              + ")");
    }
    if (localNodes == null && cluster == null && nodes != 1) {
      throw new UserError("--nodes needs --cluster (or use --local-nodes)");
    }
  }

  /** --perfetto needs a file of its own: not stdout, not the --trace file. */
  /**
   * Every named output needs a file of its own: {@code --perfetto} and {@code --report} cannot go
   * to standard output, and no two outputs may name the same file.
   */
  private void checkOutputPaths(boolean traceToStdout) {
    Map<String, String> files = new LinkedHashMap<>();
    if (trace != null && !traceToStdout) {
      files.put("--trace", trace);
    }
    if (perfetto != null) {
      files.put("--perfetto", perfetto);
    }
    if (report != null) {
      files.put("--report", report);
    }
    if (xperf != null) {
      files.put("--xperf", xperf);
    }
    Map<Path, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      if (e.getValue().equals("-") && !e.getKey().equals("--trace")) {
        throw new UserError(
            e.getKey() + " -: give a file name (standard output is only for --trace)");
      }
      String earlier =
          seen.putIfAbsent(Path.of(e.getValue()).toAbsolutePath().normalize(), e.getKey());
      if (earlier != null) {
        throw new UserError(
            earlier + " and " + e.getKey() + " name the same file: " + e.getValue());
      }
    }
  }

  private long windowCapNs() {
    if (windowCap == null) {
      return Long.MAX_VALUE;
    }
    return FlagValues.positiveDuration("--window-cap", windowCap);
  }

  @Override
  public Integer call() throws IOException {
    Engines.check("--engine", engine);
    if (check && !engine.equals(SequentialEngine.NAME)) {
      throw new UserError(
          "--check runs on the sequential engine only: add --engine sequential (same trace)");
    }
    Scenario scenario = ScenarioFiles.load(file, set.sets);
    scenario = overrides.applyTo(scenario);
    budget.check(scenario);
    checkClusterOptions(scenario);
    boolean traceToStdout = "-".equals(trace);
    checkOutputPaths(traceToStdout);
    RunStop stop = RunStop.start(spec.commandLine().getErr(), wallLimit.value);
    try {
      if (traceToStdout) {
        stop.leaves("the trace on standard output is incomplete");
      }
      return runAndReport(scenario, traceToStdout, stop);
    } catch (RunCancelled e) {
      // Thrown past the output files' clean-up: nothing is left when the line is printed.
      throw stop.failure(e, scenario.durationNs());
    } finally {
      stop.close();
    }
  }

  /** Runs with every output open, then moves the files into place and prints the summary. */
  private int runAndReport(Scenario scenario, boolean traceToStdout, RunStop stop)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    OutputFile traceFile = null;
    OutputFile perfettoFile = null;
    OutputFile reportFile = null;
    OutputFile xperfFile = null;
    ProgressDisplay progress = null;
    try {
      // Every output file is checked and opened before the run starts.
      if (trace != null && !traceToStdout) {
        traceFile = OutputFile.open(Path.of(trace), "--trace", force);
      }
      if (perfetto != null) {
        perfettoFile = OutputFile.open(Path.of(perfetto), "--perfetto", force);
      }
      if (report != null) {
        reportFile = OutputFile.open(Path.of(report), "--report", force);
      }
      if (xperf != null) {
        xperfFile = OutputFile.open(Path.of(xperf), "--xperf", force);
      }
      OutputStream traceStream = null;
      if (traceToStdout) {
        out.flush();
        traceStream = ((Main) spec.root().userObject()).stdoutBytes();
      } else if (traceFile != null) {
        traceStream = traceFile.stream();
      }
      List<TraceConsumer> observers = new ArrayList<>();
      if (ProgressDisplay.stderrIsTerminal()) {
        progress =
            new ProgressDisplay(
                spec.commandLine().getErr(), scenario.durationNs(), System::nanoTime);
        stop.eraseWith(progress::erase);
        observers.add(progress);
      }
      if (perfettoFile != null) {
        observers.add(PerfettoWriter.of(perfettoFile.stream(), scenario));
      }
      ReportCollector collector =
          reportFile == null
              ? null
              : new ReportCollector(scenario.processors(), scenario.durationNs());
      if (collector != null) {
        observers.add(collector);
      }
      XperfCollector xperfCollector = xperfFile == null ? null : new XperfCollector(scenario);
      if (xperfCollector != null) {
        observers.add(xperfCollector);
      }
      TraceOutputs outputs = new TraceOutputs(traceStream, traceTicks, observers);
      RunResult result;
      ScenarioSource source =
          new ScenarioSource(
                  ScenarioFiles.text(file), file.toString(), scenario.seed(), scenario.durationNs())
              .withSets(set.sets);
      java.time.Duration wait =
          exitsAfterRun ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(20);
      ActorEngine.Options options =
          new ActorEngine.Options(
              windowCapNs(), ActorEngine.Options.DEFAULT.progressTimeout(), wait, stop.token());
      Engine running = Engines.start("--engine", engineName(), settings());
      try {
        result = running.run(scenario, source, outputs, options);
      } finally {
        // A process about to exit does not wait for the nodes to leave.
        running.closeWithin(wait);
      }
      if (reportFile != null) {
        reportFile.stream()
            .write(HtmlReport.render(result, collector.data()).getBytes(StandardCharsets.UTF_8));
      }
      if (xperfFile != null) {
        xperfFile.stream()
            .write(XperfReport.render(xperfCollector).getBytes(StandardCharsets.UTF_8));
      }
      if (traceFile != null) {
        traceFile.commit();
      }
      if (perfettoFile != null) {
        perfettoFile.commit();
      }
      if (reportFile != null) {
        reportFile.commit();
      }
      if (xperfFile != null) {
        xperfFile.commit();
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
      if (progress != null) {
        progress.erase();
      }
      if (traceFile != null) {
        traceFile.close();
      }
      if (perfettoFile != null) {
        perfettoFile.close();
      }
      if (reportFile != null) {
        reportFile.close();
      }
      if (xperfFile != null) {
        xperfFile.close();
      }
    }
  }
}
