package dpcsim.debug;

import dpcsim.breakpoint.Breakpoint;
import dpcsim.breakpoint.Stop;
import dpcsim.breakpoint.TimeText;
import dpcsim.engine.RunResult;
import dpcsim.kernel.Profile;
import dpcsim.kernel.debug.KdpcSnapshot;
import dpcsim.kernel.debug.ProcessorSnapshot;
import dpcsim.kernel.layout.Arch;
import dpcsim.kernel.layout.KdpcLayout;
import dpcsim.scenario.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The debugger's command interpreter: one line in, the lines to print out. Bad input (an unknown
 * command, a processor out of range, an unknown DPC) gets one line and the session goes on.
 *
 * <p>Commands: {@code !dpcs}, {@code !irql}, {@code !ipi}, {@code !prcb} (each with an optional
 * processor, decimal), {@code dt _KDPC NAME}, {@code ~N}, {@code g [time]}, {@code p}, {@code bp
 * ipi|watchdog|dpc:NAME}, {@code bl}, {@code bc N|*}, {@code q}, {@code .help}.
 */
public final class DebugSession {
  private static final String NO_EVENTS = "The run has no events left; q completes it";

  private final DebugTarget target;
  private final Profile profile;
  private final KdpcLayout layout;
  private final TreeMap<Integer, Breakpoint> breakpoints = new TreeMap<>();
  private int nextBreakpoint;
  private int cpu;
  private boolean quit;
  private boolean ended;

  /** A session on {@code target}, whose scenario uses {@code profile}; the prompt starts on 0. */
  public DebugSession(DebugTarget target, Profile profile) {
    this.target = target;
    this.profile = profile;
    this.layout = KdpcLayout.of(profile.kdpcLayout(), profile.kdpcLayout().preferredArch());
  }

  /**
   * @return the prompt, {@code N: kd> } with N the current processor
   */
  public String prompt() {
    return cpu + ": kd> ";
  }

  /**
   * @return true after {@code q}
   */
  public boolean quit() {
    return quit;
  }

  /**
   * Adds a breakpoint as {@code bp} does.
   *
   * @return the output: nothing, or one error line
   */
  public List<String> addBreakpoint(String spec) {
    Optional<Breakpoint> bp = Breakpoint.parse(spec);
    if (bp.isEmpty()) {
      return List.of("bp: unknown event '" + spec + "' (expected ipi, watchdog or dpc:NAME)");
    }
    if (bp.get() instanceof Breakpoint.OnDpc d && target.kdpc(d.name()).isEmpty()) {
      return List.of("bp: no KDPC named '" + d.name() + "' in this scenario");
    }
    breakpoints.put(nextBreakpoint++, bp.get());
    return List.of();
  }

  /**
   * Runs to the first stop: before {@code time}, or to the first breakpoint hit.
   *
   * @return the lines describing where it stopped
   */
  public List<String> start(long time) {
    return report(target.runBefore(time, List.copyOf(breakpoints.values())));
  }

  /**
   * Executes one command line.
   *
   * @return the lines it prints
   */
  public List<String> execute(String line) {
    String[] w = line.strip().split("\\s+");
    if (w[0].isEmpty()) {
      return List.of();
    }
    String cmd = w[0];
    if (cmd.startsWith("~") && cmd.length() > 1) {
      return switchTo(cmd.substring(1));
    }
    return switch (cmd) {
      case "!dpcs" -> dpcs(w);
      case "!irql" -> withCpu(w, s -> IrqlView.render(s));
      case "!ipi" -> withCpu(w, s -> IpiView.render(s.cpu(), target.ipis().state(s.cpu())));
      case "!prcb" -> withCpu(w, PrcbView::render);
      case "dt" -> dt(w);
      case "g" -> go(w);
      case "p" -> step();
      case "bp" -> w.length == 2 ? addBreakpoint(w[1]) : List.of("usage: bp ipi|watchdog|dpc:NAME");
      case "bl" -> list();
      case "bc" -> clear(w);
      case "q" -> end();
      case ".help", "?" -> Help.LINES;
      case "~" -> List.of(". " + cpu + "  current processor (of " + target.processors() + ")");
      default ->
          List.of(
              cmd.startsWith("!")
                  ? "No export " + cmd.substring(1) + " found (type .help for the commands)"
                  : "Unknown command '" + cmd + "' (type .help for the commands)");
    };
  }

  private interface View {
    List<String> render(ProcessorSnapshot s);
  }

  private List<String> withCpu(String[] w, View view) {
    if (w.length > 2) {
      return List.of(w[0] + ": too many arguments (expected " + w[0] + " [processor])");
    }
    int n = cpu;
    if (w.length == 2) {
      Integer p = processor(w[1]);
      if (p == null) {
        return List.of(outOfRange(w[0], w[1]));
      }
      n = p;
    }
    return view.render(target.snapshot(n));
  }

  private List<String> dpcs(String[] w) {
    if (w.length > 2) {
      return List.of("!dpcs: too many arguments (expected !dpcs [processor])");
    }
    List<ProcessorSnapshot> cpus = new ArrayList<>();
    if (w.length == 2) {
      Integer p = processor(w[1]);
      if (p == null) {
        return List.of(outOfRange(w[0], w[1]));
      }
      cpus.add(target.snapshot(p));
    } else {
      for (int p = 0; p < target.processors(); p++) {
        cpus.add(target.snapshot(p));
      }
    }
    return DpcsView.render(cpus, profile.targetBias());
  }

  private List<String> dt(String[] w) {
    if (w.length != 3 || !(w[1].equals("_KDPC") || w[1].equals("nt!_KDPC"))) {
      return List.of("usage: dt _KDPC NAME (the only type here is _KDPC)");
    }
    Optional<KdpcSnapshot> k = target.kdpc(w[2]);
    if (k.isEmpty()) {
      return List.of("Symbol " + w[2] + " not found: no KDPC of that name in this scenario");
    }
    List<String> lines = new ArrayList<>(KdpcView.render(k.get(), layout));
    if (layout.arch() != Arch.X64) {
      lines.add(x86Note());
    }
    return lines;
  }

  /**
   * The model is x64, but a profile whose kernel had no x64 build (textbook: NT 3.51 to 5.1) has no
   * x64 layout to show: {@code dt} shows its x86 layout and says where the values come from.
   */
  private String x86Note() {
    return String.format(
        Locale.ROOT,
        "note: profile %s (NT %s) has no x64 build (Chappell, KDPC): its x86 layout, with the x64"
            + " model's values (addresses cut to 32 bits, Number biased by 0x%x)",
        profile.name(),
        profile.kdpcLayout().versions(),
        profile.targetBias());
  }

  private List<String> switchTo(String arg) {
    Integer p = processor(arg);
    if (p == null) {
      return List.of(outOfRange("~", arg));
    }
    cpu = p;
    return List.of();
  }

  private List<String> go(String[] w) {
    if (w.length > 2) {
      return List.of("usage: g [time], e.g. g 250us");
    }
    if (ended) {
      return List.of(NO_EVENTS);
    }
    long until = Long.MAX_VALUE;
    if (w.length == 2) {
      try {
        until = Durations.parse(w[1]);
      } catch (IllegalArgumentException e) {
        return List.of("g: " + e.getMessage());
      }
    }
    return report(target.runBefore(until, List.copyOf(breakpoints.values())));
  }

  private List<String> step() {
    if (ended) {
      return List.of(NO_EVENTS);
    }
    Stop s = target.step();
    List<String> out = new ArrayList<>();
    out.add(
        (target.engine().equals("sequential")
                ? "Stepped: one event at "
                : "Stepped: the events at ")
            + TimeText.of(s.reachedNs()));
    if (s.ended()) {
      ended = true;
      out.add(NO_EVENTS);
    }
    return out;
  }

  private List<String> report(Stop s) {
    List<String> out = new ArrayList<>();
    if (s.hit() != null) {
      out.add("Breakpoint " + number(s.hit()) + " hit: " + s.event());
      cpu = s.cpu();
    }
    out.add("Break before " + TimeText.of(s.reachedNs()));
    if (s.ended()) {
      ended = true;
      out.add(NO_EVENTS);
    }
    return out;
  }

  private List<String> list() {
    if (breakpoints.isEmpty()) {
      return List.of("No breakpoints");
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<Integer, Breakpoint> e : breakpoints.entrySet()) {
      out.add(String.format(java.util.Locale.ROOT, "%2d e %s", e.getKey(), e.getValue().spec()));
    }
    return out;
  }

  private List<String> clear(String[] w) {
    if (w.length != 2) {
      return List.of("usage: bc N|*");
    }
    if (w[1].equals("*")) {
      breakpoints.clear();
      return List.of();
    }
    try {
      if (breakpoints.remove(Integer.parseInt(w[1])) != null) {
        return List.of();
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return List.of("bc: no breakpoint " + w[1] + " (bl lists them)");
  }

  private List<String> end() {
    quit = true;
    return List.of(completed(target.finish()));
  }

  private static String completed(RunResult r) {
    return "Run complete at "
        + TimeText.of(r.simulatedNs())
        + (r.stoppedByWatchdog() ? " (stopped by the watchdog)" : "")
        + ": "
        + r.events()
        + " trace events, traceSha256 "
        + r.traceSha256();
  }

  private int number(Breakpoint bp) {
    for (Map.Entry<Integer, Breakpoint> e : breakpoints.entrySet()) {
      if (e.getValue().equals(bp)) {
        return e.getKey();
      }
    }
    return -1;
  }

  private Integer processor(String text) {
    try {
      int p = Integer.parseInt(text);
      return p >= 0 && p < target.processors() ? p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String outOfRange(String cmd, String arg) {
    return cmd
        + (cmd.equals("~") ? "" : " ")
        + arg
        + ": no processor "
        + arg
        + " (this machine has processors 0.."
        + (target.processors() - 1)
        + ")";
  }
}
