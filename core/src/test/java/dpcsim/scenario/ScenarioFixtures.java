package dpcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

/** Shared inputs and assertions for the loader tests. */
final class ScenarioFixtures {
  static final Set<String> PROFILES = new TreeSet<>(Set.of("ws03", "win10", "reactos", "textbook"));
  static final String SOURCE = "scenarios/t.yaml";

  /**
   * Ten lines defining 4 processors, 1ms, DPC {@code a}, device {@code nic} and an open {@code
   * script:} key, so script entries appended to it start on line 11.
   */
  static final String BASE =
      """
      processors: 4
      duration: 1ms
      dpcs:
        a:
          routine: { duration: 5us }
      devices:
        nic:
          interrupts: { periodic: 1ms }
          isr: { duration: 2us }
      script:
      """;

  private ScenarioFixtures() {}

  static Scenario parse(String yaml) throws ScenarioException {
    return ScenarioLoader.parse(yaml, SOURCE, PROFILES);
  }

  /**
   * @return the error the loader must raise for {@code yaml}
   */
  static ScenarioException rejects(String yaml) {
    return assertThrows(ScenarioException.class, () -> parse(yaml));
  }

  /**
   * Asserts position, path and message of an error, and that the one-line message is assembled from
   * them.
   */
  static void assertError(
      ScenarioException e, int line, int column, String path, String detailFragment) {
    assertAll(
        () -> assertEquals(SOURCE, e.file(), "file"),
        () -> assertEquals(line, e.line(), "line of: " + e.getMessage()),
        () -> assertEquals(column, e.column(), "column of: " + e.getMessage()),
        () -> assertEquals(path, e.path(), "path of: " + e.getMessage()),
        () ->
            assertTrue(
                e.detail().contains(detailFragment),
                () -> "expected '" + detailFragment + "' in: " + e.getMessage()),
        () ->
            assertEquals(
                SOURCE
                    + ":"
                    + line
                    + ":"
                    + column
                    + ": "
                    + (path.isEmpty() ? "" : path + ": ")
                    + e.detail(),
                e.getMessage()),
        () -> assertTrue(!e.getMessage().contains("\n"), "one line"));
  }
}
