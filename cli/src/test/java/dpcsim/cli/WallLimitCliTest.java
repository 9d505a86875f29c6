package dpcsim.cli;

import static dpcsim.cli.CliTest.assertNoStackTrace;
import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static dpcsim.cli.CliTest.examplePath;
import static dpcsim.cli.CliTest.filesIn;
import static dpcsim.cli.CliTest.footer;
import static dpcsim.cli.CliTest.runExample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-wall D}: a command still running after D of wall time stops, with one line saying
 * where the simulation was, exit status 2, no result printed as complete and no file left (not even
 * a part). The runs are 60 simulated seconds of the 64-processor example, far longer than the limit
 * on any machine.
 */
@DisplayName("--max-wall")
class WallLimitCliTest {
  private static final String LONG = "60s";

  @TempDir Path tmp;

  /** Exit 2, nothing on stdout, one stderr line: the limit, {@code where}, nothing written. */
  private static void assertStopped(Result r, String limit, String where) {
    assertEquals(Main.USER_ERROR, r.status(), r.err());
    assertEquals("", r.out(), "nothing printed as complete");
    assertEquals(1, r.errLines().size(), r.err());
    assertNoStackTrace(r);
    String line = r.errLines().get(0);
    assertTrue(
        Pattern.matches(
            "dpcsim: stopped after the wall-time limit "
                + Pattern.quote(limit)
                + " \\(--max-wall\\) "
                + where
                + "; no output written",
            line),
        line);
  }

  private List<String> outputs() {
    return List.of(
        "--trace",
        tmp.resolve("t.jsonl").toString(),
        "--perfetto",
        tmp.resolve("p.json").toString(),
        "--report",
        tmp.resolve("r.html").toString());
  }

  private Result run(String engine, String limit) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                examplePath("server-64.yaml"),
                "--engine",
                engine,
                "--duration",
                LONG,
                "--max-wall",
                limit));
    args.addAll(outputs());
    return dpcsim(args.toArray(String[]::new));
  }

  @Test
  @DisplayName("run, sequential engine: stopped mid-run, no trace, timeline, report or part left")
  void sequentialRun() throws IOException {
    Result r = run("sequential", "500ms");
    assertStopped(r, "500ms", "at simulated \\S+ of 60.0s");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("run, actor engine: the coordinator ends the run; nothing left")
  void actorRun() throws IOException {
    // The embedded cluster's start counts against the limit: on a slow machine the run may not
    // have begun yet, which the line then says.
    Result r = run("actors", "4s");
    assertStopped(r, "4s", "(at simulated \\S+ of 60.0s|before the run started)");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("compare: the line names the profile under way; no page left")
  void compare() throws IOException {
    Result r =
        dpcsim(
            "compare",
            examplePath("server-64.yaml"),
            "--profiles",
            "ws03,win10",
            "--duration",
            LONG,
            "--max-wall",
            "500ms",
            "--html",
            tmp.resolve("cmp.html").toString());
    assertStopped(r, "500ms", "at simulated \\S+ of 60.0s \\(profile ws03, 1 of 2\\)");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("bench: the line names the engine and the run under way")
  void bench() {
    Result r =
        dpcsim(
            "bench",
            examplePath("server-64.yaml"),
            "--engines",
            "sequential",
            "--duration",
            LONG,
            "--max-wall",
            "500ms");
    assertStopped(r, "500ms", "at simulated \\S+ of 60.0s \\(sequential, warm-up 1 of 1\\)");
  }

  @Test
  @DisplayName("a run that ends within the limit is not affected")
  void withinTheLimit() {
    Result limited = runExample("script-tour.yaml", "--max-wall", "2m");
    assertEquals(0, limited.status(), limited.err());
    assertEquals(footer(runExample("script-tour.yaml").outLines()), footer(limited.outLines()));
  }

  @Test
  @DisplayName("a bad limit is one line and exit 2 before anything runs")
  void badLimit() throws IOException {
    Path trace = tmp.resolve("t.jsonl");
    assertOneLineError(
        runExample("script-tour.yaml", "--max-wall", "5x", "--trace", trace.toString()),
        "--max-wall: '5x' is not a wall time",
        "30s, 2m");
    assertOneLineError(
        runExample("script-tour.yaml", "--max-wall", "0s"), "--max-wall", "greater than zero");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("wall times take minutes and hours besides the scenario units")
  void wallDurations() {
    assertEquals(30_000_000_000L, FlagValues.wallDuration("--max-wall", "30s"));
    assertEquals(120_000_000_000L, FlagValues.wallDuration("--max-wall", "2m"));
    assertEquals(5_400_000_000_000L, FlagValues.wallDuration("--max-wall", "1.5h"));
    assertEquals(250_000_000L, FlagValues.wallDuration("--max-wall", "250ms"));
  }
}
