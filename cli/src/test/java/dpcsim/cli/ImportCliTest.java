package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("dpcsim import xperf and import wpa")
class ImportCliTest {
  @TempDir Path tmp;

  private static String sample(String name) {
    return ExampleScenarios.repoRoot()
        .resolve("reports/src/test/resources/xperf")
        .resolve(name)
        .toString();
  }

  @Test
  @DisplayName("prints a scenario that loads; docs/examples/imported-4cpu.yaml is its output")
  void printsScenario() throws Exception {
    CliTest.Result r = dpcsim("import", "xperf", sample("dpcisr-4cpu.txt"));
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("# Imported by dpcsim import xperf from dpcisr-4cpu.txt:\n"));
    assertEquals(
        Files.readString(ExampleScenarios.repoRoot().resolve("docs/examples/imported-4cpu.yaml")),
        r.out(),
        "regenerate docs/examples/imported-4cpu.yaml with dpcsim import xperf");
    Path f = tmp.resolve("imported.yaml");
    Files.writeString(f, r.out());
    CliTest.Result v = dpcsim("validate", f.toString());
    assertEquals(0, v.status(), v.err());
  }

  @Test
  @DisplayName("-o writes the file; an existing one needs --force")
  void output() throws Exception {
    Path f = tmp.resolve("s.yaml");
    CliTest.Result r = dpcsim("import", "xperf", sample("dpcisr-sparse.txt"), "-o", f.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(f).contains("module: \"nvlddmkm.sys\""));
    assertOneLineError(
        dpcsim("import", "xperf", sample("dpcisr-sparse.txt"), "-o", f.toString()),
        "file exists (use --force to overwrite it)");
    assertEquals(
        0,
        dpcsim("import", "xperf", sample("dpcisr-sparse.txt"), "-o", f.toString(), "--force")
            .status());
  }

  @Test
  @DisplayName(
      "a missing file, or one that is not xperf's report: one line, exit 2, nothing written")
  void errors() throws Exception {
    Path out = tmp.resolve("never.yaml");
    String missing = tmp.resolve("missing.txt").toString();
    assertOneLineError(
        dpcsim("import", "xperf", missing, "-o", out.toString()), missing, "no such file");
    Path bad = tmp.resolve("bad.txt");
    Files.writeString(bad, "\r\n--------------------------\r\nDPC Info\r\n\r\nhello\r\n");
    assertOneLineError(
        dpcsim("import", "xperf", bad.toString(), "-o", out.toString()),
        bad + ":5: unexpected line 'hello'");
    assertFalse(Files.exists(out));
  }

  @Test
  @DisplayName("import wpa: a replay that validates and runs; a bad export is one located line")
  void wpa() throws Exception {
    String csv =
        ExampleScenarios.repoRoot().resolve("reports/src/test/resources/wpa/small.csv").toString();
    Path f = tmp.resolve("replay.yaml");
    CliTest.Result r = dpcsim("import", "wpa", csv, "-o", f.toString());
    assertEquals(0, r.status(), r.err());
    CliTest.Result run = dpcsim("run", f.toString(), "--engine", "sequential", "--json");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("\"module\":\"ndis.sys\",\"function\":\"ndisInterruptDpc\""));
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(
        bad, "Type,CPU,Module,Function,Enter Time (s),Exit Time (s)\nDPC,0,a,b,2,1\n");
    assertOneLineError(
        dpcsim("import", "wpa", bad.toString()),
        bad + ":2: the Exit Time is before the Enter Time");
  }
}
