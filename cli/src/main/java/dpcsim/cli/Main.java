package dpcsim.cli;

import dpcsim.engine.RunFailure;
import dpcsim.scenario.ScenarioText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dpcsim} command line. Exit status: 0 ok, 1 internal error, 2 bad input (or a run
 * stopped by {@code --max-wall}), 3 a cluster node lost, 130 SIGINT, 143 SIGTERM (see {@link
 * RunStop}).
 */
@Command(
    name = "dpcsim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Simulates Windows-style DPC and IPI handling on a multiprocessor.",
    subcommands = {
      RunCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      ValidateCommand.class,
      LayoutCommand.class,
      DebugCommand.class,
      BenchCommand.class,
      CoordinatorNodeCommand.class,
      NodeCommand.class,
      StatusCommand.class,
      KeysCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Exit status for bad input. */
  public static final int USER_ERROR = 2;

  /** Exit status for an internal error. */
  public static final int INTERNAL_ERROR = 1;

  /** Where {@code run --trace -} writes the trace's bytes: standard output. */
  private final OutputStream stdoutBytes;

  private Main(OutputStream stdoutBytes) {
    this.stdoutBytes = stdoutBytes;
  }

  /**
   * @return the byte stream behind standard output, for output that must reach it byte for byte
   */
  OutputStream stdoutBytes() {
    return stdoutBytes;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    RunCommand.exitsAfterRun = true;
    System.exit(
        execute(
            args,
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            System.out));
  }

  /**
   * Runs the command line with the given streams, for tests.
   *
   * @return the exit status
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    // The trace of 'run --trace -' is UTF-8 bytes: decoded into 'out' so the caller sees it there.
    return execute(args, out, err, new WriterOutputStream(out));
  }

  /**
   * Runs the command line; {@code stdoutBytes} is the byte stream behind {@code out}, or a bridge
   * into it.
   */
  static int execute(String[] args, PrintWriter out, PrintWriter err, OutputStream stdoutBytes) {
    CommandLine cl = new CommandLine(new Main(stdoutBytes));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          // Messages quote scenario text and paths: escaped, so they stay one line each.
          if (ex instanceof UserError) {
            err.println("dpcsim: " + ScenarioText.escape(ex.getMessage()));
            err.flush();
            return USER_ERROR;
          }
          if (ex instanceof RunFailure f) {
            err.println("dpcsim: " + ScenarioText.escape(f.getMessage()));
            err.flush();
            return f.exitStatus();
          }
          err.println("dpcsim: internal error: " + ScenarioText.escape(ex.toString()));
          if (System.getenv("DPCSIM_DEBUG") != null) {
            for (Throwable t = ex; t != null; t = t.getCause()) {
              err.println((t == ex ? "" : "caused by: ") + t);
              for (StackTraceElement el : t.getStackTrace()) {
                err.println("\tat " + el);
              }
            }
          } else {
            err.println("dpcsim: set DPCSIM_DEBUG=1 to see the stack trace");
          }
          err.flush();
          return INTERNAL_ERROR;
        });
    cl.setParameterExceptionHandler(
        (ex, args2) -> {
          err.println("dpcsim: " + ScenarioText.escape(ex.getMessage()));
          String name = commandName(ex.getCommandLine());
          err.println("dpcsim: see 'dpcsim " + (name.isEmpty() ? "" : name + " ") + "--help'");
          err.flush();
          return USER_ERROR;
        });
    int status = cl.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  private static String commandName(CommandLine cl) {
    String name = cl.getCommandSpec().qualifiedName();
    return name.startsWith("dpcsim ") ? name.substring("dpcsim ".length()) : "";
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/dpcsim-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // No version file: report unknown rather than fail --version.
      }
      return new String[] {
        "dpcsim " + p.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")"
      };
    }
  }
}
