package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.actors.ClusterKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dpcsim keys}: the files it writes, their modes, and the trust steps of a rotation. */
class KeysCommandTest {
  @TempDir Path tmp;

  record Result(int status, String out, String err) {}

  static Result dpcsim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  @Test
  @DisplayName("init writes a key, its certificate, a trust store and a password, private to us")
  void init() throws Exception {
    Path dir = tmp.resolve("a/keys");
    Result r = dpcsim("keys", "init", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("wrote new cluster keys to " + dir), r.out());
    ClusterKeys k = ClusterKeys.load(dir, "test");
    X509Certificate own = KeyFiles.ownCertificate(k);
    assertTrue(r.out().contains("key certificate SHA-256 " + KeyFiles.fingerprint(own)), r.out());
    assertEquals(List.of(own), KeyFiles.trusted(k));
    assertEquals(own, KeyFiles.parsePem(Files.readString(dir.resolve(ClusterKeys.CERTIFICATE))));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    for (String secret : List.of(ClusterKeys.KEY_STORE, ClusterKeys.PASSWORD)) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(secret))));
    }
    assertTrue(k.password().length() >= 32);
    // Nothing is left beside it: the files were made in a temporary folder and moved in.
    try (var siblings = Files.list(dir.getParent())) {
      assertEquals(List.of(dir), siblings.toList());
    }
    assertTrue(k.config().getString("pekko.remote.artery.transport").equals("tls-tcp"));
    assertTrue(
        k.config()
            .getBoolean("pekko.remote.artery.ssl.config-ssl-engine.require-mutual-authentication"));
  }

  @Test
  @DisplayName("init refuses a folder with keys; --if-absent keeps them; an empty folder is filled")
  void initTwice() throws Exception {
    Path dir = tmp.resolve("keys");
    assertEquals(0, dpcsim("keys", "init", dir.toString()).status());
    String before = KeyFiles.fingerprint(KeyFiles.ownCertificate(ClusterKeys.load(dir, "t")));
    Result again = dpcsim("keys", "init", dir.toString());
    assertEquals(2, again.status());
    assertEquals(
        "dpcsim: keys init "
            + dir
            + ": the folder already holds cluster keys; remove it to make new ones (or rotate:"
            + " docs/security.md)",
        again.err().strip());
    Result kept = dpcsim("keys", "init", dir.toString(), "--if-absent");
    assertEquals(0, kept.status(), kept.err());
    assertTrue(kept.out().contains("kept the cluster keys in " + dir), kept.out());
    assertTrue(kept.out().contains(before), kept.out());

    // A mounted volume: the folder exists, empty.
    Path volume = Files.createDirectory(tmp.resolve("volume"));
    assertEquals(0, dpcsim("keys", "init", volume.toString(), "--if-absent").status());
    ClusterKeys.load(volume, "t");
    try (var files = Files.list(volume)) {
      assertEquals(4, files.count(), "no temporary folder left inside");
    }
  }

  @Test
  @DisplayName("trust sets exactly the own certificate plus others': the rolling rotation's steps")
  void trustSteps() throws Exception {
    Path old = tmp.resolve("old");
    Path neu = tmp.resolve("new");
    assertEquals(0, dpcsim("keys", "init", old.toString()).status());
    assertEquals(0, dpcsim("keys", "init", neu.toString()).status());
    X509Certificate oldCert = KeyFiles.ownCertificate(ClusterKeys.load(old, "t"));
    X509Certificate newCert = KeyFiles.ownCertificate(ClusterKeys.load(neu, "t"));
    assertFalse(oldCert.equals(newCert));

    Result r = dpcsim("keys", "trust", old.toString(), neu.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains(KeyFiles.fingerprint(newCert)), r.out());
    assertEquals(2, KeyFiles.trusted(ClusterKeys.load(old, "t")).size());
    assertTrue(KeyFiles.trusted(ClusterKeys.load(old, "t")).contains(newCert));

    Result show = dpcsim("keys", "show", old.toString());
    assertEquals(0, show.status(), show.err());
    assertEquals(3, show.out().lines().count(), show.out());
    assertTrue(show.out().contains("(its own)"), show.out());

    assertEquals(0, dpcsim("keys", "trust", old.toString()).status());
    assertEquals(List.of(oldCert), KeyFiles.trusted(ClusterKeys.load(old, "t")));

    Result missing = dpcsim("keys", "trust", old.toString(), tmp.resolve("nope").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("no cluster keys there"), missing.err());
  }
}
