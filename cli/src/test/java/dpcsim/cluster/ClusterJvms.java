package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;

/**
 * The dpcsim processes of a fault test: each in a JVM of its own, logging to a file, all in one
 * network namespace of their own when this machine lets a user make one ({@code unshare -rn}), so
 * traffic can be dropped there with iptables without touching the machine's own rules; else on this
 * machine's 127.0.0.1 and {@link #netnsMissing} says why.
 */
final class ClusterJvms implements AutoCloseable {
  /** A finished dpcsim command: exit status, standard output and error. */
  record Result(int status, String out, String err) {}

  final Path dir;
  private final ActorTestKit probes = ActorTestKit.create("fault-waits");
  private final List<Process> processes = new ArrayList<>();
  private final Process namespace;

  /** Why no network namespace could be made, or null if everything runs in one. */
  final String netnsMissing;

  ClusterJvms() throws IOException {
    dir = Files.createTempDirectory("dpcsim-faults-");
    Process ns = null;
    String missing = null;
    try {
      // The holder: a shell that brings the namespace's loopback up, says so, and waits.
      ns =
          new ProcessBuilder(
                  "unshare",
                  "-rn",
                  "sh",
                  "-c",
                  "ip link set lo up && echo ready && exec sleep 3600")
              .redirectErrorStream(true)
              .start();
      String first =
          new BufferedReader(new InputStreamReader(ns.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      if (!"ready".equals(first)) {
        missing = "unshare -rn could not make a network namespace: " + first;
        ns.destroyForcibly();
        ns = null;
      }
    } catch (IOException e) {
      missing = "unshare is not available: " + e.getMessage();
      ns = null;
    }
    namespace = ns;
    netnsMissing = missing;
  }

  /** The command that runs {@code args} in the namespace, if there is one. */
  private List<String> inNamespace(List<String> args) {
    List<String> cmd = new ArrayList<>();
    if (namespace != null) {
      cmd.addAll(
          List.of(
              "nsenter",
              "--preserve-credentials",
              "--user",
              "--net",
              "--target",
              Long.toString(namespace.pid()),
              "--"));
    }
    cmd.addAll(args);
    return cmd;
  }

  /** A dpcsim command line in a JVM of its own, with the production logging. */
  List<String> dpcsim(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    cmd.add("-Dlogback.configurationFile=" + Main.class.getResource("/logback.xml"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dpcsim.cli.Main"));
    cmd.addAll(List.of(args));
    return inNamespace(cmd);
  }

  /** Starts a long-running member and waits until it says it is up. */
  Process launch(String name, String... args) throws IOException {
    Process p = start(name, args);
    awaitLog(name, "up at", Duration.ofSeconds(60));
    return p;
  }

  /** Starts a dpcsim command; its output (both streams) goes to {@code name}.log. */
  Process start(String name, String... args) throws IOException {
    Process p =
        new ProcessBuilder(dpcsim(args))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()))
            .start();
    processes.add(p);
    return p;
  }

  /** Starts a client command with its standard output and error in files of their own. */
  Process startClient(String name, String... args) throws IOException {
    Process p =
        new ProcessBuilder(dpcsim(args))
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile())
            .start();
    processes.add(p);
    return p;
  }

  /** What a client started by {@link #startClient} printed, once it ended (within {@code max}). */
  Result finished(String name, Process p, Duration max) throws Exception {
    assertTrue(p.waitFor(max.toMillis(), TimeUnit.MILLISECONDS), name + " did not end");
    return new Result(
        p.exitValue(),
        Files.readString(dir.resolve(name + ".out")),
        Files.readString(dir.resolve(name + ".err")));
  }

  /** Runs a client command to its end (within {@code max}). */
  Result client(String name, Duration max, String... args) throws Exception {
    return finished(name, startClient(name, args), max);
  }

  String log(String name) throws IOException {
    Path f = dir.resolve(name + ".log");
    return Files.exists(f) ? Files.readString(f) : "";
  }

  /** Waits until {@code name}.log holds {@code text} at least {@code times} times. */
  void awaitLog(String name, String text, int times, Duration max) {
    TestProbe<Object> probe = probes.createTestProbe();
    probe.awaitAssert(
        max,
        Duration.ofMillis(100),
        () -> {
          assertTrue(count(log(name), text) >= times, name + ": " + log(name));
          return null;
        });
  }

  void awaitLog(String name, String text, Duration max) {
    awaitLog(name, text, 1, max);
  }

  /** Waits until {@code check} passes, trying every 200 ms for at most {@code max}. */
  void await(Duration max, ThrowingCheck check) {
    probes
        .createTestProbe()
        .awaitAssert(
            max,
            Duration.ofMillis(200),
            () -> {
              try {
                check.run();
              } catch (Exception e) {
                throw new AssertionError(e);
              }
              return null;
            });
  }

  /** A check that may throw. */
  @FunctionalInterface
  interface ThrowingCheck {
    void run() throws Exception;
  }

  static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** Sends {@code signal} (STOP, CONT, KILL) to the process. */
  static void signal(Process p, String signal) throws Exception {
    assertEquals(
        0,
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(),
        "kill -" + signal);
  }

  /** Runs iptables in the namespace: drops or lets through traffic. */
  void iptables(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("iptables"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(inNamespace(cmd)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "iptables hung");
    assertEquals(0, p.exitValue(), "iptables " + String.join(" ", args) + ": " + out);
  }

  /**
   * @return why traffic cannot be delayed here (the kernel has no netem queueing discipline, or
   *     there is no namespace), or null if it can
   */
  String delayMissing() throws Exception {
    if (namespace == null) {
      return netnsMissing;
    }
    Process p =
        new ProcessBuilder(
                inNamespace(
                    List.of("tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay", "0ms")))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(20, TimeUnit.SECONDS);
    if (p.exitValue() != 0) {
      return "tc cannot add a netem queueing discipline here (" + out + ")";
    }
    return null;
  }

  /** Runs tc in the namespace. */
  void tc(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tc"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(inNamespace(cmd)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "tc hung");
    assertEquals(0, p.exitValue(), "tc " + String.join(" ", args) + ": " + out);
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
    if (namespace != null) {
      namespace.destroyForcibly();
    }
    probes.shutdownTestKit();
  }
}
