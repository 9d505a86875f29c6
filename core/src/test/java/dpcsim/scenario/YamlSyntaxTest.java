package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.SOURCE;
import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("YAML structure errors")
class YamlSyntaxTest {

  @Test
  @DisplayName("a syntax error is one line with the parser's position and no excerpt")
  void syntax() {
    ScenarioException e = rejects("processors: 1\nduration: [1ms\nseed: 3\n");
    assertError(e, 3, 5, "", "YAML syntax error: while parsing a flow sequence");
  }

  @Test
  @DisplayName("a duplicate key is an error at the second occurrence")
  void duplicateKey() {
    ScenarioException e =
        rejects(
            """
            processors: 1
            duration: 1ms
            dpcs:
              a: { routine: { duration: 1us }, importance: low, importance: high }
            """);
    assertError(
        e, 4, 53, "dpcs.a.importance", "duplicate key 'importance' (first at line 4, column 36)");
  }

  @Test
  @DisplayName("an empty file has no position")
  void empty() {
    ScenarioException e = rejects("# nothing but a comment\n");
    assertEquals(SOURCE + ": the file is empty (expected a scenario mapping)", e.getMessage());
  }

  @Test
  @DisplayName("aliases are refused rather than silently copied")
  void alias() {
    ScenarioException e = rejects("processors: &n 2\nduration: 1ms\nseed: *n\n");
    assertError(e, 3, 7, "seed", "YAML aliases (*n) are not supported");
  }

  @Test
  @DisplayName("a second YAML document is refused")
  void twoDocuments() {
    ScenarioException e = rejects("processors: 1\nduration: 1ms\n---\nseed: 1\n");
    assertError(e, 4, 1, "", "only one YAML document is allowed");
  }

  @Test
  @DisplayName("a scalar or a list at the top is not a scenario")
  void scalarRoot() {
    assertError(rejects("hello\n"), 1, 1, "", "expected a mapping, found the scalar 'hello'");
    assertError(rejects("- 1\n"), 1, 1, "", "expected a mapping, found a list");
  }
}
