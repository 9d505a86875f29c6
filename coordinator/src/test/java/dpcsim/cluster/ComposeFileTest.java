package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is the multi-node topology in containers. No Docker engine runs here, but the
 * v1 client (Debian's {@code docker-compose}, which .ci/run installs) validates the file offline.
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
    assertTrue(out.contains("pekko://dpcsim@coordinator:2552"), "seed from the environment");
    assertTrue(out.contains("healthcheck:"), out);
  }
}
