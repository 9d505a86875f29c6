package dpcsim.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar that package made (failsafe runs this after package): what it holds, and a run.
 */
class ShadedJarIT {
  static final Path ROOT = ExampleScenarios.repoRoot();
  static final Path JAR = ROOT.resolve("cli/target/dpcsim.jar");

  @Test
  @DisplayName("no LMDB, jnr-ffi or jffi (nor their native libraries) in dpcsim.jar")
  void noLmdbInJar() throws IOException {
    List<String> unwanted = new ArrayList<>();
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      zip.stream()
          .map(e -> e.getName())
          .filter(
              n ->
                  n.startsWith("org/lmdbjava/")
                      || n.startsWith("jnr/")
                      || n.startsWith("com/kenai/jffi/")
                      || n.startsWith("META-INF/maven/com.github.jnr/")
                      || n.startsWith("META-INF/maven/org.lmdbjava/"))
          .forEach(unwanted::add);
      assertTrue(zip.getEntry("reference.conf") != null, "merged reference.conf");
      assertTrue(zip.getEntry("dpcsim.conf") != null, "dpcsim.conf");
    }
    assertEquals(List.of(), unwanted.subList(0, Math.min(10, unwanted.size())));
  }

  @Test
  @DisplayName("java -jar dpcsim.jar runs a scenario on its embedded cluster")
  void runsFromTheJar() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-jar",
                JAR.toString(),
                "run",
                ROOT.resolve("scenarios/script-tour.yaml").toString(),
                "--json")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("\"traceSha256\""), out);
    assertTrue(Files.size(JAR) > 0);
  }
}
