package dpcsim.cli;

import dpcsim.actors.ClusterKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes and reads the files of a cluster's keys ({@link ClusterKeys}). The key pair and its
 * self-signed certificate come from the JDK's own keytool (the JDK has no public API that signs a
 * certificate); the trust store is written with the KeyStore API.
 */
final class KeyFiles {
  /** Certificates last about two years: rotate before (docs/security.md). */
  static final int VALIDITY_DAYS = 825;

  private KeyFiles() {}

  /**
   * Writes new keys into {@code dir} (created if missing; it must hold no keys). The files appear
   * together: they are made in a fresh folder beside it and moved in.
   *
   * @return the new certificate
   */
  static X509Certificate init(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Path work;
    try {
      // Made beside the target, or inside it if it exists (a mounted volume: same file system).
      if (Files.isDirectory(target)) {
        work = Files.createTempDirectory(target, ".new-");
      } else {
        Files.createDirectories(parent);
        work = Files.createTempDirectory(parent, ".dpcsim-keys-");
      }
      restrict(work, "rwx------");
    } catch (IOException e) {
      throw new UserError("keys init " + dir + ": cannot write there: " + reason(e));
    }
    try {
      byte[] secret = new byte[24];
      new SecureRandom().nextBytes(secret);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      Path pw = work.resolve(ClusterKeys.PASSWORD);
      Files.writeString(pw, password + "\n", StandardCharsets.UTF_8);
      restrict(pw, "rw-------");
      String id = HexFormat.of().formatHex(secret, 0, 4);
      keytool(
          "-genkeypair",
          "-alias",
          "dpcsim-cluster",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-sigalg",
          "SHA256withECDSA",
          "-dname",
          "CN=dpcsim cluster " + id + ", O=dpcsim",
          "-validity",
          Integer.toString(VALIDITY_DAYS),
          "-storetype",
          "PKCS12",
          "-keystore",
          work.resolve(ClusterKeys.KEY_STORE).toString(),
          "-storepass:file",
          pw.toString(),
          "-keypass:file",
          pw.toString());
      restrict(work.resolve(ClusterKeys.KEY_STORE), "rw-------");
      ClusterKeys keys = new ClusterKeys(work, "keys init " + dir);
      X509Certificate cert = ownCertificate(keys);
      Files.writeString(work.resolve(ClusterKeys.CERTIFICATE), pem(cert), StandardCharsets.UTF_8);
      writeTrustStore(work, password, List.of(cert));
      moveInto(work, target);
      return cert;
    } catch (IOException | GeneralSecurityException e) {
      throw new UserError("keys init " + dir + ": " + reason(e));
    } finally {
      deleteQuietly(work);
    }
  }

  /**
   * Makes {@code dir}'s trust store trust exactly its own certificate and {@code others}' (each a
   * keys folder): the steps of a rolling key rotation (docs/security.md).
   *
   * @return the certificates now trusted
   */
  static List<X509Certificate> trust(ClusterKeys keys, List<ClusterKeys> others) {
    List<X509Certificate> certs = new ArrayList<>();
    certs.add(ownCertificate(keys));
    for (ClusterKeys o : others) {
      X509Certificate c = ownCertificate(o);
      if (!certs.contains(c)) {
        certs.add(c);
      }
    }
    try {
      Path tmp = Files.createTempFile(keys.dir(), ".trust-", ".p12");
      try {
        writeTrustStoreTo(tmp, keys.password(), certs);
        Files.move(
            tmp,
            keys.dir().resolve(ClusterKeys.TRUST_STORE),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new UserError("keys trust " + keys.dir() + ": " + reason(e));
    }
    return certs;
  }

  /**
   * @return the certificate of the folder's own key
   */
  static X509Certificate ownCertificate(ClusterKeys keys) {
    KeyStore store = keys.open(ClusterKeys.KEY_STORE);
    try {
      for (String alias : java.util.Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return (X509Certificate) store.getCertificate(alias);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new UserError(keys.origin() + ": " + reason(e));
    }
    throw new UserError(keys.origin() + ": " + ClusterKeys.KEY_STORE + " holds no private key");
  }

  /**
   * @return the certificates the folder's trust store holds
   */
  static List<X509Certificate> trusted(ClusterKeys keys) {
    KeyStore store = keys.open(ClusterKeys.TRUST_STORE);
    List<X509Certificate> certs = new ArrayList<>();
    try {
      for (String alias : java.util.Collections.list(store.aliases())) {
        Certificate c = store.getCertificate(alias);
        if (c instanceof X509Certificate x) {
          certs.add(x);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new UserError(keys.origin() + ": " + reason(e));
    }
    certs.sort(java.util.Comparator.comparing(KeyFiles::fingerprint));
    return certs;
  }

  /**
   * @return the certificate's SHA-256 fingerprint, as keytool prints it (AB:CD:...)
   */
  static String fingerprint(X509Certificate cert) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e); // SHA-256 is in every JDK
    }
  }

  private static void writeTrustStore(Path dir, String password, List<X509Certificate> certs)
      throws IOException, GeneralSecurityException {
    writeTrustStoreTo(dir.resolve(ClusterKeys.TRUST_STORE), password, certs);
  }

  private static void writeTrustStoreTo(Path file, String password, List<X509Certificate> certs)
      throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (X509Certificate c : certs) {
      trust.setCertificateEntry("dpcsim-" + fingerprint(c).replace(":", "").substring(0, 16), c);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      trust.store(out, password.toCharArray());
    }
  }

  private static String pem(X509Certificate cert) throws GeneralSecurityException {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** Parses a PEM certificate, for tests and for reading another folder's. */
  static X509Certificate parsePem(String pem) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static void keytool(String... args) throws IOException {
    Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    if (!Files.isExecutable(tool)) {
      throw new IOException("this Java has no keytool at " + tool);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(tool.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("keytool did not finish within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while keytool ran");
    }
    if (p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out.strip().replace('\n', ' '));
    }
  }

  /** Moves the made files into {@code target}: renames the folder, or fills an empty one. */
  private static void moveInto(Path work, Path target) throws IOException {
    if (!Files.exists(target)) {
      try {
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (AtomicMoveNotSupportedException e) {
        Files.createDirectories(target);
      }
    }
    // An existing, empty folder (a mounted volume): the password last, so a reader that finds it
    // finds the stores too.
    for (String f :
        List.of(
            ClusterKeys.KEY_STORE,
            ClusterKeys.TRUST_STORE,
            ClusterKeys.CERTIFICATE,
            ClusterKeys.PASSWORD)) {
      Files.move(work.resolve(f), target.resolve(f), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void restrict(Path p, String perms) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // A leftover temporary folder holds no usable key: the password and stores move together.
    }
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
