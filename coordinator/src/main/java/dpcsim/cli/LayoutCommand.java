package dpcsim.cli;

import dpcsim.kernel.Profile;
import dpcsim.kernel.Profiles;
import dpcsim.kernel.layout.Arch;
import dpcsim.kernel.layout.DtRenderer;
import dpcsim.kernel.layout.KdpcLayout;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dpcsim layout}: the KDPC layout of a profile's kernel, as {@code dt _KDPC} shows it. */
@Command(
    name = "layout",
    mixinStandardHelpOptions = true,
    description =
        "Prints the KDPC layout of a profile's kernel as WinDbg's 'dt nt!_KDPC' does (R-7).")
final class LayoutCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--profile",
      defaultValue = "ws03",
      description = "ws03, win10, reactos or textbook (default: ${DEFAULT-VALUE})")
  String profile;

  @Option(
      names = "--arch",
      defaultValue = "x64",
      description = "x86 or x64 (default: ${DEFAULT-VALUE})")
  String arch;

  @Override
  public Integer call() {
    Profile p;
    try {
      p = Profiles.byName(profile);
    } catch (IllegalArgumentException e) {
      throw new UserError("--profile: " + e.getMessage());
    }
    Arch a = Arch.fromCli(arch);
    if (a == null) {
      throw new UserError("--arch: unknown architecture '" + arch + "' (expected x86 or x64)");
    }
    KdpcLayout layout = KdpcLayout.of(p.kdpcLayout(), a);
    PrintWriter out = spec.commandLine().getOut();
    out.println("0: kd> dt nt!_KDPC");
    for (String line : DtRenderer.render(layout)) {
      out.println(line);
    }
    out.println();
    out.printf(
        "profile %s (%s), NT %s layout, %s: 0x%x bytes%n",
        p.name(), p.source(), p.kdpcLayout().versions(), a.cliName(), layout.size());
    out.printf(
        "Type: 0x%x DpcObject, 0x%x ThreadedDpcObject (R-3); KeSetTargetProcessorDpc stores"
            + " Number = n + 0x%x (R-6)%n",
        p.dpcObjectType(),
        p.threadedDpcObjectType(),
        a == Arch.X86 ? p.targetBiasX86() : p.targetBiasX64());
    layout.note().ifPresent(n -> out.println("note: " + n));
    return 0;
  }
}
