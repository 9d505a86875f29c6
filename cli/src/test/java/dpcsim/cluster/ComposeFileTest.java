package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dpcsim.ExampleScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is the multi-node topology in containers. No Docker engine runs here, but the
 * v1 client (Debian's {@code docker-compose}, which .ci/run installs) validates the file offline;
 * the rest is read as YAML.
 */
class ComposeFileTest {
  @Test
  @DisplayName(
      "docker-compose config accepts docker-compose.yml: a coordinator and a scalable node service")
  void composeFileIsValid() throws IOException, InterruptedException {
    Path root = ExampleScenarios.repoRoot();
    boolean installed =
        Files.isExecutable(Path.of("/usr/bin/docker-compose"))
            || Files.isExecutable(Path.of("/usr/local/bin/docker-compose"));
    Assumptions.assumeTrue(
        installed,
        "docker-compose (Debian's v1 client) is not installed here, so the compose file cannot be"
            + " validated; .ci/run installs it with apt-get install docker-compose");
    Process p =
        new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker-compose config did not finish");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("coordinator:"), out);
    assertTrue(out.contains("processor-node:"), out);
    assertTrue(out.contains("pekko://dpcsim@coordinator:2552"), "the nodes' seed");
    assertTrue(out.contains("healthcheck:"), out);
  }

  static JsonNode compose() throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .readTree(ExampleScenarios.repoRoot().resolve("docker-compose.yml").toFile());
  }

  @Test
  @DisplayName("no obsolete version key; no port published on every host interface")
  void noVersionNoPublishedArtery() throws IOException {
    JsonNode c = compose();
    assertFalse(c.has("version"), "the Compose Specification has no version key");
    for (var it = c.get("services").fields(); it.hasNext(); ) {
      var service = it.next();
      JsonNode ports = service.getValue().get("ports");
      if (ports == null) {
        continue;
      }
      for (JsonNode p : ports) {
        String text = p.isTextual() ? p.asText() : p.toString();
        assertTrue(
            text.startsWith("127.0.0.1:") || text.contains("\"host_ip\":\"127.0.0.1\""),
            service.getKey() + " publishes " + text + " on every interface");
      }
    }
  }

  @Test
  @DisplayName(
      "health checks: an HTTP GET of the node's own /health/ready, no JVM, no cluster join")
  void cheapLocalHealthChecks() throws IOException {
    JsonNode services = compose().get("services");
    for (String name : List.of("coordinator", "processor-node")) {
      JsonNode service = services.get(name);
      String test = service.get("healthcheck").get("test").toString();
      assertFalse(test.contains("java") || test.contains("status"), name + ": " + test);
      assertTrue(test.contains("curl") && test.contains(":7626/health/ready"), name + ": " + test);
      String command = service.get("command").toString();
      assertTrue(command.contains("\"--health-port\",\"7626\""), name + ": " + command);
    }
    String node = services.get("processor-node").get("healthcheck").get("test").toString();
    assertFalse(node.contains("coordinator"), "a node checks itself, not the coordinator: " + node);
    assertTrue(node.contains("$$(hostname)"), node);
  }

  @Test
  @DisplayName("the members hold the cluster's keys, made once by a one-shot service in a volume")
  void membersHoldKeys() throws IOException {
    JsonNode services = compose().get("services");
    String keys = services.get("keys").get("command").toString();
    assertEquals("[\"keys\",\"init\",\"/opt/dpcsim/keys\",\"--if-absent\"]", keys);
    for (String name : List.of("coordinator", "processor-node")) {
      JsonNode service = services.get(name);
      assertEquals(
          "/opt/dpcsim/keys", service.get("environment").get("DPCSIM_KEYS").asText(), name);
      assertEquals("cluster-keys:/opt/dpcsim/keys:ro", service.get("volumes").get(0).asText());
    }
    assertEquals(
        "service_completed_successfully",
        services.get("coordinator").get("depends_on").get("keys").get("condition").asText());
    assertTrue(compose().get("volumes").has("cluster-keys"));
  }
}
