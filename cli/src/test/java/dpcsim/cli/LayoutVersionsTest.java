package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.kernel.layout.NtVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dpcsim layout --nt VERSION} against golden files, one per version and architecture ({@code
 * layout/VERSION-ARCH.txt}), whose offsets are Chappell's KDPC table (R-7; seeds/004) and whose
 * Type codes are his KOBJECTS table; a version with no x64 build gives a one-line error for
 * {@code --arch x64}. Also {@code --list} ({@code layout/list.txt}) and the option errors.
 */
@DisplayName("dpcsim layout --nt and --list")
class LayoutVersionsTest {
  /** Versions with x86 builds only (Chappell: x64 starts with late 5.2, Server 2003 SP1). */
  private static final List<String> X86_ONLY =
      List.of("3.10", "3.50", "3.51", "4.0", "5.0", "5.1", "5.2-early");

  /** Versions with x86 and x64 builds. */
  private static final List<String> X86_AND_X64 =
      List.of("5.2", "6.0-early", "6.0", "6.1", "6.2", "6.3", "10.0");

  private static String golden(String name) {
    try (InputStream in = LayoutVersionsTest.class.getResourceAsStream("/layout/" + name)) {
      if (in == null) {
        throw new AssertionError("no golden file layout/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> builds() {
    List<Arguments> all = new ArrayList<>();
    for (String v : X86_ONLY) {
      all.add(Arguments.of(v, "x86"));
    }
    for (String v : X86_AND_X64) {
      all.add(Arguments.of(v, "x86"));
      all.add(Arguments.of(v, "x64"));
    }
    return all.stream();
  }

  @Test
  @DisplayName("the golden lists name every version --nt takes, in --list order")
  void everyVersionHasGoldens() {
    List<String> listed = new ArrayList<>(X86_ONLY);
    listed.addAll(X86_AND_X64);
    assertEquals(listed, Stream.of(NtVersion.values()).map(NtVersion::cliName).toList());
  }

  @ParameterizedTest(name = "--nt {0} --arch {1}")
  @MethodSource("builds")
  @DisplayName("R-3, R-7: prints exactly the golden dt lines, size and Type codes")
  void matchesGolden(String version, String arch) {
    CliTest.Result r = dpcsim("layout", "--nt", version, "--arch", arch);
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertEquals(golden(version + "-" + arch + ".txt"), r.out());
  }

  @ParameterizedTest(name = "--nt {0} --arch x64")
  @MethodSource("x86Only")
  @DisplayName("R-7: a version with no x64 build: one line, exit 2, no invented offsets")
  void noX64Build(String version) {
    assertOneLineError(
        dpcsim("layout", "--nt", version, "--arch", "x64"),
        "--arch x64: NT " + version + " (",
        "has no x64 build",
        "x64 builds start with late 5.2");
  }

  static Stream<String> x86Only() {
    return X86_ONLY.stream();
  }

  @Test
  @DisplayName("without --arch: x64 where there is an x64 build, else x86")
  void defaultArch() {
    assertEquals(golden("3.10-x86.txt"), dpcsim("layout", "--nt", "3.10").out());
    assertEquals(golden("5.2-early-x86.txt"), dpcsim("layout", "--nt", "5.2-early").out());
    assertEquals(golden("5.2-x64.txt"), dpcsim("layout", "--nt", "5.2").out());
    assertEquals(golden("10.0-x64.txt"), dpcsim("layout", "--nt", "10.0").out());
  }

  @Test
  @DisplayName("--list prints every version with its family, builds and Type codes")
  void list() {
    CliTest.Result r = dpcsim("layout", "--list");
    assertEquals(0, r.status(), r.err());
    assertEquals(golden("list.txt"), r.out());
  }

  @Test
  @DisplayName("textbook (3.51 to 5.1) has no x64 build: --arch x64 is an error, the default x86")
  void textbook() {
    assertOneLineError(
        dpcsim("layout", "--profile", "textbook", "--arch", "x64"),
        "--arch x64: profile textbook (NT 3.51 to 5.1) has no x64 build");
    CliTest.Result r = dpcsim("layout", "--profile", "textbook");
    assertEquals(0, r.status(), r.err());
    assertEquals(dpcsim("layout", "--profile", "textbook", "--arch", "x86").out(), r.out());
  }

  @Test
  @DisplayName("bad combinations and versions are one-line errors")
  void errors() {
    assertOneLineError(dpcsim("layout", "--nt", "7.0"), "--nt", "'7.0'", "3.10", "10.0");
    assertOneLineError(dpcsim("layout", "--nt", "5.1", "--profile", "ws03"), "--nt and --profile");
    assertOneLineError(dpcsim("layout", "--list", "--nt", "5.1"), "--list takes no");
    assertOneLineError(dpcsim("layout", "--list", "--arch", "x86"), "--list takes no");
    assertOneLineError(dpcsim("layout", "--nt", "6.1", "--arch", "arm64"), "--arch", "arm64");
  }
}
