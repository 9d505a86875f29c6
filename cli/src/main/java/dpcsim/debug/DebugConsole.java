package dpcsim.debug;

import dpcsim.scenario.ScenarioText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Feeds a {@link DebugSession} lines: from a script (each line echoed after the prompt, so the
 * output reads like a WinDbg log) or from a terminal through a JLine line editor with history. The
 * end of input counts as {@code q}.
 */
public final class DebugConsole {
  private DebugConsole() {}

  /** Runs the commands of {@code in}, echoing each after the prompt, until {@code q} or the end. */
  public static void script(DebugSession session, BufferedReader in, PrintWriter out)
      throws IOException {
    String line;
    while (!session.quit() && (line = in.readLine()) != null) {
      out.println(session.prompt() + ScenarioText.escape(line));
      print(out, session.execute(line));
    }
    if (!session.quit()) {
      out.println(session.prompt() + "q"); // the end of the script quits, visibly
      print(out, session.execute("q"));
    }
    out.flush();
  }

  /**
   * Reads commands from the terminal with line editing and history until {@code q} or Ctrl-D.
   * Ctrl-C at the prompt drops the line; while a command runs, it calls {@code onInterrupt}.
   */
  public static void interactive(DebugSession session, PrintWriter out, Runnable onInterrupt)
      throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      // The terminal takes SIGINT from whoever had it; the reader takes it back while it reads.
      terminal.handle(Terminal.Signal.INT, s -> onInterrupt.run());
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("dpcsim").build();
      while (!session.quit()) {
        String line;
        try {
          line = reader.readLine(session.prompt());
        } catch (UserInterruptException e) {
          continue; // Ctrl-C drops the line, as in a shell
        } catch (EndOfFileException e) {
          line = "q";
        }
        print(out, session.execute(line));
      }
    }
  }

  /** Lines name KDPCs and devices from the scenario: escaped, so each stays one line of text. */
  public static void print(PrintWriter out, List<String> lines) {
    for (String l : lines) {
      out.println(ScenarioText.escape(l));
    }
    out.flush();
  }
}
