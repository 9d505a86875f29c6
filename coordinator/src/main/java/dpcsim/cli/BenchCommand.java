package dpcsim.cli;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.scenario.Scenario;
import dpcsim.trace.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dpcsim bench SCENARIO}: runs a scenario several times in one JVM after a warm-up and
 * reports events per second (median, min, max). Wall-clock time is read here only, never by the
 * simulation.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures the engine's speed on a scenario (median of --runs after a warm-up).")
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML or JSON)")
  Path file;

  @Option(names = "--runs", defaultValue = "5", description = "timed runs (default: 5)")
  int runs;

  @Option(names = "--warmup", defaultValue = "1", description = "untimed runs first (default: 1)")
  int warmup;

  @Option(names = "--json", description = "prints the figures as one JSON object")
  boolean json;

  @Override
  public Integer call() {
    if (runs < 1 || warmup < 0) {
      throw new UserError("--runs must be at least 1 and --warmup at least 0");
    }
    Scenario scenario = ScenarioFiles.load(file);
    PrintWriter err = spec.commandLine().getErr();
    for (int i = 0; i < warmup; i++) {
      SequentialEngine.run(scenario, null, false, null);
    }
    double[] eventsPerSecond = new double[runs];
    double[] dpcPerSecond = new double[runs];
    RunResult last = null;
    String hash = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = SequentialEngine.run(scenario, null, false, null);
      double seconds = (System.nanoTime() - start) / 1e9;
      eventsPerSecond[i] = last.events() / seconds;
      dpcPerSecond[i] = last.dpcExecuted() / seconds;
      if (hash != null && !hash.equals(last.traceSha256())) {
        throw new IllegalStateException("two runs of the same scenario gave different traces");
      }
      hash = last.traceSha256();
      if (!json) {
        err.printf(Locale.ROOT, "run %d: %.3f s%n", i + 1, seconds);
        err.flush();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      StringBuilder sb = new StringBuilder("{\"scenario\":");
      Json.quote(sb, scenario.name());
      Json.str(sb, "engine", SequentialEngine.NAME);
      Json.num(sb, "runs", runs);
      Json.num(sb, "events", last.events());
      Json.num(sb, "dpcExecuted", last.dpcExecuted());
      Json.str(sb, "traceSha256", hash);
      stats(sb, "eventsPerSecond", eventsPerSecond);
      stats(sb, "dpcPerSecond", dpcPerSecond);
      sb.append('}');
      out.println(sb);
    } else {
      out.printf(
          Locale.ROOT,
          "%s%nengine %s, %d runs after %d warm-up: %d trace events, %d DPC executions each%n",
          scenario.name(),
          SequentialEngine.NAME,
          runs,
          warmup,
          last.events(),
          last.dpcExecuted());
      out.printf(Locale.ROOT, "events/s  %s%n", summary(eventsPerSecond));
      out.printf(Locale.ROOT, "DPCs/s    %s%n", summary(dpcPerSecond));
    }
    return 0;
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
        Locale.ROOT, "median %,.0f  min %,.0f  max %,.0f", median(s), s[0], s[s.length - 1]);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
