package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.parse;
import static dpcsim.scenario.ScenarioFixtures.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An insert step's target: { random: P } (the DPC-PHOLD extension)")
class RandomTargetLoaderTest {

  /** Three header lines; the DPC definition under test goes on line 4. */
  private static final String HEAD = "processors: 4\nduration: 1ms\ndpcs:\n";

  @Test
  @DisplayName("a routine or ISR insert step reads P; a plain insert has none")
  void reads() throws Exception {
    Scenario s =
        parse(
            HEAD
                + """
                  a:
                    routine:
                      duration: { exp: 10us }
                      then: [ { insert: a, target: { random: 0.25 }, args: [1] }, { insert: b } ]
                  b: { routine: { duration: 1us } }
                devices:
                  d: { interrupts: { periodic: 1ms }, isr: { duration: 1us, then: [ { insert: b, target: { random: 1 } } ] } }
                script:
                  - { at: 0us, cpu: 3, do: insert, dpc: a }
                """);
    List<Step> steps = s.dpcs().get(0).routine().then();
    assertEquals(new Op.Insert("a", 0, 1, 0, 0.25), steps.get(0).op());
    assertTrue(((Op.Insert) steps.get(0).op()).retargets());
    assertEquals(new Op.Insert("b", 1, 0, 0, null), steps.get(1).op());
    assertFalse(((Op.Insert) steps.get(1).op()).retargets());
    assertEquals(new Op.Insert("b", 1, 0, 0, 1.0), s.devices().get(0).isr().then().get(0).op());
    assertEquals(new Op.Insert("a", 0, 0, 0, null), s.script().get(0).op());
  }

  @Test
  @DisplayName("P must be a number in 0..1")
  void probabilityRange() {
    assertError(
        rejects(
            HEAD
                + "  a: { routine: { duration: 1us, then: [ { insert: a, target: { random: 1.5 } } ] } }\n"),
        4,
        73,
        "dpcs.a.routine.then[0].target.random",
        "fraction 1.5 is outside 0..1");
    assertError(
        rejects(
            HEAD
                + "  a: { routine: { duration: 1us, then: [ { insert: a, target: { random: lots } } ] } }\n"),
        4,
        73,
        "dpcs.a.routine.then[0].target.random",
        "expected a number between 0 and 1, found 'lots'");
  }

  @Test
  @DisplayName("target must be { random: P }: a processor number, null or another key is an error")
  void shape() {
    assertError(
        rejects(HEAD + "  a: { routine: { duration: 1us, then: [ { insert: a, target: 2 } ] } }\n"),
        4,
        63,
        "dpcs.a.routine.then[0].target",
        "an insert's target is { random: P }");
    assertError(
        rejects(
            HEAD + "  a: { routine: { duration: 1us, then: [ { insert: a, target: null } ] } }\n"),
        4,
        55,
        "dpcs.a.routine.then[0].target",
        "an insert's target is { random: P }");
    assertError(
        rejects(
            HEAD
                + "  a: { routine: { duration: 1us, then: [ { insert: a, target: { remote: 0.5 } } ] } }\n"),
        4,
        65,
        "dpcs.a.routine.then[0].target.remote",
        "unknown key 'remote' (allowed keys: random)");
  }

  @Test
  @DisplayName("a script insert with a target is an error on the key")
  void notInScript() {
    assertError(
        rejects(
            ScenarioFixtures.BASE
                + "  - { at: 0us, cpu: 0, do: insert, dpc: a, target: { random: 0.5 } }\n"),
        11,
        44,
        "script[0].target",
        "a script insert takes no target");
  }
}
