package dpcsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dpcsim.wire.GzipText;
import dpcsim.wire.ScenarioSource;
import java.io.IOException;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Gzipped text on the wire inflates to a bounded size: a peer's frame is not a gzip bomb. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GzipTextTest {
  final ActorTestKit testKit = ActorTestKit.create("gzip");

  @AfterAll
  void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  @DisplayName("the stated frame limit is the one Artery uses")
  void frameLimitIsArtery() {
    assertEquals(
        GzipText.FRAME_LIMIT,
        ConfigFactory.load()
            .getBytes("pekko.remote.artery.advanced.maximum-frame-size")
            .intValue());
    assertEquals(16 << 20, GzipText.MAX_INFLATED);
  }

  @Test
  @DisplayName("a text up to the limit comes back whole; one byte more is refused unread")
  void limit() throws IOException {
    String text = "x".repeat(1000);
    assertEquals(text, GzipText.decompress(GzipText.compress(text), 1000));
    IOException e =
        assertThrows(IOException.class, () -> GzipText.decompress(GzipText.compress(text), 999));
    assertTrue(e.getMessage().contains("inflates beyond 999 bytes"), e.getMessage());
    assertThrows(IOException.class, () -> GzipText.decompress(new byte[] {1, 2, 3}));
  }

  @Test
  @DisplayName("over the wire, a scenario that inflates too far arrives as a refusal, not a text")
  void refusedOnTheWire() throws Exception {
    Serialization s = SerializationExtension.get(testKit.system());
    ScenarioSource ok = new ScenarioSource("processors: 2\n", "ok.yaml", 1, -1);
    ScenarioSource back = roundTrip(s, ok);
    assertEquals(ok, back);
    assertNull(back.refusal());

    String huge = "#" + "a".repeat((16 << 20) + 1);
    ScenarioSource bomb = roundTrip(s, new ScenarioSource(huge, "bomb.yaml", 1, -1));
    assertTrue(bomb.text().length() < 200, "nothing inflated beyond the limit is kept");
    assertTrue(
        bomb.refusal().startsWith("the scenario bomb.yaml was refused: a gzipped text of "),
        bomb.refusal());
    assertTrue(bomb.refusal().endsWith("(64 times the 256 KiB frame limit); refused"));
  }

  private static ScenarioSource roundTrip(Serialization s, ScenarioSource m) throws Exception {
    byte[] bytes = s.serialize(m).get();
    var serializer = s.findSerializerFor(m);
    return (ScenarioSource)
        s.deserialize(
                bytes,
                serializer.identifier(),
                org.apache.pekko.serialization.Serializers.manifestFor(serializer, m))
            .get();
  }
}
