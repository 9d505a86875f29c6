package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.actors.ClusterMember;
import dpcsim.coordinator.ClusterNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.management.scaladsl.PekkoManagement$;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cluster members in this JVM on 127.0.0.1: a client leaves as a member leaves (removed, never
 * unreachable), and health checks are served only by a node asked for them, on its own address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberLifecycleTest {
  final ActorTestKit waits = ActorTestKit.create("waits");

  @AfterAll
  void stop() {
    waits.shutdownTestKit();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  static ClusterMember.Settings coordinator(String host) {
    return new ClusterMember.Settings(
        List.of(ClusterNode.COORDINATOR_ROLE), host, 0, List.of(), null);
  }

  @Test
  @DisplayName("a client leaves: the coordinator sees it removed, never unreachable")
  void clientLeavesNormally() {
    ClusterMember c = ClusterMember.start(coordinator("127.0.0.1"), Duration.ofSeconds(30));
    try {
      ClusterMember client =
          ClusterMember.start(
              new ClusterMember.Settings(List.of("client"), null, 0, List.of(c.address()), null),
              Duration.ofSeconds(20));
      Cluster cluster = Cluster.get(c.system());
      assertEquals(2, cluster.state().members().size());
      long start = System.nanoTime();
      assertTrue(client.leaveWithin(Duration.ofSeconds(15)), "removed within 15 s");
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(client.system().whenTerminated().isCompleted(), "stopped after leaving");
      assertTrue(seconds < 15, seconds + " s");
      waits
          .createTestProbe()
          .awaitAssert(
              Duration.ofSeconds(10),
              () -> {
                assertEquals(1, cluster.state().members().size(), cluster.state().toString());
                return null;
              });
      assertTrue(cluster.state().getUnreachable().isEmpty(), cluster.state().toString());
    } finally {
      c.closeWithin(Duration.ofSeconds(10));
    }
  }

  @Test
  @DisplayName("--health-port: /health/alive and /health/ready answer 200 on the node's address")
  void healthChecks() throws Exception {
    int port = freePort();
    ClusterMember c =
        ClusterMember.startLongRunning(coordinator("127.0.0.1"), Duration.ofSeconds(30), port);
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (String path : List.of("/health/alive", "/health/ready")) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
      }
      assertEquals(
          "127.0.0.1", c.system().settings().config().getString("pekko.management.http.hostname"));
    } finally {
      c.closeWithin(Duration.ofSeconds(10));
    }
  }

  @Test
  @DisplayName("a node not asked for health checks (dpcsim run's embedded one) serves none")
  void noHealthChecksUnlessAsked() {
    ClusterMember m = ClusterMember.start(coordinator(null), Duration.ofSeconds(30));
    try {
      assertFalse(Adapter.toClassic(m.system()).hasExtension(PekkoManagement$.MODULE$));
      assertEquals(
          "127.0.0.1", m.system().settings().config().getString("pekko.management.http.hostname"));
    } finally {
      m.closeWithin(Duration.ofSeconds(10));
    }
  }

  @Test
  @DisplayName(
      "a long-running processor node whose coordinator left leaves too, saying why (to rejoin)")
  void nodeLeavesWithoutCoordinator() {
    ClusterMember c = ClusterMember.start(coordinator("127.0.0.1"), Duration.ofSeconds(30));
    ClusterMember node =
        ClusterMember.startLongRunning(
            new ClusterMember.Settings(
                List.of(ClusterNode.PROCESSOR_ROLE), null, 0, List.of(c.address()), null),
            Duration.ofSeconds(30));
    try {
      assertTrue(
          node.system().settings().config().getBoolean("dpcsim.node.leave-without-coordinator"));
      // The coordinator leaves normally (SIGTERM): no member is downed, none is unreachable.
      assertTrue(c.leaveWithin(Duration.ofSeconds(15)), "the coordinator left");
      String why =
          java.util.concurrent.CompletableFuture.supplyAsync(node::awaitTermination)
              .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
              .join();
      assertEquals("left the cluster (no coordinator was left in it)", why);
    } finally {
      node.closeWithin(Duration.ofSeconds(10));
      c.closeWithin(Duration.ofSeconds(10));
    }
  }
}
