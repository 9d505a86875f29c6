package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("validate's warning: one untargeted KDPC inserted from several processors (R-12)")
class InsertOriginsTest {
  private static final String HEAD = "processors: 4\nduration: 1ms\n";

  @Test
  @DisplayName("a device interrupting two processors, its ISR inserting one untargeted KDPC")
  void sharedByTwoProcessors() throws Exception {
    Scenario s =
        parse(
            HEAD
                + "dpcs:\n  nicRx: { routine: { duration: 5us } }\n"
                + "devices:\n  nic:\n    interrupts: { poisson: 1000/s }\n    cpus: [0, 1]\n"
                + "    isr: { duration: 1us, then: [ { insert: nicRx } ] }\n");
    assertEquals(
        List.of(
            "warning: KDPC nicRx has no target and is inserted from processors 0, 1 (the ISR of"
                + " device nic); while it is queued, an insert from any processor returns FALSE and is"
                + " lost (R-12): give it a target, or make it perCpu: true"),
        InsertOrigins.warnings(s));
  }

  @Test
  @DisplayName("no warning with a target, one processor, or one KDPC per processor")
  void quietCases() throws Exception {
    String device =
        "devices:\n  nic:\n    interrupts: { poisson: 1000/s }\n    cpus: [0, 1]\n"
            + "    isr: { duration: 1us, then: [ { insert: nicRx } ] }\n";
    assertEquals(
        List.of(),
        InsertOrigins.warnings(
            parse(HEAD + "dpcs:\n  nicRx: { target: 2, routine: { duration: 5us } }\n" + device)));
    assertEquals(
        List.of(),
        InsertOrigins.warnings(
            parse(
                HEAD
                    + "dpcs:\n  nicRx: { routine: { duration: 5us } }\n"
                    + device.replace("[0, 1]", "[3]"))));
    assertEquals(
        List.of(),
        InsertOrigins.warnings(
            parse(
                HEAD
                    + "dpcs:\n  nicRx: { perCpu: true, routine: { duration: 5us } }\n"
                    + device.replace("    cpus: [0, 1]\n", "    perCpu: true\n"))));
  }

  @Test
  @DisplayName("inserts from routines follow where those routines run, to a fixed point")
  void throughRoutines() throws Exception {
    Scenario s =
        parse(
            HEAD
                + "dpcs:\n"
                + "  last: { routine: { duration: 1us } }\n"
                + "  middle: { routine: { duration: 1us, then: [ { insert: last } ] } }\n"
                + "  first: { routine: { duration: 1us, then: [ { insert: middle } ] } }\n"
                + "script:\n"
                + "  - { at: 0us, cpu: 0, do: insert, dpc: first }\n"
                + "  - { at: 1us, cpu: 3, do: insert, dpc: first }\n");
    List<String> w = InsertOrigins.warnings(s);
    assertEquals(3, w.size(), String.join("\n", w));
    assertEquals(
        true,
        w.get(0)
            .startsWith(
                "warning: KDPC last has no target and is inserted from processors 0, 3 (the routine of KDPC middle)"),
        w.get(0));
    assertEquals(
        true,
        w.get(2)
            .startsWith(
                "warning: KDPC first has no target and is inserted from processors 0, 3 (the script)"),
        w.get(2));
  }

  @Test
  @DisplayName("a KDPC whose target a step or action sets is left alone")
  void retargetedIsQuiet() throws Exception {
    Scenario s =
        parse(
            HEAD
                + "dpcs:\n  a: { routine: { duration: 1us } }\n"
                + "script:\n"
                + "  - { at: 0us, cpu: 0, do: setTarget, dpc: a, target: 2 }\n"
                + "  - { at: 1us, cpu: 0, do: insert, dpc: a }\n"
                + "  - { at: 1us, cpu: 1, do: insert, dpc: a }\n");
    assertEquals(List.of(), InsertOrigins.warnings(s));
  }

  @Test
  @DisplayName("processor lists shorten runs: 0-63, or 0, 1, or 0-3, 8")
  void processorLists() {
    BitSet b = new BitSet();
    b.set(0, 64);
    assertEquals("0-63", InsertOrigins.processors(b));
    b.clear();
    b.set(0, 2);
    assertEquals("0, 1", InsertOrigins.processors(b));
    b.set(2, 4);
    b.set(8);
    assertEquals("0-3, 8", InsertOrigins.processors(b));
  }
}
