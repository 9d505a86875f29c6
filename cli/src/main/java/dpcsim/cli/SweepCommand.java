package dpcsim.cli;

import dpcsim.engine.RunCancelled;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.kernel.ScenarioFault;
import dpcsim.report.ProfileFigures;
import dpcsim.report.SweepFigures;
import dpcsim.report.SweepReport;
import dpcsim.report.html.SweepHtml;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dpcsim sweep SCENARIO --over PATH=VALUES}: the scenario run once per value of one field,
 * as if {@code --set PATH=VALUE} were given, on the sequential engine, several points at once. Each
 * point is deterministic: the same as {@code dpcsim run} with that {@code --set}.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Runs a scenario once per value of one field (--over PATH=VALUES) and prints the chosen"
            + " figures, one row per value (or --json); --html FILE also writes them as a page"
            + " with a line chart per figure.")
final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (YAML or JSON)")
  Path file;

  @Option(
      names = "--over",
      required = true,
      paramLabel = "PATH=VALUES",
      description =
          "the field and its values: a range of integers (dpcs.nicRx.target=0..3), a range in N"
              + " steps (devices.nic.interrupts.poisson=10000/s..40000/s:4) or a list"
              + " (dpcs.nicRx.importance=low,medium,high)")
  String over;

  @Option(
      names = "--show",
      split = ",",
      paramLabel = "FIGURE",
      description =
          "the figures to print, one column each (default: lat-p99,dpc,ipi-tx; any of lat-p50,"
              + " lat-p99, lat-max, dpc, isr, idle, inserted, executed, dpc-int, ipi-tx,"
              + " max-depth, watchdog, events, hash)")
  List<String> show = new ArrayList<>(SweepFigures.DEFAULT);

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "points run at once (default: the available processors)")
  Integer jobs;

  @Option(names = "--json", description = "prints every figure of every point as one JSON object")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "also writes the sweep as one self-contained HTML page (a line chart per --show figure"
              + " over the values, then the table; no script, nothing fetched)")
  String html;

  @Option(names = "--force", description = "overwrites an existing --html file")
  boolean force;

  @Mixin ScenarioOverrides overrides;

  @Mixin SetOptions set;

  @Mixin WallLimit wallLimit;

  @Mixin EventBudget budget;

  @Override
  public Integer call() throws IOException {
    SweepValues sweep = SweepValues.parse(over);
    for (String name : show) {
      if (!SweepFigures.BY_NAME.containsKey(name)) {
        throw new UserError(
            "--show: unknown figure '"
                + ScenarioText.bare(name)
                + "' (expected some of "
                + String.join(", ", SweepFigures.BY_NAME.keySet())
                + ")");
      }
    }
    if ("-".equals(html)) {
      throw new UserError("--html -: give a file name (the sweep goes to standard output)");
    }
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new UserError("--jobs: must be at least 1, got " + threads);
    }
    // Every point is loaded and checked before any runs: a bad value is found at once.
    List<Scenario> scenarios = new ArrayList<>();
    for (String v : sweep.values()) {
      scenarios.add(point(sweep.path() + "=" + v));
    }
    Scenario first = scenarios.get(0);
    RunStop stop = RunStop.start(spec.commandLine().getErr(), wallLimit.value);
    // The page is checked and opened before any point runs, and written whole at the end.
    try (OutputFile page = html == null ? null : OutputFile.open(Path.of(html), "--html", force)) {
      List<SweepReport.Point> points = runAll(sweep, scenarios, threads, stop);
      if (page != null) {
        page.stream()
            .write(
                SweepHtml.render(first, sweep.path(), show, points)
                    .getBytes(StandardCharsets.UTF_8));
        page.commit();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(SweepReport.json(first, sweep.path(), points));
      } else {
        SweepReport.table(first, sweep.path(), show, points).forEach(out::println);
      }
      out.flush();
      return 0;
    } catch (RunCancelled e) {
      throw stop.failure(e, first.durationNs());
    } finally {
      stop.close();
    }
  }

  /** The scenario with the user's settings and this point's. */
  private Scenario point(String setting) {
    List<String> sets = new ArrayList<>(set.sets);
    sets.add(setting);
    Scenario s;
    try {
      s = ScenarioFiles.load(file, sets);
    } catch (UserError e) {
      String m = e.getMessage();
      throw new UserError(m.startsWith("--set " + setting) ? "--over" + m.substring(5) : m);
    }
    s = overrides.applyTo(s);
    budget.check(s);
    return s;
  }

  private List<SweepReport.Point> runAll(
      SweepValues sweep, List<Scenario> scenarios, int threads, RunStop stop) {
    PrintWriter err = spec.commandLine().getErr();
    boolean progress = ProgressDisplay.stderrIsTerminal();
    AtomicInteger done = new AtomicInteger();
    stop.during(scenarios.size() + " points");
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, scenarios.size()),
            r -> {
              Thread t = new Thread(r, "dpcsim-sweep");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<ProfileFigures>> futures = new ArrayList<>();
      for (Scenario s : scenarios) {
        futures.add(
            pool.submit(
                () -> {
                  ProfileFigures f =
                      ProfileFigures.of(SequentialEngine.run(s, TraceOutputs.NONE, stop.token()));
                  if (progress) {
                    synchronized (err) {
                      err.println(
                          "dpcsim: sweep: " + done.incrementAndGet() + "/" + scenarios.size());
                      err.flush();
                    }
                  }
                  return f;
                }));
      }
      List<SweepReport.Point> points = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        String value = sweep.values().get(i);
        try {
          points.add(new SweepReport.Point(value, futures.get(i).get()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RunCancelled(-2);
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RunCancelled rc) {
            throw rc;
          }
          if (c instanceof ScenarioFault f) {
            throw new UserError(
                "--over "
                    + sweep.path()
                    + "="
                    + value
                    + ": "
                    + ScenarioText.escape(f.getMessage()));
          }
          throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
        }
      }
      return points;
    } finally {
      pool.shutdownNow();
    }
  }
}
