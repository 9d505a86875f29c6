package dpcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ScenarioException: one compiler-style line")
class ScenarioExceptionTest {

  @Test
  @DisplayName("FILE:LINE:COL: PATH: message when the position is known")
  void withPosition() {
    ScenarioException e =
        new ScenarioException(
            "scenarios/x.yaml",
            12,
            5,
            "dpcs.nicRx.importance",
            "unknown importance 'hihg' (expected low, medium, high, mediumHigh)");
    assertEquals(
        "scenarios/x.yaml:12:5: dpcs.nicRx.importance: unknown importance 'hihg'"
            + " (expected low, medium, high, mediumHigh)",
        e.getMessage());
    assertEquals(12, e.line());
    assertEquals(5, e.column());
    assertEquals("dpcs.nicRx.importance", e.path());
    assertEquals("scenarios/x.yaml", e.file());
  }

  @Test
  @DisplayName("FILE: PATH: message without a position, FILE: message without a path")
  void withoutPosition() {
    assertEquals(
        "a.yaml: duration: bad", new ScenarioException("a.yaml", "duration", "bad").getMessage());
    assertEquals(
        "a.yaml: cannot read: no such file",
        new ScenarioException("a.yaml", "", "cannot read: no such file").getMessage());
    assertEquals(0, new ScenarioException("a.yaml", "", "x").line());
  }
}
