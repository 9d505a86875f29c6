package dpcsim.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The build's own promises: a patched logback, pinned plugins, reproducible jars, the Maven wrapper
 * that the README, the launcher and CI use, and a fat jar without LMDB's native baggage.
 */
class BuildFilesTest {
  static final Path ROOT = ExampleScenarios.repoRoot();

  static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  static int[] version(String v) {
    return Arrays.stream(v.split("[.-]")).limit(3).mapToInt(Integer::parseInt).toArray();
  }

  @Test
  @DisplayName("logback on the classpath is 1.5.34 or later (CVE-2025-11226, CVE-2026-1225, ...)")
  void patchedLogback() throws IOException {
    for (String artifact : List.of("logback-classic", "logback-core")) {
      Properties p = new Properties();
      try (InputStream in =
          getClass()
              .getResourceAsStream(
                  "/META-INF/maven/ch.qos.logback/" + artifact + "/pom.properties")) {
        assertNotNull(in, artifact + " has no pom.properties");
        p.load(in);
      }
      int[] v = version(p.getProperty("version"));
      assertTrue(
          v[0] > 1 || (v[0] == 1 && (v[1] > 5 || (v[1] == 5 && v[2] >= 34))),
          artifact + " " + p.getProperty("version"));
    }
  }

  @Test
  @DisplayName("the enforcer requires plugin versions; jars get a fixed outputTimestamp")
  void pinnedAndReproducible() throws IOException {
    String pom = read("pom.xml");
    assertTrue(pom.contains("<requirePluginVersions>"), "requirePluginVersions in the enforcer");
    Matcher m =
        Pattern.compile(
                "<project\\.build\\.outputTimestamp>([^<]+)</project\\.build\\.outputTimestamp>")
            .matcher(pom);
    assertTrue(m.find(), "project.build.outputTimestamp");
    Instant.parse(m.group(1)); // a fixed instant, not a build-time expression
    for (String plugin :
        List.of(
            "maven-clean-plugin",
            "maven-resources-plugin",
            "maven-compiler-plugin",
            "maven-surefire-plugin",
            "maven-failsafe-plugin",
            "maven-jar-plugin",
            "maven-install-plugin",
            "maven-deploy-plugin",
            "maven-site-plugin",
            "maven-dependency-plugin",
            "maven-shade-plugin",
            "maven-enforcer-plugin",
            "maven-wrapper-plugin")) {
      assertTrue(
          Pattern.compile(
                  "<artifactId>"
                      + plugin
                      + "</artifactId>\\s*<version>\\d+\\.\\d+(\\.\\d+)?</version>")
              .matcher(pom)
              .find(),
          plugin + " has no version in the root pom");
    }
    assertTrue(read(".ci/run").contains("sha256sum --quiet -c"), ".ci/run compares rebuilt jars");
  }

  @Test
  @DisplayName("./mvnw pins Maven 3.9.x by SHA-256; the README, ./dpcsim and .ci/run use it")
  void mavenWrapper() throws IOException {
    assertTrue(Files.isExecutable(ROOT.resolve("mvnw")), "mvnw is executable");
    Properties p = new Properties();
    try (InputStream in =
        Files.newInputStream(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
      p.load(in);
    }
    assertTrue(
        p.getProperty("distributionUrl")
            .matches(
                "https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/apache-maven/3\\.9\\.\\d+/apache-maven-3\\.9\\.\\d+-bin\\.zip"),
        p.getProperty("distributionUrl"));
    assertTrue(p.getProperty("distributionSha256Sum", "").matches("[0-9a-f]{64}"), "SHA-256");

    String readme = read("README.md");
    int start = readme.indexOf("## The two commands");
    String block = readme.substring(start, readme.indexOf("```", readme.indexOf("```", start) + 3));
    Matcher test = Pattern.compile("(?m)^(\\./mvnw [^#\\n]*?verify)\\s*#").matcher(block);
    assertTrue(test.find(), "the README's test command uses ./mvnw: " + block);
    assertFalse(Pattern.compile("(?m)^mvn ").matcher(block).find(), block);
    String ci = read(".ci/run");
    assertTrue(ci.contains("\n" + test.group(1) + "\n"), ".ci/run runs " + test.group(1));
    String launcher = read("dpcsim");
    assertTrue(launcher.contains("./mvnw "), "./dpcsim builds with ./mvnw");
    assertFalse(Pattern.compile("(?m)[;&(]\\s*mvn |^\\s*mvn ").matcher(launcher).find());
  }

  @Test
  @DisplayName("the launcher picks the parallel collector unless DPCSIM_JAVA_OPTS names one")
  void launcherCollector() throws Exception {
    String launcher = read("dpcsim");
    int from = launcher.indexOf("gc_opts=(");
    int to = launcher.indexOf("esac", from) + "esac".length();
    assertTrue(from >= 0 && to > from, "the launcher chooses a collector in one block");
    String block = launcher.substring(from, to);
    assertEquals("-XX:+UseParallelGC", collectorFor(block, ""));
    assertEquals("-XX:+UseParallelGC", collectorFor(block, "-Xmx2g -Xlog:gc"));
    assertEquals("", collectorFor(block, "-XX:+UseG1GC"));
    assertEquals("", collectorFor(block, "-Xmx1g -XX:+UseZGC -Xlog:gc"));
  }

  /** Runs the launcher's block with {@code opts} as DPCSIM_JAVA_OPTS; @return the options chosen */
  private static String collectorFor(String block, String opts) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", block + "\necho \"${gc_opts[*]}\"")
            .redirectErrorStream(true);
    pb.environment().put("DPCSIM_JAVA_OPTS", opts);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  @DisplayName("LMDB and jnr-ffi (with natives for ten platforms) stay out of the jar")
  void noLmdb() {
    for (String cls :
        List.of("org.lmdbjava.Env", "jnr.ffi.LibraryLoader", "com.kenai.jffi.Foreign")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(cls), cls);
    }
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      assertFalse(entry.matches(".*(lmdbjava|jnr-ffi|jffi)[^/]*\\.jar"), entry);
    }
  }
}
