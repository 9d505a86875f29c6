package dpcsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Where a node's settings come from, strongest first: -D properties (and CONFIG_FORCE_ variables),
 * the user's application.conf (or -Dconfig.file), dpcsim.conf, the libraries' reference.conf.
 */
class ConfigLayersTest {
  static final String PAUSE = "pekko.cluster.failure-detector.acceptable-heartbeat-pause";

  /** A class loader that also sees {@code dir}, as a user's classpath entry with their files. */
  static ClassLoader withDir(Path dir) throws IOException {
    return new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, ConfigLayersTest.class.getClassLoader());
  }

  @Test
  @DisplayName("dpcsim.conf sits above Pekko's reference.conf")
  void dpcsimConfOverReference() {
    Config c = ActorEngine.embeddedConfig();
    assertEquals(Duration.ofSeconds(5), c.getDuration(PAUSE));
    assertEquals("cluster", c.getString("pekko.actor.provider"));
    assertEquals(
        Duration.ofSeconds(3), ConfigFactory.defaultReference().getDuration(PAUSE), "Pekko's own");
  }

  @Test
  @DisplayName("a user's application.conf overrides dpcsim.conf; what it leaves out stays")
  void applicationConfOverDpcsimConf() throws IOException {
    Path dir = Files.createTempDirectory("dpcsim-app-conf-");
    Files.writeString(
        dir.resolve("application.conf"),
        PAUSE + " = 9s\ndpcsim.node.capacity = 77\npekko.remote.artery.canonical.port = 2600\n");
    Config c = ActorEngine.embeddedConfig(withDir(dir));
    assertEquals(Duration.ofSeconds(9), c.getDuration(PAUSE));
    assertEquals(77, c.getInt("dpcsim.node.capacity"));
    assertEquals(2600, c.getInt("pekko.remote.artery.canonical.port"));
    assertEquals("127.0.0.1", c.getString("pekko.remote.artery.canonical.hostname"), "dpcsim.conf");
    assertEquals("keep-oldest", c.getString("pekko.cluster.split-brain-resolver.active-strategy"));
  }

  @Test
  @DisplayName("-D system properties override application.conf")
  void systemPropertiesOverApplicationConf() throws IOException {
    Path dir = Files.createTempDirectory("dpcsim-app-conf-");
    Files.writeString(dir.resolve("application.conf"), "dpcsim.node.capacity = 77\n");
    String key = "dpcsim.node.capacity";
    System.setProperty(key, "55");
    ConfigFactory.invalidateCaches();
    try {
      assertEquals(55, ActorEngine.embeddedConfig(withDir(dir)).getInt(key));
    } finally {
      System.clearProperty(key);
      ConfigFactory.invalidateCaches();
    }
  }
}
