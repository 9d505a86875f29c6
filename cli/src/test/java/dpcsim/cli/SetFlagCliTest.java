package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set} on the commands: the same run as the edited file, on every engine. */
class SetFlagCliTest {
  static final Path NIC = ExampleScenarios.repoRoot().resolve("scenarios/nic-storm-cpu0.yaml");

  @TempDir Path tmp;

  record Result(int status, String out, String err) {}

  static Result dpcsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  static String hash(Result r) {
    assertEquals(0, r.status(), r.err());
    Matcher m = Pattern.compile("\"traceSha256\":\"([0-9a-f]{64})\"").matcher(r.out());
    assertTrue(m.find(), r.out());
    return m.group(1);
  }

  @Test
  @DisplayName("run --set: the edited file's trace, on the sequential and the actor engines")
  void runLikeTheEditedFile() throws Exception {
    Path edited = tmp.resolve("nic-storm-cpu0.yaml");
    Files.writeString(
        edited,
        Files.readString(NIC)
            .replace("cpus: [0]", "cpus: [1]")
            .replace("poisson: 20000/s", "poisson: 40000/s"));
    String[] sets = {
      "--set", "devices.nic.cpus[0]=1", "--set", "devices.nic.interrupts.poisson=40000/s"
    };
    String expected =
        hash(
            dpcsim(
                "run",
                edited.toString(),
                "--engine",
                "sequential",
                "--duration",
                "50ms",
                "--json"));
    assertNotEquals(
        expected,
        hash(
            dpcsim(
                "run", NIC.toString(), "--engine", "sequential", "--duration", "50ms", "--json")));
    for (String engine : new String[] {"sequential", "actors"}) {
      String[] args = {
        "run",
        NIC.toString(),
        "--engine",
        engine,
        "--duration",
        "50ms",
        "--json",
        sets[0],
        sets[1],
        sets[2],
        sets[3]
      };
      assertEquals(expected, hash(dpcsim(args)), engine);
    }
    assertEquals(
        expected,
        hash(
            dpcsim(
                "run",
                NIC.toString(),
                "--local-nodes",
                "2",
                "--duration",
                "50ms",
                "--json",
                sets[0],
                sets[1],
                sets[2],
                sets[3])));
  }

  @Test
  @DisplayName(
      "validate, compare, debug, bench take --set; a bad value is one line naming the flag")
  void everyCommand() {
    Result v = dpcsim("validate", NIC.toString(), "--set", "dpcs.nicRx.target=3");
    assertEquals(0, v.status(), v.err());
    Result bad = dpcsim("validate", NIC.toString(), "--set", "dpcs.nicRx.target=9");
    assertEquals(2, bad.status());
    String line = bad.err().strip();
    assertTrue(line.startsWith("dpcsim: --set dpcs.nicRx.target=9: dpcs.nicRx.target: "), line);
    assertEquals(1, line.lines().count(), line);
    for (String cmd : new String[] {"run", "compare", "debug", "bench"}) {
      Result r =
          cmd.equals("compare")
              ? dpcsim(cmd, NIC.toString(), "--profiles", "ws03,win10", "--set", "nope")
              : dpcsim(cmd, NIC.toString(), "--set", "nope");
      assertEquals(2, r.status(), cmd + ": " + r.err());
      assertEquals(
          "dpcsim: --set nope: expected PATH=VALUE, e.g. dpcs.nicRx.target=3",
          r.err().strip(),
          cmd);
    }
    Result c =
        dpcsim(
            "compare",
            NIC.toString(),
            "--profiles",
            "ws03,win10",
            "--duration",
            "20ms",
            "--json",
            "--set",
            "dpcs.nicRx.importance=high");
    assertEquals(0, c.status(), c.err());
  }
}
