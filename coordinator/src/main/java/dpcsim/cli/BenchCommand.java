package dpcsim.cli;

import dpcsim.engine.ActorEngine;
import dpcsim.engine.ClusterMember;
import dpcsim.engine.EmbeddedCluster;
import dpcsim.engine.LocalCluster;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.scenario.Scenario;
import dpcsim.trace.Json;
import dpcsim.wire.ScenarioSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dpcsim bench SCENARIO}: runs a scenario several times per engine in one JVM after a
 * warm-up and reports events per second (median, min, max) and each engine's ratio to the
 * sequential one; all engines must produce the same trace hash. The actor engine's cluster is
 * started once, so its start-up is not counted. Wall-clock time is read here only, never by the
 * simulation.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures the engines' speed on a scenario (median of --runs after a warm-up).")
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML or JSON)")
  Path file;

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
      names = "--nodes",
      paramLabel = "N",
      defaultValue = "1",
      description = "for the engine 'cluster': processor nodes to use (default: 1)")
  int nodes;

  /** Figures of one engine. */
  private record Figures(String engine, double[] eventsPerSecond, double[] dpcPerSecond) {}

  @Override
  public Integer call() {
    if (runs < 1 || warmup < 0) {
      throw new UserError("--runs must be at least 1 and --warmup at least 0");
    }
    for (String e : engines) {
      boolean known =
          e.equals(SequentialEngine.NAME)
              || e.equals(ActorEngine.NAME)
              || e.matches("local-nodes-[1-9][0-9]*")
              || e.equals("cluster");
      if (!known) {
        throw new UserError(
            "--engines: unknown engine '"
                + e
                + "' (expected sequential, actors, local-nodes-N, cluster)");
      }
      if (e.equals("cluster") && cluster == null) {
        throw new UserError("--engines cluster needs --cluster pekko://dpcsim@H:P");
      }
    }
    Scenario scenario = ScenarioFiles.load(file);
    ScenarioSource source =
        new ScenarioSource(
            ScenarioFiles.text(file), file.toString(), scenario.seed(), scenario.durationNs());
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Figures> figures = new LinkedHashMap<>();
    List<RunResult> results = new ArrayList<>();
    for (String engine : engines) {
      if (engine.equals(ActorEngine.NAME)) {
        try (EmbeddedCluster cluster = EmbeddedCluster.start()) {
          figures.put(
              engine,
              measure(
                  engine,
                  () ->
                      cluster.run(scenario, source, TraceOutputs.NONE, ActorEngine.Options.DEFAULT),
                  results,
                  err));
        }
      } else if (engine.startsWith("local-nodes-")) {
        int n = Integer.parseInt(engine.substring("local-nodes-".length()));
        try (LocalCluster local = LocalCluster.start(n)) {
          figures.put(
              engine,
              measure(
                  engine,
                  () -> local.run(scenario, source, TraceOutputs.NONE, ActorEngine.Options.DEFAULT),
                  results,
                  err));
        }
      } else if (engine.equals("cluster")) {
        ClusterMember client = ClusterClient.join(cluster);
        try {
          figures.put(
              engine,
              measure(
                  engine,
                  () ->
                      ActorEngine.runOn(
                          client.system(),
                          client.coordinator(),
                          scenario,
                          source,
                          TraceOutputs.NONE,
                          nodes,
                          ActorEngine.Options.DEFAULT),
                  results,
                  err));
        } finally {
          client.closeWithin(java.time.Duration.ofSeconds(10));
        }
      } else {
        figures.put(
            engine,
            measure(engine, () -> SequentialEngine.run(scenario, TraceOutputs.NONE), results, err));
      }
    }
    String hash = results.get(0).traceSha256();
    for (RunResult r : results) {
      if (!r.traceSha256().equals(hash)) {
        throw new IllegalStateException(
            "engines disagree: " + r.engine() + " gave " + r.traceSha256() + ", not " + hash);
      }
    }
    print(scenario, figures, results.get(0), hash);
    return 0;
  }

  private Figures measure(
      String engine, Supplier<RunResult> run, List<RunResult> results, PrintWriter err) {
    for (int i = 0; i < warmup; i++) {
      results.add(run.get());
    }
    double[] events = new double[runs];
    double[] dpcs = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      RunResult r = run.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      results.add(r);
      events[i] = r.events() / seconds;
      dpcs[i] = r.dpcExecuted() / seconds;
      if (!json) {
        err.printf(Locale.ROOT, "%s run %d: %.3f s%n", engine, i + 1, seconds);
        err.flush();
      }
    }
    return new Figures(engine, events, dpcs);
  }

  private void print(Scenario scenario, Map<String, Figures> figures, RunResult r, String hash) {
    PrintWriter out = spec.commandLine().getOut();
    double base =
        figures.containsKey(SequentialEngine.NAME)
            ? median(figures.get(SequentialEngine.NAME).eventsPerSecond())
            : Double.NaN;
    if (json) {
      StringBuilder sb = new StringBuilder("{\"scenario\":");
      Json.quote(sb, scenario.name());
      Json.num(sb, "processors", scenario.processors());
      Json.num(sb, "runs", runs);
      Json.num(sb, "events", r.events());
      Json.num(sb, "dpcExecuted", r.dpcExecuted());
      Json.str(sb, "traceSha256", hash);
      sb.append(",\"engines\":[");
      boolean first = true;
      for (Figures f : figures.values()) {
        sb.append(first ? "" : ",").append("{\"engine\":");
        first = false;
        Json.quote(sb, f.engine());
        stats(sb, "eventsPerSecond", f.eventsPerSecond());
        stats(sb, "dpcPerSecond", f.dpcPerSecond());
        if (!Double.isNaN(base)) {
          sb.append(",\"ratioToSequential\":")
              .append(String.format(Locale.ROOT, "%.3f", median(f.eventsPerSecond()) / base));
        }
        sb.append('}');
      }
      sb.append("]}");
      out.println(sb);
      return;
    }
    out.printf(
        Locale.ROOT,
        "%s%n%d processors, %d runs after %d warm-up: %d trace events, %d DPC executions each;"
            + " traceSha256 %s (all engines)%n",
        scenario.name(),
        scenario.processors(),
        runs,
        warmup,
        r.events(),
        r.dpcExecuted(),
        hash);
    for (Figures f : figures.values()) {
      out.printf(
          Locale.ROOT,
          "%-10s events/s %s | DPCs/s median %,.0f%s%n",
          f.engine(),
          summary(f.eventsPerSecond()),
          median(f.dpcPerSecond()),
          Double.isNaN(base)
              ? ""
              : String.format(
                  Locale.ROOT, " | x%.2f of sequential", median(f.eventsPerSecond()) / base));
    }
  }

  private static void stats(StringBuilder sb, String key, double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    sb.append(",\"").append(key).append("\":{\"median\":").append(Math.round(median(s)));
    sb.append(",\"min\":").append(Math.round(s[0]));
    sb.append(",\"max\":").append(Math.round(s[s.length - 1])).append('}');
  }

  private static String summary(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return String.format(
        Locale.ROOT, "median %,.0f (min %,.0f, max %,.0f)", median(s), s[0], s[s.length - 1]);
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
