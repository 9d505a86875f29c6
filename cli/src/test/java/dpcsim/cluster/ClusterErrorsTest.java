package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad cluster input: one clear line, exit status 2, never a stack trace or a hang. */
class ClusterErrorsTest {
  record Result(int status, String out, String err) {}

  static Result dpcsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  static void assertOneLine(Result r, String... fragments) {
    assertEquals(2, r.status(), r.err());
    String line = r.err().strip();
    assertFalse(line.contains("\n"), "one line: " + r.err());
    assertFalse(line.contains("\tat "), "no stack trace");
    for (String f : fragments) {
      assertTrue(line.contains(f), "'" + f + "' in: " + line);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  @DisplayName("a port already in use")
  void portInUse() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      assertOneLine(
          dpcsim("coordinator", "--port", Integer.toString(port)),
          "cannot listen on 127.0.0.1:" + port,
          "already in use");
    }
  }

  @Test
  @DisplayName("a seed node nobody answers on: the node cannot join, says so after the timeout")
  void unreachableSeed() throws IOException {
    String seed = "pekko://dpcsim@127.0.0.1:" + freePort();
    assertOneLine(
        dpcsim("node", "--port", "0", "--seed-nodes", seed, "--join-timeout", "3s"),
        "cannot join the cluster through " + seed,
        "within 3 s");
  }

  @Test
  @DisplayName("status against a port nobody answers on gives up when it says it does")
  void statusTimeout() throws IOException {
    String seed = "pekko://dpcsim@127.0.0.1:" + freePort();
    long start = System.nanoTime();
    Result r = dpcsim("status", "--cluster", seed, "--timeout", "3s");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertOneLine(r, "cannot join the cluster through " + seed, "within 3 s");
    // The timeout counts from the command's start (the actor system's start included); the
    // margin is for a busy machine.
    assertTrue(seconds >= 2.9 && seconds < 3 + 4, "gave up after " + seconds + " s");
    assertOneLine(dpcsim("status", "--cluster", seed, "--timeout", "0s"), "--timeout");
  }

  @Test
  @DisplayName("beyond loopback without keys: refused in one line that says how to make them")
  void exposedWithoutKeys() {
    Result r = dpcsim("node", "--host", "0.0.0.0", "--seed-nodes", "pekko://dpcsim@10.0.0.5:2552");
    assertOneLine(r);
    // The line docs/security.md shows.
    assertEquals(
        "dpcsim: --host 0.0.0.0: listening beyond 127.0.0.1 needs the cluster's keys: make them"
            + " once with 'dpcsim keys init DIR', copy DIR to every member and pass --keys DIR (or"
            + " DPCSIM_KEYS=DIR); --insecure listens without them",
        r.err().strip());
    assertOneLine(
        dpcsim("coordinator", "--host", "<getHostAddress>", "--port", "0"),
        "--host <getHostAddress>: listening beyond 127.0.0.1 needs the cluster's keys");
    // However the address is set.
    assertOneLine(
        dpcsim(
            "coordinator",
            "--port",
            "0",
            "--join-timeout",
            "3s",
            "--seed-nodes",
            "pekko://dpcsim@127.0.0.1:1",
            "--host",
            "localhost"),
        "cannot join");
  }

  @Test
  @DisplayName("--insecure: warned about, then allowed (an address of no interface here: no bind)")
  void insecureWarns() {
    // 192.0.2.1 (TEST-NET-1, RFC 5737) is on no interface: nothing ever listens beyond loopback.
    Result r = dpcsim("coordinator", "--host", "192.0.2.1", "--port", "0", "--insecure");
    assertEquals(2, r.status(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(2, lines.size(), r.err());
    assertEquals(
        "dpcsim: warning: --insecure: listening on 192.0.2.1 without keys; anyone who reaches this"
            + " port can join the cluster and be given processors (docs/security.md)",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("dpcsim: cannot listen on 192.0.2.1:0"), lines.get(1));
  }

  @Test
  @DisplayName("keys: a folder without them, --insecure with --keys: one line each")
  void badKeys() throws IOException {
    Path empty = Files.createTempDirectory("no-keys");
    assertOneLine(
        dpcsim("coordinator", "--port", "0", "--keys", empty.toString()),
        "--keys " + empty + ": no cluster keys there (cluster.p12 is missing)",
        "dpcsim keys init " + empty);
    assertOneLine(
        dpcsim("status", "--cluster", "pekko://dpcsim@127.0.0.1:1", "--keys", empty.toString()),
        "no cluster keys there");
    Path keys = empty.resolve("k");
    assertEquals(0, dpcsim("keys", "init", keys.toString()).status());
    assertOneLine(
        dpcsim(
            "node", "--seed-nodes", "pekko://dpcsim@h:1", "--keys", keys.toString(), "--insecure"),
        "--insecure and --keys");
    Files.writeString(keys.resolve("password"), "wrong\n");
    assertOneLine(
        dpcsim("coordinator", "--port", "0", "--keys", keys.toString()),
        "--keys " + keys + ": cannot open cluster.p12 with its password");
  }

  @Test
  @DisplayName("a processor node needs seed nodes; addresses must be node addresses")
  void badNodeFlags() {
    assertOneLine(dpcsim("node"), "--seed-nodes");
    assertOneLine(dpcsim("node", "--seed-nodes", "127.0.0.1:2552"), "not a node address");
    assertOneLine(
        dpcsim("node", "--port", "70000", "--seed-nodes", "pekko://dpcsim@h:1"), "--port");
  }

  @Test
  @DisplayName("run: --cluster and --local-nodes exclude each other; node counts are checked")
  void badRunFlags() {
    String s = ExampleScenarios.repoRoot().resolve("scenarios/script-tour.yaml").toString();
    assertOneLine(dpcsim("run", s, "--cluster", "nope"), "--cluster", "not a node address");
    assertOneLine(
        dpcsim("run", s, "--cluster", "pekko://dpcsim@127.0.0.1:1", "--local-nodes", "2"),
        "choose one");
    assertOneLine(dpcsim("run", s, "--local-nodes", "0"), "--local-nodes", "3 processors");
    assertOneLine(dpcsim("run", s, "--nodes", "2"), "--nodes needs --cluster");
    assertOneLine(
        dpcsim("run", s, "--engine", "sequential", "--local-nodes", "2"), "--engine sequential");
  }
}
