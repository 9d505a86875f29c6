package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every example runs with every invariant checked after each event, and its trace is unchanged. */
class ExamplesKeepInvariantsTest {
  @Test
  @DisplayName("every example keeps every invariant after every event")
  void everyExample() {
    for (Path file : ExampleScenarios.files()) {
      RunResult checked =
          SequentialEngine.run(
              ExampleScenarios.load(file), TraceOutputs.of(null, false), CancelToken.NEVER, true);
      RunResult plain = SequentialEngine.run(ExampleScenarios.load(file), null, false);
      assertTrue(
          checked.traceSha256().equals(plain.traceSha256()), file + ": checking changed the trace");
    }
  }
}
