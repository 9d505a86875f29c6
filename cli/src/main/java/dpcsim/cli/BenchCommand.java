package dpcsim.cli;

import dpcsim.actors.ActorEngine;
import dpcsim.actors.Engine;
import dpcsim.bench.BenchReport;
import dpcsim.bench.EngineFigures;
import dpcsim.bench.RunAllocation;
import dpcsim.bench.Workloads;
import dpcsim.engine.RunCancelled;
import dpcsim.engine.RunResult;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.ParsedScenarios;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.wire.ScenarioSource;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dpcsim bench SCENARIO} or {@code dpcsim bench --workload storm|phold|spread}: runs a
 * scenario (a file, or a generated workload) several times per engine in one JVM after a warm-up
 * and reports trace events and DPC executions per second (median, min, max), wall time, peak heap,
 * bytes allocated per DPC (the engine's and the trace consumer's), messages per simulation event,
 * events per window and each engine's ratio to the sequential one; all engines must produce the
 * same trace hash (unless {@code --no-hash}). The actor engine's cluster is started once, so its
 * start-up is not counted. Wall-clock time is read here only, never by the simulation.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measures the engines' speed on a scenario or a generated workload (median of --runs"
            + " after a warm-up).")
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      description = "scenario file (YAML or JSON); or give --workload")
  Path file;

  @Option(
      names = "--workload",
      paramLabel = "W",
      description = "a generated workload instead of a file: storm, phold or spread")
  String workload;

  @Option(
      names = "--processors",
      paramLabel = "N",
      description = "--workload's processors, 1..2048 (default: storm 8, phold 64, spread 8)")
  Integer processors;

  @Option(names = "--seed", description = "overrides the seed (--workload default: 42)")
  Long seed;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description =
          "simulated duration, e.g. 200ms (--workload default: about 1 s of sequential work)")
  String duration;

  @Option(
      names = "--dpcs-per-processor",
      paramLabel = "K",
      description = "phold: tokens (KDPCs) per processor (default: 4)")
  Integer dpcsPerProcessor;

  @Option(
      names = "--remote",
      paramLabel = "P",
      description = "phold: probability a token moves to another processor (default: 0.25)")
  Double remote;

  @Option(
      names = "--mean",
      paramLabel = "D",
      description = "phold: mean routine duration (default: 10us)")
  String mean;

  @Option(
      names = "--no-hash",
      description = "skips the trace hash (and building trace lines): engines are not compared")
  boolean noHash;

  @Option(names = "--runs", defaultValue = "5", description = "timed runs (default: 5)")
  int runs;

  @Option(names = "--warmup", defaultValue = "1", description = "untimed runs first (default: 1)")
  int warmup;

  @Option(
      names = "--engines",
      defaultValue = "sequential,actors",
      split = ",",
      description = "engines to measure (default: ${DEFAULT-VALUE})")
  List<String> engines;

  @Option(names = "--json", description = "prints the figures as one JSON object")
  boolean json;

  @Option(
      names = "--cluster",
      paramLabel = "ADDR",
      description = "for the engine 'cluster': a node of a running cluster, pekko://dpcsim@H:P")
  String cluster;

  @Option(
      names = "--keys",
      paramLabel = "DIR",
      description =
          "for the engine 'cluster': the cluster's keys (default: $DPCSIM_KEYS, else none)")
  String keys;

  @CommandLine.Mixin WallLimit wallLimit;

  /** Stops the runs on Ctrl-C or at --max-wall. */
  private RunStop stop;

  @Option(
      names = "--nodes",
      paramLabel = "N",
      defaultValue = "1",
      description = "for the engine 'cluster': processor nodes to use (default: 1)")
  int nodes;

  @Mixin EventBudget budget;

  @Mixin SetOptions set;

  /** The scenario to measure and its text for the nodes. */
  private record Subject(Scenario scenario, ScenarioSource source) {}

  @Override
  public Integer call() {
    if (runs < 1 || warmup < 0) {
      throw new UserError("--runs must be at least 1 and --warmup at least 0");
    }
    checkEngines();
    Subject subject = workload != null ? generated() : fromFile();
    stop = RunStop.start(spec.commandLine().getErr(), wallLimit.value);
    try {
      return bench(subject);
    } catch (RunCancelled e) {
      throw stop.failure(e, subject.scenario().durationNs());
    } finally {
      stop.close();
    }
  }

  private int bench(Subject subject) {
    Scenario scenario = subject.scenario();
    budget.check(scenario);
    ScenarioSource source = subject.source();
    ActorEngine.Options options = ActorEngine.Options.DEFAULT.withCancel(stop.token());
    PrintWriter err = spec.commandLine().getErr();
    boolean progress = !json && ProgressDisplay.stderrIsTerminal();
    TraceOutputs outputs = noHash ? TraceOutputs.NONE.withoutHash() : TraceOutputs.NONE;
    List<EngineFigures> figures = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    Engines.Settings settings = new Engines.Settings(null, cluster, nodes, 30_000, false, keys);
    for (String engine : engines) {
      try (Engine running = Engines.start("--engines", engine, settings)) {
        figures.add(
            measure(
                engine,
                () -> running.run(scenario, source, outputs, options),
                running.runsOnCallingThread(),
                results,
                progress ? err : null));
      }
    }
    String hash = results.get(0).traceSha256();
    if (!noHash) {
      for (RunResult r : results) {
        if (!r.traceSha256().equals(hash)) {
          throw new IllegalStateException(
              "engines disagree: " + r.engine() + " gave " + r.traceSha256() + ", not " + hash);
        }
      }
    }
    RunResult r = results.get(0);
    BenchReport report =
        new BenchReport(
            scenario.name(),
            scenario.processors(),
            scenario.seed(),
            r.simulatedNs(),
            runs,
            warmup,
            hash,
            r.events(),
            r.dpcExecuted(),
            figures);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(report.json());
    } else {
      report.text().forEach(out::println);
    }
    return 0;
  }

  private void checkEngines() {
    for (String e : engines) {
      if (Engines.check("--engines", e).equals(Engines.CLUSTER) && cluster == null) {
        throw new UserError("--engines cluster needs --cluster pekko://dpcsim@H:P");
      }
    }
  }

  /** The scenario file, with --seed and --duration applied. */
  private Subject fromFile() {
    if (file == null) {
      throw new UserError("bench needs a SCENARIO file or --workload storm|phold|spread");
    }
    if (processors != null || dpcsPerProcessor != null || remote != null || mean != null) {
      throw new UserError(
          "--processors, --dpcs-per-processor, --remote and --mean go with --workload only");
    }
    Scenario scenario = ScenarioFiles.load(file, set.sets);
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    long durationNs = -1;
    if (duration != null) {
      durationNs = FlagValues.positiveDuration("--duration", duration);
      scenario = scenario.withDuration(durationNs);
    }
    return new Subject(
        scenario,
        new ScenarioSource(ScenarioFiles.text(file), file.toString(), scenario.seed(), durationNs)
            .withSets(set.sets));
  }

  /** The generated workload's text, loaded like a file. */
  private Subject generated() {
    if (file != null) {
      throw new UserError("give either a SCENARIO file or --workload, not both");
    }
    if (!Workloads.NAMES.contains(workload)) {
      throw new UserError(
          "--workload: unknown workload '" + workload + "' (expected storm, phold or spread)");
    }
    int n = processors != null ? processors : Workloads.defaultProcessors(workload);
    if (n < 1 || n > 2048) {
      throw new UserError("--processors must be 1..2048, not " + n);
    }
    boolean phold = workload.equals("phold");
    if (!phold && (dpcsPerProcessor != null || remote != null || mean != null)) {
      throw new UserError("--dpcs-per-processor, --remote and --mean go with --workload phold");
    }
    int k = dpcsPerProcessor != null ? dpcsPerProcessor : 4;
    double p = remote != null ? remote : 0.25;
    String m = mean != null ? mean : "10us";
    if (k < 1) {
      throw new UserError("--dpcs-per-processor must be at least 1");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new UserError("--remote must be a probability, 0..1");
    }
    if (phold) {
      FlagValues.positiveDuration("--mean", m);
    }
    if (duration != null) {
      FlagValues.positiveDuration("--duration", duration);
    }
    String text =
        Workloads.yaml(
            new Workloads.Spec(workload, n, seed != null ? seed : 42, duration, k, p, m));
    String name = workload + "-" + n + ".yaml";
    Scenario scenario;
    try {
      scenario = ParsedScenarios.parse(text, name, new LinkedHashSet<>(Profiles.names()), set.sets);
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
    return new Subject(
        scenario, new ScenarioSource(text, name, scenario.seed(), -1).withSets(set.sets));
  }

  /**
   * Runs the warm-up and the timed runs of one engine. The heap pools' peaks are reset first (after
   * a requested collection, so every engine starts from a similar heap) and read after the last
   * run. Each timed run's allocation ({@link RunAllocation}) is read just outside its timing.
   *
   * @param callingThreadOnly the engine runs on this thread: its allocation is the engine's
   * @param progress where to print one line per timed run, or null
   */
  private EngineFigures measure(
      String engine,
      Supplier<RunResult> run,
      boolean callingThreadOnly,
      List<RunResult> results,
      PrintWriter progress) {
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        heap.add(pool);
      }
    }
    for (int i = 0; i < warmup; i++) {
      stop.during(engine + ", warm-up " + (i + 1) + " of " + warmup);
      results.add(run.get());
    }
    double[] events = new double[runs];
    double[] dpcs = new double[runs];
    double[] wall = new double[runs];
    double[] allocated = new double[runs];
    double[] traceAllocated = new double[runs];
    RunResult last = null;
    long peak = 0;
    for (int i = 0; i < runs; i++) {
      stop.during(engine + ", run " + (i + 1) + " of " + runs);
      // Each run's own footprint: the garbage of the runs before it is collected first, outside
      // the timed part, so it does not count against this one.
      System.gc();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      RunAllocation allocation = RunAllocation.start(callingThreadOnly);
      long start = System.nanoTime();
      last = run.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      RunAllocation.Bytes bytes = allocation.stop();
      allocated[i] = bytes.enginePerDpc(last.dpcExecuted());
      traceAllocated[i] = bytes.tracePerDpc(last.dpcExecuted());
      results.add(last);
      long runPeak = 0;
      for (MemoryPoolMXBean pool : heap) {
        runPeak += pool.getPeakUsage().getUsed();
      }
      peak = Math.max(peak, runPeak);
      wall[i] = seconds;
      events[i] = last.events() / seconds;
      dpcs[i] = last.dpcExecuted() / seconds;
      if (progress != null) {
        progress.printf(Locale.ROOT, "%s run %d of %d: %.3f s%n", engine, i + 1, runs, seconds);
        progress.flush();
      }
    }
    return new EngineFigures(
        engine,
        events,
        dpcs,
        wall,
        peak,
        EngineFigures.medianOrNaN(allocated),
        EngineFigures.medianOrNaN(traceAllocated),
        last.processedEvents(),
        last.counters());
  }
}
