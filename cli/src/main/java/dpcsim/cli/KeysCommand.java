package dpcsim.cli;

import dpcsim.actors.ClusterKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dpcsim keys}: makes, shows and rotates a cluster's keys (docs/security.md). */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description =
        "Makes and rotates a cluster's keys: members holding them speak TLS with mutual"
            + " authentication and admit no one else.",
    subcommands = {KeysCommand.Init.class, KeysCommand.Show.class, KeysCommand.Trust.class})
final class KeysCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code dpcsim keys init DIR}: a new cluster key. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description =
          "Writes a new cluster key into DIR: cluster.p12 (the private key: secret),"
              + " cluster.crt, trust.p12 and password. Copy DIR to every member.")
  static final class Init implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder to write")
    Path dir;

    @Option(
        names = "--if-absent",
        description = "keeps the keys DIR already holds, if any (exit 0), instead of refusing")
    boolean ifAbsent;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (Files.exists(dir.resolve(ClusterKeys.KEY_STORE))
          || Files.exists(dir.resolve(ClusterKeys.PASSWORD))) {
        if (ifAbsent) {
          ClusterKeys k = ClusterKeys.load(dir, "keys init " + dir);
          out.println("kept the cluster keys in " + dir);
          out.println(
              "  key certificate SHA-256 " + KeyFiles.fingerprint(KeyFiles.ownCertificate(k)));
          out.flush();
          return 0;
        }
        throw new UserError(
            "keys init "
                + dir
                + ": the folder already holds cluster keys; remove it to make new ones (or"
                + " rotate: docs/security.md)");
      }
      X509Certificate cert = KeyFiles.init(dir);
      out.println("wrote new cluster keys to " + dir);
      out.println("  key certificate SHA-256 " + KeyFiles.fingerprint(cert));
      out.println(
          "  valid until "
              + cert.getNotAfter().toInstant().toString().substring(0, 10)
              + "; cluster.p12 and password are secret (readable by this user only)");
      out.println(
          "give every member a copy: dpcsim coordinator|node|run|status --keys "
              + dir
              + " (or DPCSIM_KEYS="
              + dir
              + ")");
      out.flush();
      return 0;
    }
  }

  /** {@code dpcsim keys show DIR}: the key and what it trusts. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows the folder's key certificate and the certificates it trusts.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a keys folder")
    Path dir;

    @Override
    public Integer call() {
      ClusterKeys k = ClusterKeys.load(dir, "keys show " + dir);
      PrintWriter out = spec.commandLine().getOut();
      X509Certificate own = KeyFiles.ownCertificate(k);
      out.println("key      " + describe(own));
      for (X509Certificate c : KeyFiles.trusted(k)) {
        out.println("trusts   " + describe(c) + (c.equals(own) ? " (its own)" : ""));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code dpcsim keys trust DIR [OTHER...]}: a step of a rolling rotation. */
  @Command(
      name = "trust",
      mixinStandardHelpOptions = true,
      description =
          "Makes DIR's trust store trust exactly DIR's own certificate and those of the OTHER"
              + " keys folders: the steps of a rolling key rotation (docs/security.md).")
  static final class Trust implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the keys folder to change")
    Path dir;

    @Parameters(
        index = "1..*",
        paramLabel = "OTHER",
        description = "keys folders whose certificates DIR trusts too (none: only its own)")
    List<Path> others = new ArrayList<>();

    @Override
    public Integer call() {
      ClusterKeys k = ClusterKeys.load(dir, "keys trust " + dir);
      List<ClusterKeys> o = new ArrayList<>();
      for (Path p : others) {
        o.add(ClusterKeys.load(p, "keys trust " + dir + " " + p));
      }
      PrintWriter out = spec.commandLine().getOut();
      X509Certificate own = KeyFiles.ownCertificate(k);
      for (X509Certificate c : KeyFiles.trust(k, o)) {
        out.println(dir + " trusts " + describe(c) + (c.equals(own) ? " (its own)" : ""));
      }
      out.println("restart the members that use " + dir + " (one at a time) to apply it");
      out.flush();
      return 0;
    }
  }

  private static String describe(X509Certificate c) {
    String cn = c.getSubjectX500Principal().getName().replaceFirst("^CN=([^,]*).*$", "$1");
    return "SHA-256 "
        + KeyFiles.fingerprint(c)
        + "  "
        + cn
        + ", until "
        + c.getNotAfter().toInstant().toString().substring(0, 10);
  }
}
