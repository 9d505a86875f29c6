package dpcsim.cli;

import dpcsim.imports.ImportException;
import dpcsim.imports.WpaCsvParser;
import dpcsim.imports.WpaEvents;
import dpcsim.imports.WpaScenario;
import dpcsim.imports.XperfData;
import dpcsim.imports.XperfParser;
import dpcsim.imports.XperfScenario;
import dpcsim.kernel.Profiles;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import dpcsim.scenario.ScenarioText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dpcsim import FORMAT FILE}: a scenario from what a real machine measured. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Writes a scenario from a real machine's measurements, to run, edit and --set: the"
            + " the text report of xperf -a dpcisr, or a WPA CSV export of the DPC/ISR table.",
    subcommands = {ImportCommand.Xperf.class, ImportCommand.Wpa.class})
final class ImportCommand implements Runnable {
  /** The largest report read: xperf's reports of hours-long traces are a few megabytes. */
  static final long MAX_REPORT_BYTES = 64L * 1024 * 1024;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads a report's text, in one clear line when it cannot. */
  static String read(Path file) {
    return read(file, StandardCharsets.ISO_8859_1);
  }

  /** Reads a report's text in {@code charset}, in one clear line when it cannot. */
  static String read(Path file, java.nio.charset.Charset charset) {
    try {
      if (Files.size(file) > MAX_REPORT_BYTES) {
        throw new UserError(
            ScenarioText.escape(file.toString())
                + ": larger than "
                + MAX_REPORT_BYTES / (1024 * 1024)
                + " MiB: not a report this command reads");
      }
      // Decoding errors replaced, not thrown: a stray byte in a module name is not fatal.
      return new String(Files.readAllBytes(file), charset);
    } catch (NoSuchFileException e) {
      throw new UserError(ScenarioText.escape(file.toString()) + ": no such file");
    } catch (IOException e) {
      throw new UserError(
          ScenarioText.escape(file.toString()) + ": cannot read: " + e.getMessage());
    }
  }

  /** Where an importer's scenario goes: {@code -o FILE} (with {@code --force}) or stdout. */
  static final class Output {
    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "writes the scenario to FILE (default: standard output)")
    String file;

    @Option(names = "--force", description = "overwrites an existing -o FILE")
    boolean force;

    /** Prints the scenario, or writes it to {@code -o} as every output file is written. */
    void write(String yaml, PrintWriter out) throws IOException {
      if (file == null || file.equals("-")) {
        out.print(yaml);
        out.flush();
        return;
      }
      try (OutputFile f = OutputFile.open(Path.of(file), "-o", force)) {
        f.stream().write(yaml.getBytes(StandardCharsets.UTF_8));
        f.commit();
      }
    }
  }

  /** {@code dpcsim import xperf REPORT [-o SCENARIO]}. */
  @Command(
      name = "xperf",
      mixinStandardHelpOptions = true,
      description =
          "Reads the text report of xperf -a dpcisr (per-module DPC and ISR counts, duration"
              + " histograms, per-CPU usage, the trace's length) and writes a scenario: per"
              + " module a device and ISR and a KDPC, at the report's rates, with its durations"
              + " as histograms.")
  static final class Xperf implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT", description = "xperf's text report")
    Path file;

    @Mixin Output output;

    @Override
    public Integer call() throws IOException {
      String text = read(file);
      XperfData data;
      try {
        data = XperfParser.parse(text, file.toString());
      } catch (ImportException e) {
        throw new UserError(e.getMessage());
      }
      String yaml = XperfScenario.yaml(data, file.getFileName().toString());
      checkLoads(yaml, file);
      output.write(yaml, spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code dpcsim import wpa EXPORT.csv [-o SCENARIO]}. */
  @Command(
      name = "wpa",
      mixinStandardHelpOptions = true,
      description =
          "Reads a CSV export of WPA's DPC/ISR table (one row per call: Type, CPU, Module,"
              + " Function, Enter Time, Exit Time) and writes a scenario that replays the calls:"
              + " each ISR and DPC at its recorded instant on its processor, with the measured"
              + " durations.")
  static final class Wpa implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPORT", description = "WPA's CSV export")
    Path file;

    @Mixin Output output;

    @Override
    public Integer call() throws IOException {
      String text = read(file, StandardCharsets.UTF_8);
      WpaEvents events;
      try {
        events = WpaCsvParser.parse(text, file.toString());
      } catch (ImportException e) {
        throw new UserError(e.getMessage());
      }
      String yaml = WpaScenario.yaml(events, file.getFileName().toString());
      checkLoads(yaml, file);
      output.write(yaml, spec.commandLine().getOut());
      return 0;
    }
  }

  /** What is written must load: a file this importer misread says so here, not at run time. */
  static void checkLoads(String yaml, Path file) {
    try {
      ScenarioLoader.parse(yaml, "the imported scenario", new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      throw new UserError(
          ScenarioText.escape(file.toString())
              + ": the scenario made from it is invalid: "
              + e.getMessage());
    }
  }
}
