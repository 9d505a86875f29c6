package dpcsim.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dpcsim.engine.RunFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/**
 * A cluster's keys, as {@code dpcsim keys init DIR} writes them: {@value #KEY_STORE} (this
 * cluster's private key and its self-signed certificate), {@value #TRUST_STORE} (the certificates
 * members accept: this one, plus others while keys rotate) and {@value #PASSWORD} (the stores'
 * password). A member that holds them speaks Artery's {@code tls-tcp} with mutual authentication:
 * it accepts a connection only from a peer presenting a trusted certificate, so only holders of the
 * key can join (docs/security.md).
 *
 * @param dir the folder
 * @param origin where the folder was named, for messages: {@code --keys} or {@code DPCSIM_KEYS}
 */
public record ClusterKeys(Path dir, String origin) {
  /** This cluster's private key and certificate (PKCS #12). */
  public static final String KEY_STORE = "cluster.p12";

  /** The certificates this member trusts (PKCS #12). */
  public static final String TRUST_STORE = "trust.p12";

  /** The stores' password, one line. */
  public static final String PASSWORD = "password";

  /** This cluster's certificate (PEM), for {@code dpcsim keys trust} on another folder. */
  public static final String CERTIFICATE = "cluster.crt";

  /** The environment variable that names the keys folder when {@code --keys} does not. */
  public static final String ENVIRONMENT = "DPCSIM_KEYS";

  /**
   * The keys named by {@code flag} (a {@code --keys} value, or null), else by {@value
   * #ENVIRONMENT}, else none.
   *
   * @return the checked keys, or null if neither names a folder
   * @throws RunFailure (exit 2) if the folder does not hold usable keys
   */
  public static ClusterKeys named(String flag) {
    if (flag != null) {
      return load(Path.of(flag), "--keys " + flag);
    }
    String env = System.getenv(ENVIRONMENT);
    if (env != null && !env.isBlank()) {
      return load(Path.of(env), ENVIRONMENT + "=" + env);
    }
    return null;
  }

  /**
   * @return the keys in {@code dir}, after opening both stores with the password
   * @throws RunFailure (exit 2) naming {@code origin} if a file is missing or does not open
   */
  public static ClusterKeys load(Path dir, String origin) {
    ClusterKeys k = new ClusterKeys(dir, origin);
    for (String f : new String[] {KEY_STORE, TRUST_STORE, PASSWORD}) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new RunFailure(
            origin
                + ": no cluster keys there ("
                + f
                + " is missing); make them with: dpcsim keys init "
                + dir,
            2);
      }
    }
    KeyStore key = k.open(KEY_STORE);
    try {
      if (Collections.list(key.aliases()).stream().noneMatch(a -> isKey(key, a))) {
        throw new RunFailure(origin + ": " + KEY_STORE + " holds no private key", 2);
      }
      if (k.open(TRUST_STORE).size() == 0) {
        throw new RunFailure(origin + ": " + TRUST_STORE + " trusts no certificate", 2);
      }
    } catch (GeneralSecurityException e) {
      throw new RunFailure(origin + ": cannot read the keys: " + e.getMessage(), 2);
    }
    return k;
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * @return the store {@code name} in this folder, opened with its password
   * @throws RunFailure (exit 2) if it does not open
   */
  public KeyStore open(String name) {
    try (InputStream in = Files.newInputStream(dir.resolve(name))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password().toCharArray());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new RunFailure(
          origin + ": cannot open " + name + " with its password: " + e.getMessage(), 2);
    }
  }

  /**
   * @return the stores' password
   */
  public String password() {
    try {
      return Files.readString(dir.resolve(PASSWORD), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new RunFailure(origin + ": cannot read " + PASSWORD + ": " + e.getMessage(), 2);
    }
  }

  /**
   * @return Artery over TLS 1.3 with mutual authentication, from these stores. Hostnames are not
   *     verified: members find each other by address (containers, ephemeral ports), and trust comes
   *     from holding the cluster's key, not from a name.
   */
  public Config config() {
    String pw = password();
    return ConfigFactory.empty()
        .withValue("pekko.remote.artery.transport", ConfigValueFactory.fromAnyRef("tls-tcp"))
        .withValue(engine("key-store"), path(KEY_STORE))
        .withValue(engine("trust-store"), path(TRUST_STORE))
        .withValue(engine("key-store-password"), ConfigValueFactory.fromAnyRef(pw))
        .withValue(engine("key-password"), ConfigValueFactory.fromAnyRef(pw))
        .withValue(engine("trust-store-password"), ConfigValueFactory.fromAnyRef(pw))
        .withValue(engine("protocol"), ConfigValueFactory.fromAnyRef("TLSv1.3"))
        .withValue(engine("require-mutual-authentication"), ConfigValueFactory.fromAnyRef(true))
        .withValue(engine("hostname-verification"), ConfigValueFactory.fromAnyRef(false));
  }

  private static String engine(String key) {
    return "pekko.remote.artery.ssl.config-ssl-engine." + key;
  }

  private com.typesafe.config.ConfigValue path(String name) {
    return ConfigValueFactory.fromAnyRef(dir.resolve(name).toAbsolutePath().toString());
  }
}
