package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.cli.Main;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real cluster of separate JVMs on 127.0.0.1: {@code dpcsim coordinator} and two {@code dpcsim
 * node} processes, and runs submitted with {@code dpcsim run --cluster}. Then one node is killed
 * (SIGKILL) in the middle of a run, and a client JVM is interrupted (SIGINT) in the middle of one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeparateJvmClusterTest {
  Path logs;
  final ActorTestKit probes = ActorTestKit.create("waits");
  final List<Process> processes = new ArrayList<>();
  Process node2;
  Path node2Log;
  String seed;
  int coordinatorHealth;
  int node1Health;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static List<String> dpcsimJvm(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    // The production logging of the dpcsim jar, not the test classpath's capturing one.
    cmd.add("-Dlogback.configurationFile=" + Main.class.getResource("/logback.xml"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dpcsim.cli.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private Process launch(String name, String... args) throws IOException {
    List<String> cmd = dpcsimJvm(args);
    Path log = logs.resolve(name + ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(p);
    if (name.equals("node2")) {
      node2Log = log;
    }
    awaitLog(log, "up at", Duration.ofSeconds(60));
    return p;
  }

  private void awaitLog(Path log, String text, Duration max) {
    TestProbe<Object> probe = probes.createTestProbe();
    probe.awaitAssert(
        max,
        Duration.ofMillis(100),
        () -> {
          assertTrue(Files.readString(log).contains(text), log + ": " + Files.readString(log));
          return null;
        });
  }

  @BeforeAll
  void startCluster() throws IOException {
    logs = Files.createTempDirectory("dpcsim-cluster-");
    int port = freePort();
    seed = "pekko://dpcsim@127.0.0.1:" + port;
    coordinatorHealth = freePort();
    node1Health = freePort();
    launch(
        "coordinator",
        "coordinator",
        "--port",
        Integer.toString(port),
        "--health-port",
        Integer.toString(coordinatorHealth));
    launch(
        "node1",
        "node",
        "--port",
        "0",
        "--seed-nodes",
        seed,
        "--health-port",
        Integer.toString(node1Health));
    node2 = launch("node2", "node", "--port", "0", "--seed-nodes", seed);
  }

  @AfterAll
  void stopCluster() {
    processes.forEach(Process::destroyForcibly);
    probes.shutdownTestKit();
  }

  static String[] result(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(status), out.toString(), err.toString()};
  }

  static String hashOf(String out) {
    Matcher m = Pattern.compile("\"traceSha256\":\"([0-9a-f]{64})\"").matcher(out);
    assertTrue(m.find(), out);
    return m.group(1);
  }

  @Test
  @Order(1)
  @DisplayName("two processor JVMs give the sequential engine's trace; the placement says where")
  void sameTraceAcrossJvms() {
    Path file = ExampleScenarios.repoRoot().resolve("scenarios/server-64.yaml");
    String[] r =
        result(
            "run",
            file.toString(),
            "--cluster",
            seed,
            "--nodes",
            "2",
            "--duration",
            "20ms",
            "--json");
    assertEquals("0", r[0], r[2]);
    RunResult seq =
        SequentialEngine.run(ExampleScenarios.load(file).withDuration(20_000_000), null, false);
    assertEquals(seq.traceSha256(), hashOf(r[1]));
    assertTrue(r[1].contains("\"nodes\":2"), r[1]);
    assertTrue(r[1].contains("\"node\":\"pekko://dpcsim@127.0.0.1:"), r[1]);
  }

  /** Runs a dpcsim client command in a JVM of its own: its exit status and its output. */
  private static String[] client(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(dpcsimJvm(args)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the client did not end: " + out);
    return new String[] {Integer.toString(p.exitValue()), out};
  }

  @Test
  @Order(2)
  @DisplayName(
      "clients (status, run) leave quietly: no WARN on their stderr, nor on the nodes they leave")
  void clientsLeaveQuietly() throws Exception {
    String[] status = client("status", "--cluster", seed);
    assertEquals("0", status[0], status[1]);
    assertTrue(status[1].contains("processor hosts known to the coordinator: 2"), status[1]);
    String[] run =
        client(
            "run",
            ExampleScenarios.repoRoot().resolve("scenarios/script-tour.yaml").toString(),
            "--cluster",
            seed,
            "--nodes",
            "2");
    assertEquals("0", run[0], run[1]);
    for (String[] r : List.of(status, run)) {
      assertFalse(r[1].contains("WARN"), r[1]);
    }
    // A client that vanished instead of leaving stays a member until it is marked unreachable
    // (after about 5 s, acceptable-heartbeat-pause) and downed 4 s later, with WARN lines on every
    // node. Once the coordinator lists only its three nodes, the clients are gone and nothing
    // about them can be logged later: read the logs then.
    TestProbe<Object> probe = probes.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(30),
        Duration.ofMillis(500),
        () -> {
          String[] now = result("status", "--cluster", seed);
          List<String> members = now[1].lines().filter(l -> l.startsWith("pekko://")).toList();
          assertEquals(3, members.size(), now[1]);
          assertTrue(members.stream().allMatch(l -> l.contains(" Up ")), now[1]);
          return null;
        });
    for (String node : List.of("coordinator", "node1", "node2")) {
      String log = Files.readString(logs.resolve(node + ".log"));
      assertFalse(log.contains("WARN"), node + ": " + log);
      assertFalse(log.contains("UNREACHABLE"), node + ": " + log);
    }
  }

  @Test
  @Order(3)
  @DisplayName("--health-port: each node answers /health/alive and /health/ready on 127.0.0.1")
  void healthChecks() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int port : List.of(coordinatorHealth, node1Health)) {
      for (String path : List.of("/health/alive", "/health/ready")) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), port + path + ": " + r.body());
      }
    }
  }

  @Test
  @Order(4)
  @DisplayName(
      "a processor node killed mid-run: exit 3 within seconds, one line; the rest stays up")
  void nodeKilledMidRun() throws Exception {
    Path file = ExampleScenarios.repoRoot().resolve("scenarios/server-64.yaml");
    int hostedBefore = ClusterJvms.count(Files.readString(node2Log), "hosting processors");
    CompletableFuture<String[]> run =
        CompletableFuture.supplyAsync(
            () ->
                result(
                    "run",
                    file.toString(),
                    "--cluster",
                    seed,
                    "--nodes",
                    "2",
                    "--duration",
                    "30s"));
    TestProbe<Object> probe = probes.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(60),
        Duration.ofMillis(50),
        () -> {
          assertTrue(
              ClusterJvms.count(Files.readString(node2Log), "hosting processors") > hostedBefore);
          return null;
        });
    long killedAt = System.nanoTime();
    node2.destroyForcibly();
    String[] r = run.get(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - killedAt) / 1e9;
    assertEquals("3", r[0], r[2]);
    List<String> lines = r[2].lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), r[2]);
    // Killed, it stops answering: unreachable (it never left).
    assertTrue(lines.get(0).contains("became unreachable during the run"), lines.get(0));
    // Placement follows the nodes' address order, and node 2's port is random: ask its log.
    Matcher hosted =
        Pattern.compile("hosting processors (\\d+-\\d+)").matcher(Files.readString(node2Log));
    String range = null;
    while (hosted.find()) {
      range = hosted.group(1);
    }
    assertTrue(lines.get(0).contains("processors " + range + " lost"), lines.get(0));
    assertTrue(lines.get(0).contains("simulated time reached"), lines.get(0));
    assertTrue(seconds < 20, "ended " + seconds + " s after the kill");
    assertTrue(r[1].isEmpty(), "no statistics reported as complete: " + r[1]);

    // The coordinator and the other node stay up and accept the next run.
    String[] next =
        result(
            "run",
            ExampleScenarios.repoRoot().resolve("scenarios/script-tour.yaml").toString(),
            "--cluster",
            seed,
            "--nodes",
            "1");
    assertEquals("0", next[0], next[2]);
  }

  @Test
  @Order(3)
  @DisplayName(
      "a client interrupted by SIGINT: exit 130, one line; the coordinator ends its run at once and"
          + " takes the queued next")
  void clientInterrupted() throws Exception {
    Path file = ExampleScenarios.repoRoot().resolve("scenarios/server-64.yaml");
    // A one-node run goes to the node with the lower address, and both ports are random: watch
    // both nodes' logs (node 2 may already be gone when nodeKilledMidRun ran first).
    int hostedBefore = hostedOnAnyNode();
    List<String> cmd = new ArrayList<>();
    // A test JVM started in the background may have SIGINT ignored, which its children inherit.
    cmd.addAll(List.of("env", "--default-signal=INT"));
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    cmd.add("-Dlogback.configurationFile=" + Main.class.getResource("/logback.xml"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dpcsim.cli.Main"));
    cmd.addAll(
        List.of("run", file.toString(), "--cluster", seed, "--nodes", "1", "--duration", "60s"));
    Path clientErr = logs.resolve("client.err");
    Process client =
        new ProcessBuilder(cmd)
            .redirectOutput(logs.resolve("client.out").toFile())
            .redirectError(clientErr.toFile())
            .start();
    processes.add(client);
    TestProbe<Object> probe = probes.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(60),
        Duration.ofMillis(50),
        () -> {
          assertTrue(hostedOnAnyNode() > hostedBefore);
          return null;
        });
    // The next run waits behind the 60 simulated seconds (minutes of work) until the cancel.
    CompletableFuture<String[]> next =
        CompletableFuture.supplyAsync(
            () ->
                result(
                    "run",
                    ExampleScenarios.repoRoot().resolve("scenarios/script-tour.yaml").toString(),
                    "--cluster",
                    seed,
                    "--nodes",
                    "1"));
    probe.awaitAssert(
        Duration.ofSeconds(60),
        Duration.ofMillis(200),
        () -> {
          assertTrue(result("status", "--cluster", seed)[1].contains("(1 queued)"));
          return null;
        });

    long interruptedAt = System.nanoTime();
    assertEquals(
        0, new ProcessBuilder("kill", "-INT", Long.toString(client.pid())).start().waitFor());
    assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the client ended");
    assertEquals(130, client.exitValue(), Files.readString(clientErr));
    List<String> lines = Files.readString(clientErr).lines().filter(l -> !l.isBlank()).toList();
    assertTrue(
        Pattern.matches(
            // The simulated time is known once the first progress report reached the client.
            "dpcsim: interrupted \\(SIGINT\\)( at simulated \\S+ of 60.0s)?; no output written",
            lines.get(lines.size() - 1)),
        lines.toString());
    assertEquals("", Files.readString(logs.resolve("client.out")), "nothing printed as complete");

    String[] r = next.get(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - interruptedAt) / 1e9;
    assertEquals("0", r[0], r[2]);
    assertTrue(seconds < 20, "the queued run ended " + seconds + " s after the interrupt");
  }

  /** Runs hosted so far by node 1 and node 2 together, from their logs. */
  private int hostedOnAnyNode() throws IOException {
    int n = 0;
    for (String node : List.of("node1", "node2")) {
      n += ClusterJvms.count(Files.readString(logs.resolve(node + ".log")), "hosting processors");
    }
    return n;
  }
}
