package dpcsim;

import dpcsim.scenario.Scenario;
import dpcsim.wire.ScenarioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixture: scenarios as the actor engines ship them to processor nodes. */
public final class ScenarioSources {
  private ScenarioSources() {}

  /**
   * @return the text of {@code s}'s file as the actor engine ships it, with {@code s}'s seed and
   *     duration
   */
  public static ScenarioSource source(Scenario s) {
    try {
      return new ScenarioSource(
          Files.readString(Path.of(s.source())), s.source(), s.seed(), s.durationNs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
