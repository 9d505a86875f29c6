package dpcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code --set PATH=VALUE}: a field changed as if the file said so, and errors naming the flag. */
class ScenarioSetsTest {
  static final String NIC =
      """
      profile: ws03
      processors: 4
      duration: 10ms
      load:
        default: 0.3
      dpcs:
        nicRx:
          importance: medium
          routine: { duration: 20us }
      devices:
        nic:
          interrupts: { poisson: 20000/s }
          cpus: [0]
          isr: { duration: 2us, then: [ { insert: nicRx } ] }
      """;

  static Scenario parse(String... sets) throws ScenarioException {
    return ScenarioLoader.parse(
        NIC, "nic.yaml", Set.of("ws03", "win10", "win7", "textbook"), List.of(sets));
  }

  static String error(String... sets) {
    return assertThrows(ScenarioException.class, () -> parse(sets)).getMessage();
  }

  @Test
  @DisplayName("existing fields change, missing keys are added, list items are set or appended")
  void sets() throws ScenarioException {
    Scenario s =
        parse(
            "dpcs.nicRx.target=3",
            "devices.nic.interrupts.poisson=40000/s",
            "load.default=0.6",
            "dpcs.nicRx.threaded=true",
            "devices.nic.cpus[0]=1",
            "devices.nic.cpus[1]=2",
            "processors=8");
    assertEquals(3, s.dpcs().get(0).target());
    assertTrue(s.dpcs().get(0).threaded());
    assertEquals(new Interrupts.Poisson(40000), s.devices().get(0).interrupts());
    assertEquals(0.6, s.load().defaultFraction());
    assertEquals(List.of(1, 2), s.devices().get(0).cpus());
    assertEquals(8, s.processors());
    // Unchanged without settings; a later setting of the same path wins.
    assertEquals(null, parse().dpcs().get(0).target());
    assertEquals(2, parse("dpcs.nicRx.target=1", "dpcs.nicRx.target=2").dpcs().get(0).target());
  }

  @Test
  @DisplayName("a value is checked as in the file; the error names the flag, the path, the rule")
  void checkedAsInTheFile() {
    // The same detail as the same mistake in the file, after the flag instead of FILE:LINE:COL.
    String inFile =
        assertThrows(
                ScenarioException.class,
                () ->
                    ScenarioLoader.parse(NIC.replace("medium", "hihg"), "nic.yaml", Set.of("ws03")))
            .getMessage();
    assertEquals(
        "--set dpcs.nicRx.importance=hihg: " + inFile.substring("nic.yaml:8:17: ".length()),
        error("dpcs.nicRx.importance=hihg"));
    assertTrue(inFile.startsWith("nic.yaml:8:17: dpcs.nicRx.importance: "), inFile);
    String target = error("dpcs.nicRx.target=9");
    assertTrue(target.startsWith("--set dpcs.nicRx.target=9: dpcs.nicRx.target: "), target);
    String unknown = error("dpcs.nicRx.threadedd=true");
    assertTrue(unknown.startsWith("--set dpcs.nicRx.threadedd=true: "), unknown);
    assertTrue(unknown.contains("threadedd"), unknown);
    // An error elsewhere in the file still names the file's line.
    String file =
        assertThrows(
                ScenarioException.class,
                () ->
                    ScenarioLoader.parse(
                        NIC.replace("medium", "hihg"),
                        "nic.yaml",
                        Set.of("ws03"),
                        List.of("dpcs.nicRx.target=1")))
            .getMessage();
    assertTrue(file.startsWith("nic.yaml:8:"), file);
  }

  @Test
  @DisplayName("malformed settings: one line each, naming the flag")
  void malformed() {
    assertEquals("--set nope: expected PATH=VALUE, e.g. dpcs.nicRx.target=3", error("nope"));
    assertTrue(error("a..b=1").contains("is not a field path"), error("a..b=1"));
    assertEquals(
        "--set processors.x=1: processors is the scalar '4', not a mapping",
        error("processors.x=1"));
    assertEquals(
        "--set devices.nic.cpus[5]=1: devices.nic.cpus has 1 items: devices.nic.cpus[5] is past"
            + " its end (an index up to 1 sets or appends one)",
        error("devices.nic.cpus[5]=1"));
    assertTrue(
        error("dpcs.nicRx.routine={ a: ")
            .startsWith("--set dpcs.nicRx.routine={ a: : the value is not YAML"),
        error("dpcs.nicRx.routine={ a: "));
    assertEquals("--set load[0]=1: load is a mapping, not a list", error("load[0]=1"));
  }
}
