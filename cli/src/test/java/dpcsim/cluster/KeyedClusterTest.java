package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.actors.ClusterKeys;
import dpcsim.actors.ClusterMember;
import dpcsim.cli.Main;
import dpcsim.coordinator.ClusterNode;
import dpcsim.engine.RunFailure;
import dpcsim.engine.SequentialEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A cluster with keys, in this JVM over real Artery TLS on 127.0.0.1: members holding the keys join
 * and run; a member without them, or with keys of its own, cannot join and is given nothing. (The
 * fault suite, ClusterFaultsTest, does the same with separate JVMs.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(120)
class KeyedClusterTest {
  Path dir;
  ClusterKeys keys;
  ClusterMember coordinator;
  ClusterMember node;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("keyed-");
    assertEquals(0, dpcsim("keys", "init", dir.resolve("keys").toString()).status());
    keys = ClusterKeys.load(dir.resolve("keys"), "test");
    coordinator =
        ClusterMember.start(
            new ClusterMember.Settings(
                    List.of(ClusterNode.COORDINATOR_ROLE), "127.0.0.1", 0, List.of(), null)
                .withKeys(keys, false),
            Duration.ofSeconds(30));
    node = ClusterMember.start(processor(keys), Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    node.closeWithin(Duration.ofSeconds(10));
    coordinator.closeWithin(Duration.ofSeconds(10));
  }

  private ClusterMember.Settings processor(ClusterKeys k) {
    return member(ClusterNode.PROCESSOR_ROLE, k);
  }

  private ClusterMember.Settings member(String role, ClusterKeys k) {
    return new ClusterMember.Settings(
            List.of(role), "127.0.0.1", 0, List.of(coordinator.address()), null)
        .withKeys(k, false);
  }

  record Result(int status, String out, String err) {}

  static Result dpcsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  @Test
  @DisplayName("members with the keys speak TLS and run: the sequential engine's trace")
  void keyedRun() {
    assertEquals(
        "tls-tcp",
        coordinator.system().settings().config().getString("pekko.remote.artery.transport"));
    Path file = ExampleScenarios.repoRoot().resolve("scenarios/script-tour.yaml");
    Result r =
        dpcsim(
            "run",
            file.toString(),
            "--cluster",
            coordinator.address(),
            "--keys",
            dir.resolve("keys").toString(),
            "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals(
        SequentialEngine.run(ExampleScenarios.load(file), null, false).traceSha256(),
        SeparateJvmClusterTest.hashOf(r.out()));
    assertTrue(r.out().contains("\"node\":\"" + node.address() + "\""), r.out());
  }

  @Test
  @DisplayName(
      "a rogue member without the keys, or with its own, cannot join; nothing is placed on it")
  void rogues() throws Exception {
    RunFailure plain =
        assertThrows(
            RunFailure.class, () -> ClusterMember.start(processor(null), Duration.ofSeconds(4)));
    assertEquals(2, plain.exitStatus());
    assertTrue(plain.getMessage().contains("cannot join the cluster"), plain.getMessage());
    assertEquals(0, dpcsim("keys", "init", dir.resolve("other").toString()).status());
    RunFailure other =
        assertThrows(
            RunFailure.class,
            () ->
                ClusterMember.start(
                    processor(ClusterKeys.load(dir.resolve("other"), "test")),
                    Duration.ofSeconds(4)));
    assertTrue(other.getMessage().contains("cannot join the cluster"), other.getMessage());
    // The coordinator knows its two members only.
    assertEquals(2, Cluster.get(coordinator.system()).state().members().size());
  }

  @Test
  @DisplayName(
      "--join-timeout is Pekko's own limit; a member removed says why, so its process rejoins")
  void removedMemberSaysWhy() {
    // Clients: no processors to place on a member that is about to go.
    ClusterMember downed = ClusterMember.start(member("client", keys), Duration.ofSeconds(45));
    assertEquals(
        Duration.ofSeconds(45),
        downed
            .system()
            .settings()
            .config()
            .getDuration("pekko.cluster.shutdown-after-unsuccessful-join-seed-nodes"));
    Cluster.get(downed.system())
        .manager()
        .tell(new Down(Cluster.get(downed.system()).selfMember().address()));
    String why =
        java.util.concurrent.CompletableFuture.supplyAsync(downed::awaitTermination)
            .orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
            .join();
    assertTrue(why.startsWith("was removed from the cluster (downed"), why);

    // A member that leaves says so too: MemberLifecycleTest.nodeLeavesWithoutCoordinator.
  }

  @Test
  @DisplayName(
      "rolling rotation, step 2: a member on the new key joins members on the old one, as each"
          + " trusts both")
  void rotation() {
    Path old = dir.resolve("rot-old");
    Path neu = dir.resolve("rot-new");
    assertEquals(0, dpcsim("keys", "init", old.toString()).status());
    assertEquals(0, dpcsim("keys", "init", neu.toString()).status());
    assertEquals(0, dpcsim("keys", "trust", old.toString(), neu.toString()).status());
    assertEquals(0, dpcsim("keys", "trust", neu.toString(), old.toString()).status());
    ClusterMember first =
        ClusterMember.start(
            new ClusterMember.Settings(
                    List.of(ClusterNode.COORDINATOR_ROLE), "127.0.0.1", 0, List.of(), null)
                .withKeys(ClusterKeys.load(old, "old"), false),
            Duration.ofSeconds(30));
    try {
      ClusterMember second =
          ClusterMember.start(
              new ClusterMember.Settings(
                      List.of("client"), "127.0.0.1", 0, List.of(first.address()), null)
                  .withKeys(ClusterKeys.load(neu, "new"), false),
              Duration.ofSeconds(30));
      assertEquals(2, Cluster.get(first.system()).state().members().size());
      second.closeWithin(Duration.ofSeconds(10));
      // Step 3 on the new folder only: it no longer trusts the old key, so it cannot join.
      assertEquals(0, dpcsim("keys", "trust", neu.toString()).status());
      assertThrows(
          RunFailure.class,
          () ->
              ClusterMember.start(
                  new ClusterMember.Settings(
                          List.of("client"), "127.0.0.1", 0, List.of(first.address()), null)
                      .withKeys(ClusterKeys.load(neu, "new"), false),
                  Duration.ofSeconds(4)));
    } finally {
      first.closeWithin(Duration.ofSeconds(10));
    }
  }
}
