package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The Dockerfile, checked without a Docker engine: its build stage gets every module the root pom
 * lists, the image runs as a user with container-sized heap flags, and two Dockerfile linters from
 * the npm registry (which .ci/run installs into .ci/dockerfile-lint) accept it.
 */
class DockerBuildContextTest {
  static final Path ROOT = ExampleScenarios.repoRoot();

  /** The Dockerfile as it was when the root pom gained the benchmarks module. */
  static final String DOCKERFILE_WITHOUT_BENCHMARKS =
      """
      FROM maven:3.9-eclipse-temurin-17 AS build
      WORKDIR /src
      COPY pom.xml ./
      COPY protocol protocol
      COPY processor-node processor-node
      COPY coordinator coordinator
      RUN mvn -B -q -ntp -DskipTests package -pl coordinator -am

      FROM eclipse-temurin:17-jre
      WORKDIR /opt/dpcsim
      COPY --from=build /src/coordinator/target/dpcsim.jar dpcsim.jar
      COPY scenarios scenarios
      ENTRYPOINT ["java", "-jar", "/opt/dpcsim/dpcsim.jar"]
      """;

  static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the build stage gets every module of the root pom (poms and sources) and ./mvnw")
  void everyModuleArrives() throws IOException {
    List<String> modules = DockerBuildContext.modules(ROOT, "");
    assertTrue(modules.containsAll(List.of("protocol", "coordinator")), modules.toString());
    assertEquals(
        List.of(), DockerBuildContext.missing(ROOT, read("Dockerfile"), read(".dockerignore")));
  }

  @Test
  @DisplayName("the check fails for a module the Dockerfile leaves out or .dockerignore drops")
  void aMissingModuleFails() throws IOException {
    String firstModule = DockerBuildContext.modules(ROOT, "").get(0);
    List<String> old =
        DockerBuildContext.missing(ROOT, DOCKERFILE_WITHOUT_BENCHMARKS, read(".dockerignore"));
    assertTrue(
        old.contains("benchmarks/pom.xml (no COPY in the build stage takes it)"), old.toString());
    assertFalse(old.stream().anyMatch(p -> p.startsWith("coordinator/")), old.toString());

    List<String> ignored =
        DockerBuildContext.missing(
            ROOT, read("Dockerfile"), read(".dockerignore") + "\n" + firstModule + "\n");
    assertTrue(
        ignored.contains(firstModule + "/pom.xml (excluded by .dockerignore)"), ignored.toString());

    List<String> putBack =
        DockerBuildContext.missing(
            ROOT,
            read("Dockerfile"),
            read(".dockerignore") + "\n**/src\n!" + firstModule + "/src\n");
    assertTrue(putBack.stream().noneMatch(p -> p.startsWith(firstModule + "/")), putBack.get(0));
    assertFalse(putBack.isEmpty(), "the other modules' sources are excluded");
  }

  @Test
  @DisplayName(".dockerignore patterns follow Docker's rules (**, *, parents, ! exceptions)")
  void ignorePatterns() {
    assertTrue(DockerBuildContext.glob("**/target").matcher("target").matches());
    assertTrue(DockerBuildContext.glob("**/target").matcher("a/b/target").matches());
    assertFalse(DockerBuildContext.glob("*.jsonl").matcher("scenarios/a.jsonl").matches());
    assertTrue(
        DockerBuildContext.glob("scenarios/**/*.jsonl").matcher("scenarios/a.jsonl").matches());
    assertTrue(DockerBuildContext.covers(".", "x/y"));
    assertTrue(DockerBuildContext.covers("coordinator", "coordinator/src/A.java"));
    assertFalse(DockerBuildContext.covers("coordinator", "coordinator2/pom.xml"));
    assertEquals("a/b", DockerBuildContext.clean("./a//b/"));
  }

  @Test
  @DisplayName("the image runs as a user, with the container JVM flags in the entrypoint")
  void runtimeStage() throws IOException {
    String dockerfile = read("Dockerfile");
    assertFalse(dockerfile.contains("JAVA_TOOL_OPTIONS"), "it prints a line on every command");
    var stages = DockerBuildContext.stages(dockerfile);
    var last = stages.get(stages.size() - 1);
    List<String> users =
        last.instructions().stream()
            .filter(i -> i.keyword().equals("USER"))
            .map(DockerBuildContext.Instruction::args)
            .toList();
    assertFalse(users.isEmpty(), "no USER in the final stage: the container runs as root");
    String user = users.get(users.size() - 1);
    assertFalse(user.equals("root") || user.startsWith("0") || user.startsWith("root:"), user);
    List<String> entrypoint =
        last.instructions().stream()
            .filter(i -> i.keyword().equals("ENTRYPOINT"))
            .map(i -> DockerBuildContext.words(i.args()))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertEquals("java", entrypoint.get(0), entrypoint.toString());
    assertTrue(
        entrypoint.stream().anyMatch(w -> w.startsWith("-XX:MaxRAMPercentage=")),
        entrypoint.toString());
    assertTrue(entrypoint.contains("-XX:+ExitOnOutOfMemoryError"), entrypoint.toString());
    assertTrue(entrypoint.contains("-Dconfig.override_with_env_vars=true"), entrypoint.toString());
  }

  @Test
  @DisplayName("dockerfilelint and dockerfile-utils (npm) accept the Dockerfile")
  void linters() throws IOException, InterruptedException {
    Path bin = ROOT.resolve(".ci/dockerfile-lint/node_modules/.bin");
    Assumptions.assumeTrue(
        Files.isExecutable(bin.resolve("dockerfilelint"))
            && Files.isExecutable(bin.resolve("dockerfile-utils")),
        "the Dockerfile linters are not installed: .ci/run installs them (npm ci --prefix"
            + " .ci/dockerfile-lint)");
    for (List<String> cmd :
        List.of(
            List.of(bin.resolve("dockerfilelint").toString(), "Dockerfile"),
            List.of(bin.resolve("dockerfile-utils").toString(), "lint", "Dockerfile"))) {
      Process p =
          new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), cmd + " did not finish");
      assertEquals(0, p.exitValue(), cmd + ":\n" + out);
    }
    // The linters do fail on a broken Dockerfile (so a pass means something).
    Path bad = Files.createTempFile("Dockerfile-", ".bad");
    Files.writeString(
        bad, "FROM eclipse-temurin:17-jre\nEXPOSE 99999\nHEALTHCHECK --bogus=1 CMD true\n");
    Process p =
        new ProcessBuilder(bin.resolve("dockerfilelint").toString(), bad.toString())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(p.exitValue() != 0, "dockerfilelint accepted a broken Dockerfile");
    Files.delete(bad);
  }
}
