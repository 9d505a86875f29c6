package dpcsim.cli;

import dpcsim.kernel.Profile;
import dpcsim.kernel.Profiles;
import dpcsim.kernel.layout.Arch;
import dpcsim.kernel.layout.DtRenderer;
import dpcsim.kernel.layout.KdpcFamily;
import dpcsim.kernel.layout.KdpcLayout;
import dpcsim.kernel.layout.NtVersion;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dpcsim layout}: the KDPC layout of a kernel version ({@code --nt}) or of a profile's
 * kernel ({@code --profile}), as {@code dt _KDPC} shows it, with the Type codes it uses
 * . The layouts are Chappell's (see {@link KdpcFamily}); a version without an x64 build has no
 * x64 layout, and asking for one is a one-line error.
 */
@Command(
    name = "layout",
    mixinStandardHelpOptions = true,
    description =
        "Prints the KDPC layout of a kernel version or of a profile's kernel as WinDbg's"
            + " 'dt nt!_KDPC' does (R-7); --list shows the versions.")
final class LayoutCommand implements Callable<Integer> {
  private static final String DEFAULT_PROFILE = "ws03";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--nt",
      paramLabel = "VERSION",
      description = "a kernel version, 3.10 to 10.0, as --list names them")
  String nt;

  @Option(
      names = "--profile",
      description = "ws03, win10, reactos or textbook (default: ws03 unless --nt is given)")
  String profile;

  @Option(
      names = "--arch",
      description = "x86 or x64 (default: x64 where the kernel had an x64 build, else x86)")
  String arch;

  @Option(
      names = "--list",
      description = "lists the versions --nt takes, their layout family and Type codes")
  boolean list;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      if (nt != null || profile != null || arch != null) {
        throw new UserError("--list takes no --nt, --profile or --arch");
      }
      VersionTable.print(out);
      return 0;
    }
    if (nt != null && profile != null) {
      throw new UserError("--nt and --profile: give one kernel, not both");
    }
    if (nt != null) {
      showVersion(out, version(nt));
    } else {
      showProfile(out, profile(profile == null ? DEFAULT_PROFILE : profile));
    }
    return 0;
  }

  private void showVersion(PrintWriter out, NtVersion v) {
    String who = "NT " + v.cliName() + " (" + v.windows() + ")";
    KdpcLayout layout = KdpcLayout.of(v.family(), arch(v.family(), who));
    String threaded =
        v.threadedDpcObjectType().isPresent()
            ? String.format(
                Locale.ROOT, ", 0x%02x ThreadedDpcObject", v.threadedDpcObjectType().getAsInt())
            : "; no ThreadedDpcObject: threaded DPCs start with 5.2";
    print(
        out,
        layout,
        who,
        String.format(
            Locale.ROOT,
            "Type: 0x%02x DpcObject%s (R-3; Chappell, KOBJECTS)",
            v.dpcObjectType(),
            threaded));
  }

  private void showProfile(PrintWriter out, Profile p) {
    KdpcFamily family = p.kdpcLayout();
    Arch a = arch(family, "profile " + p.name() + " (NT " + family.versions() + ")");
    print(
        out,
        KdpcLayout.of(family, a),
        "profile " + p.name() + " (" + p.source() + ")",
        String.format(
            Locale.ROOT,
            "Type: 0x%02x DpcObject, 0x%02x ThreadedDpcObject (R-3); KeSetTargetProcessorDpc"
                + " stores Number = n + 0x%x (R-6)",
            p.dpcObjectType(),
            p.threadedDpcObjectType(),
            a == Arch.X86 ? p.targetBiasX86() : p.targetBiasX64()));
  }

  private static void print(PrintWriter out, KdpcLayout layout, String who, String typeLine) {
    out.println("0: kd> dt nt!_KDPC");
    for (String line : DtRenderer.render(layout)) {
      out.println(line);
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "%s, NT %s layout, %s: 0x%x bytes%n",
        who,
        layout.family().versions(),
        layout.arch().cliName(),
        layout.size());
    out.println(typeLine);
  }

  /** {@code --arch}, or the family's preferred one; an architecture it was not built for is bad. */
  private Arch arch(KdpcFamily family, String who) {
    if (arch == null) {
      return family.preferredArch();
    }
    Arch a = Arch.fromCli(arch);
    if (a == null) {
      throw new UserError("--arch: unknown architecture '" + arch + "' (expected x86 or x64)");
    }
    if (!family.hasBuild(a)) {
      throw new UserError(
          "--arch "
              + arch
              + ": "
              + who
              + " has no "
              + arch
              + " build; x64 builds start with "
              + KdpcFamily.firstX64().versions()
              + " (Chappell, KDPC)");
    }
    return a;
  }

  private static NtVersion version(String name) {
    return NtVersion.fromCli(name)
        .orElseThrow(
            () ->
                new UserError(
                    "--nt: unknown version '"
                        + name
                        + "' (expected "
                        + versionNames()
                        + "; see --list)"));
  }

  private static Profile profile(String name) {
    try {
      return Profiles.byName(name);
    } catch (IllegalArgumentException e) {
      throw new UserError("--profile: " + e.getMessage());
    }
  }

  private static String versionNames() {
    return Stream.of(NtVersion.values()).map(NtVersion::cliName).collect(Collectors.joining(", "));
  }
}
