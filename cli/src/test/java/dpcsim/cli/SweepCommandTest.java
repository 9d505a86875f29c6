package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code dpcsim sweep}: one deterministic run per value, each the run with that --set. */
class SweepCommandTest {
  static final Path NIC = ExampleScenarios.repoRoot().resolve("scenarios/nic-storm-cpu0.yaml");

  record Result(int status, String out, String err) {}

  static Result dpcsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  static List<String> hashes(String out) {
    List<String> h = new ArrayList<>();
    Matcher m = Pattern.compile("\"traceSha256\":\"([0-9a-f]{64})\"").matcher(out);
    while (m.find()) {
      h.add(m.group(1));
    }
    return h;
  }

  @Test
  @DisplayName("each point is the run with that --set, whatever the number of jobs")
  void pointsAreRuns() {
    Result sweep =
        dpcsim(
            "sweep",
            NIC.toString(),
            "--over",
            "dpcs.nicRx.target=0..3",
            "--duration",
            "30ms",
            "--json");
    assertEquals(0, sweep.status(), sweep.err());
    assertTrue(sweep.out().startsWith("{\"scenario\":"), sweep.out());
    assertTrue(sweep.out().contains("\"over\":\"dpcs.nicRx.target\",\"points\":[{\"value\":0,"));
    List<String> got = hashes(sweep.out());
    assertEquals(4, got.size());
    for (int t = 0; t < 4; t++) {
      Result run =
          dpcsim(
              "run",
              NIC.toString(),
              "--engine",
              "sequential",
              "--duration",
              "30ms",
              "--json",
              "--set",
              "dpcs.nicRx.target=" + t);
      assertEquals(hashes(run.out()), List.of(got.get(t)), "target " + t);
    }
    Result oneJob =
        dpcsim(
            "sweep",
            NIC.toString(),
            "--over",
            "dpcs.nicRx.target=0..3",
            "--duration",
            "30ms",
            "--json",
            "--jobs",
            "1");
    assertEquals(sweep.out(), oneJob.out());
  }

  @Test
  @DisplayName("the table: one row per value, the chosen figures as columns")
  void table() {
    Result r =
        dpcsim(
            "sweep",
            NIC.toString(),
            "--over",
            "devices.nic.interrupts.poisson=10000/s..40000/s:4",
            "--duration",
            "20ms",
            "--show",
            "lat-p99,dpc,hash");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(1).endsWith("| 4 points"), lines.get(1));
    assertTrue(
        lines.get(3).matches("devices\\.nic\\.interrupts\\.poisson +lat-p99 +dpc +hash"),
        lines.get(3));
    for (int i = 0; i < 4; i++) {
      assertTrue(lines.get(4 + i).startsWith((i + 1) + "0000/s "), lines.get(4 + i));
    }
  }

  @Test
  @DisplayName("values: integer ranges, ranges in steps with a unit, lists; mistakes in one line")
  void values() {
    assertEquals(List.of("0", "1", "2"), SweepValues.parse("a.b=0..2").values());
    assertEquals(
        List.of("5us", "10us", "15us", "20us"), SweepValues.parse("a=5us..20us:4").values());
    assertEquals(
        List.of("0.1", "0.35", "0.6"), SweepValues.parse("load.default=0.1..0.6:3").values());
    assertEquals(
        List.of("low", "{ exp: 20us }", "[0, 1]"),
        SweepValues.parse("x=low, { exp: 20us }, [0, 1]").values());
    assertEquals("dpcs.rx.target", SweepValues.parse("dpcs.rx.target=1").path());
    assertEquals(
        "--over a=3..1: the range ends before it starts",
        assertThrows(UserError.class, () -> SweepValues.parse("a=3..1")).getMessage());
    assertTrue(
        assertThrows(UserError.class, () -> SweepValues.parse("a=1us..2ms:3"))
            .getMessage()
            .contains("the same unit"));
    assertTrue(
        assertThrows(UserError.class, () -> SweepValues.parse("a=0..5000"))
            .getMessage()
            .contains("at most 1000"));
    assertTrue(
        assertThrows(UserError.class, () -> SweepValues.parse("a=1,,2"))
            .getMessage()
            .contains("an empty value"));
    assertTrue(
        assertThrows(UserError.class, () -> SweepValues.parse("nope"))
            .getMessage()
            .startsWith("--over nope: expected PATH=VALUES"));
  }

  @Test
  @DisplayName("a value the scenario refuses, an unknown figure: one line, exit 2, nothing run")
  void errors() {
    Result bad = dpcsim("sweep", NIC.toString(), "--over", "dpcs.nicRx.target=2..9");
    assertEquals(2, bad.status());
    String line = bad.err().strip();
    assertTrue(line.startsWith("dpcsim: --over dpcs.nicRx.target=4: dpcs.nicRx.target: "), line);
    assertEquals("", bad.out());
    Result show =
        dpcsim("sweep", NIC.toString(), "--over", "dpcs.nicRx.target=0..1", "--show", "p99");
    assertEquals(2, show.status());
    assertTrue(show.err().contains("--show: unknown figure 'p99' (expected some of lat-p50"));
  }
}
