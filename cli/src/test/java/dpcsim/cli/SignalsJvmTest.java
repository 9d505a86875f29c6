package dpcsim.cli;

import static dpcsim.cli.CliTest.examplePath;
import static dpcsim.cli.CliTest.filesIn;
import static dpcsim.cli.CliTest.runExample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals sent to a real dpcsim process: a child JVM running {@code dpcsim.cli.Main} from the test
 * classpath (what the launcher runs from the jar), told its standard error is a terminal so that it
 * draws the progress bar. SIGINT and SIGTERM stop it with one line, exit 130 or 143, the bar erased
 * and no file left; SIGKILL cannot be caught, and the next run in the folder removes what it left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("dpcsim interrupted by a signal")
class SignalsJvmTest {
  private final ActorTestKit probes = ActorTestKit.create("signals");
  private final List<Process> processes = new ArrayList<>();

  /** The output folder. */
  @TempDir Path tmp;

  /** The process's stdout and stderr, and the debugger's script. */
  @TempDir Path logs;

  private Path out;
  private Path err;

  @AfterEach
  void killLeftovers() {
    processes.forEach(Process::destroyForcibly);
    processes.clear();
  }

  @AfterAll
  void stopProbes() {
    probes.shutdownTestKit();
  }

  /** Starts {@code dpcsim ARGS} with its output in files beside (not in) the output folder. */
  private Process launch(String... args) throws IOException {
    out = logs.resolve("stdout");
    err = logs.resolve("stderr");
    List<String> cmd = new ArrayList<>();
    // A test JVM started in the background may have SIGINT ignored, which its children inherit.
    cmd.addAll(List.of("env", "--default-signal=INT,TERM"));
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Ddpcsim.stderr.tty=true"));
    cmd.add("-Dlogback.configurationFile=" + Main.class.getResource("/logback.xml"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dpcsim.cli.Main"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    processes.add(p);
    return p;
  }

  /** 60 simulated seconds of the 64-processor example: minutes of work, stopped long before. */
  private Process longRun(String engine, String... outputs) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("run", examplePath("server-64.yaml"), "--engine", engine, "--duration", "60s"));
    for (String o : outputs) {
      args.addAll(List.of("--" + o, tmp.resolve(o + ".out").toString()));
    }
    return launch(args.toArray(String[]::new));
  }

  /** Waits until the run writes its trace and its progress bar is drawn (after a second). */
  private void awaitUnderWay() {
    TestProbe<Object> probe = probes.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(90),
        Duration.ofMillis(100),
        () -> {
          List<Path> parts = filesIn(tmp);
          assertEquals(1, parts.stream().filter(f -> f.toString().contains(".trace.out.")).count());
          for (Path f : parts) {
            if (f.getFileName().toString().startsWith(".trace.out.")) {
              assertTrue(Files.size(f) > 0, "the trace part has bytes");
            }
          }
          assertTrue(Files.readString(err).contains("events/s"), "the bar is drawn");
          return null;
        });
  }

  private static void signal(Process p, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(p.pid())).start();
    assertEquals(0, kill.waitFor());
  }

  /**
   * The process's stderr ends with the bar erased (a carriage return, blanks, a carriage return)
   * and then exactly one line matching {@code line}.
   */
  private void assertErasedThenLine(String line) throws IOException {
    String text = Files.readString(err);
    assertTrue(text.endsWith("\n"), text);
    int start = text.lastIndexOf('\r') + 1;
    String last = text.substring(start, text.length() - 1);
    assertTrue(Pattern.matches(line, last), "last line: " + last);
    int before = text.lastIndexOf('\r', start - 2);
    assertTrue(before >= 0 && text.substring(before + 1, start - 1).isBlank(), "bar erased");
    assertEquals("", Files.readString(out), "nothing printed as complete");
  }

  @Test
  @DisplayName("SIGINT (Ctrl-C): exit 130, the bar erased, one line with the time, no file left")
  void sigint() throws Exception {
    Process p = longRun("sequential", "trace", "perfetto", "report");
    awaitUnderWay();
    assertEquals(3, filesIn(tmp).size(), "three parts while it runs");
    signal(p, "INT");
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ended");
    assertEquals(130, p.exitValue(), Files.readString(err));
    assertErasedThenLine(
        "dpcsim: interrupted \\(SIGINT\\) at simulated \\S+ of 60.0s; no output written");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("SIGTERM on the actor engine: exit 143, one line, no file left")
  void sigterm() throws Exception {
    Process p = longRun("actors", "trace", "report");
    awaitUnderWay();
    signal(p, "TERM");
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ended");
    assertEquals(143, p.exitValue(), Files.readString(err));
    assertErasedThenLine(
        "dpcsim: interrupted \\(SIGTERM\\) at simulated \\S+ of 60.0s; no output written");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("SIGKILL leaves its part; the next run writing to the folder removes it")
  void sigkill() throws Exception {
    Process p = longRun("sequential", "trace");
    awaitUnderWay();
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed");
    List<Path> left = filesIn(tmp);
    assertEquals(1, left.size(), left::toString);
    assertTrue(left.get(0).getFileName().toString().endsWith(".part"), left::toString);

    Path next = tmp.resolve("next.jsonl");
    Result r = runExample("script-tour.yaml", "--trace", next.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of(next), filesIn(tmp), "the killed run's part is gone");
  }

  @Test
  @DisplayName("SIGINT during a debugger script's 'g': exit 130, one line with the time")
  void debugScript() throws Exception {
    Path script = Files.writeString(logs.resolve("script.txt"), "g\n");
    Process p =
        launch(
            "debug",
            examplePath("server-64.yaml"),
            "--duration",
            "60s",
            "--commands",
            script.toString());
    TestProbe<Object> probe = probes.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(60),
        Duration.ofMillis(100),
        () -> {
          assertTrue(Files.readString(out).contains("kd> g"), "the script's g runs");
          return null;
        });
    signal(p, "INT");
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ended");
    assertEquals(130, p.exitValue(), Files.readString(err));
    List<String> lines = Files.readString(err).lines().toList();
    assertEquals(1, lines.size(), lines::toString);
    assertTrue(
        Pattern.matches(
            "dpcsim: interrupted \\(SIGINT\\) at simulated \\S+ of 60.0s", lines.get(0)),
        lines.get(0));
  }
}
