package dpcsim.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dpcsim.engine.CancelToken;
import java.time.Duration;

/**
 * The actor engine's name, options and node configuration. Its runs: {@link EmbeddedCluster} (this
 * JVM as a one-node Pekko cluster, the default), {@link LocalCluster}, or a client of a running
 * cluster; each submits through {@link ClusterRun}.
 */
public final class ActorEngine {
  /** The engine's name in {@code --engine} and in results. */
  public static final String NAME = "actors";

  /**
   * Tuning and guards.
   *
   * @param windowCap the largest window span in ns (results never depend on it)
   * @param progressTimeout the wall-clock guard: the run fails if no processor answers this long
   * @param shutdownWait how long to wait for the embedded cluster to stop after the run (zero for a
   *     process that exits right after)
   * @param cancel stops the run early: the coordinator is asked to end it
   */
  public record Options(
      long windowCap, Duration progressTimeout, Duration shutdownWait, CancelToken cancel) {
    public static final Options DEFAULT =
        new Options(Long.MAX_VALUE, Duration.ofSeconds(60), Duration.ofSeconds(20));

    /** Options for a run nobody cancels. */
    public Options(long windowCap, Duration progressTimeout, Duration shutdownWait) {
      this(windowCap, progressTimeout, shutdownWait, CancelToken.NEVER);
    }

    /**
     * @return these options with {@code token} as the run's cancel token
     */
    public Options withCancel(CancelToken token) {
      return new Options(windowCap, progressTimeout, shutdownWait, token);
    }
  }

  private ActorEngine() {}

  /**
   * @return the configuration of a node: {@code -D} properties and {@code CONFIG_FORCE_}
   *     environment variables first, then the user's application.conf (or {@code -Dconfig.file}),
   *     then dpcsim.conf, then the libraries' reference.conf
   */
  public static Config embeddedConfig() {
    return embeddedConfig(Thread.currentThread().getContextClassLoader());
  }

  /**
   * @return {@link #embeddedConfig()} with application.conf and dpcsim.conf looked up through
   *     {@code loader}
   */
  static Config embeddedConfig(ClassLoader loader) {
    // ConfigFactory.load(config) puts the overrides above and reference.conf below the argument.
    return ConfigFactory.load(
        loader,
        ConfigFactory.defaultApplication(loader)
            .withFallback(ConfigFactory.parseResources(loader, "dpcsim.conf")));
  }
}
