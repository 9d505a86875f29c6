package dpcsim;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dpcsim.kernel.Profiles;
import dpcsim.scenario.Dist;
import dpcsim.scenario.Interrupts;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.scenario.Work;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/** The example scenarios under the repository's {@code scenarios/} folder, for tests. */
public final class ExampleScenarios {
  /**
   * One processor whose High DPC runs for a second under win10's watchdog with {@code action:
   * stop}: the run stops at the violation.
   */
  public static final String WATCHDOG_STOP =
      """
      name: stop at the watchdog
      profile: win10
      processors: 1
      duration: 3s
      watchdog: { single: 0x4, cumulative: 0x200, action: stop }
      dpcs:
        stuck: { importance: high, routine: { duration: 1s } }
      script:
        - { at: 10ms, cpu: 0, do: insert, dpc: stuck }
      """;

  private ExampleScenarios() {}

  /**
   * @return the repository root: the nearest folder at or above the working directory (surefire
   *     runs in the module folder) that holds {@code scenarios/}
   */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("scenarios")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no scenarios/ folder at or above " + dir);
  }

  /**
   * @return every {@code *.yaml} file under {@code scenarios/}, sorted by name
   */
  public static List<Path> files() {
    try (Stream<Path> s = Files.list(repoRoot().resolve("scenarios"))) {
      List<Path> files =
          s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
      assertFalse(files.isEmpty(), "no example scenarios found");
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the validated scenario in {@code file}
   */
  public static Scenario load(Path file) {
    try {
      return ScenarioLoader.load(file, new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      throw new AssertionError("example scenario does not load: " + e.getMessage(), e);
    }
  }

  /**
   * @return true if a run of {@code s} draws random numbers that can change its trace: a Poisson
   *     device, an exponential or non-degenerate uniform duration, or a load strictly between 0 and
   *     1
   */
  public static boolean hasRandomness(Scenario s) {
    for (int cpu = 0; cpu < s.processors(); cpu++) {
      double f = s.load().fraction(cpu);
      if (f > 0.0 && f < 1.0) {
        return true;
      }
    }
    for (var d : s.devices()) {
      if (d.interrupts() instanceof Interrupts.Poisson || random(d.isr())) {
        return true;
      }
    }
    for (var d : s.dpcs()) {
      if (random(d.routine())) {
        return true;
      }
    }
    return false;
  }

  private static boolean random(Work w) {
    Dist d = w.duration();
    return d instanceof Dist.Exp || (d instanceof Dist.Uniform u && u.lowNs() < u.highNs());
  }

  /**
   * @return the lowercase hex SHA-256 of {@code bytes}
   */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return the example in {@code file}, cut to 100 ms (40 ms above 16 processors) when it
   *     simulates busy processors for longer, to keep tests fast
   */
  public static Scenario shortened(Path file) {
    Scenario s = load(file);
    boolean busy =
        !s.devices().isEmpty()
            || s.load().defaultFraction() > 0
            || s.load().cpus().values().stream().anyMatch(f -> f > 0);
    long limit = s.processors() > 16 ? 40_000_000L : 100_000_000L;
    return busy && s.durationNs() > limit ? s.withDuration(limit) : s;
  }
}
