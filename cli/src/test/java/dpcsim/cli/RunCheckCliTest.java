package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code run --check}: every invariant after every event, on the sequential engine. */
class RunCheckCliTest {
  @ParameterizedTest
  @MethodSource("dpcsim.cli.CliTest#exampleNames")
  @DisplayName("run --check passes on every example and reports the unchecked run's hash")
  void everyExample(String name) {
    CliTest.Result checked = CliTest.runExample(name, "--check");
    assertEquals(0, checked.status(), checked.err());
    CliTest.Result plain = CliTest.runExample(name);
    assertEquals(
        CliTest.footer(plain.out().lines().toList()),
        CliTest.footer(checked.out().lines().toList()));
  }

  @Test
  @DisplayName("run --check on the actor engine is refused in one line")
  void otherEngineRefused() {
    CliTest.Result r =
        CliTest.dpcsim("run", CliTest.examplePath("timers.yaml"), "--engine", "actors", "--check");
    CliTest.assertOneLineError(r, "--check", "--engine sequential");
  }
}
