package dpcsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An estimate, made before running, of the simulation events a scenario will produce, by what
 * produces them, so that a command can refuse a scenario that would run for hours (a 1 ns clock
 * tick on 64 processors, a self-inserting 1 ns routine for a day) and name the cause. It is a pure
 * function of the scenario, not a simulation: on the examples and generated workloads it comes to 1
 * to 2.2 times the events the engines process. The parts:
 *
 * <ul>
 *   <li>clock ticks: {@code processors x floor(duration / tick)};
 *   <li>thread load: per processor with a load strictly between 0 and 1, two toggles (busy, idle)
 *       per {@code load.period}, three with {@code idle.haltAfter} (the halt timer);
 *   <li>device interrupts: per device, its interrupts ({@code rate x duration}, {@code duration /
 *       period}, or {@code duration / every x count}) times the processors in its affinity (each
 *       draws every arrival to find its own) plus the ISR's end, {@code after} steps and inserts;
 *   <li>DPC routines: per KDPC, its routine's runs ({@link DpcRuns}) times one event for the
 *       routine's end, one per {@code after} step and one per insert;
 *   <li>the script: one event per action, two for {@code runThread} (its end).
 * </ul>
 *
 * @param parts what produces events, in the order above, each with its estimate
 */
public record EventEstimate(List<Part> parts) {

  /**
   * One contributor.
   *
   * @param what what produces the events ({@code clock ticks}, {@code DPC routines}, ...)
   * @param events the estimated number of events
   * @param how the estimate's arithmetic ({@code 64 processors x 100s / 1ns}), naming the device or
   *     KDPC that produces the most
   */
  public record Part(String what, double events, String how) {}

  public EventEstimate {
    parts = List.copyOf(parts);
  }

  /**
   * @return the estimate for {@code s}, with its duration as given (after {@code --duration})
   */
  public static EventEstimate of(Scenario s) {
    List<Part> parts = new ArrayList<>();
    double duration = s.durationNs();
    String d = Durations.format(s.durationNs());
    parts.add(
        new Part(
            "clock ticks",
            (double) s.processors() * Math.floor(duration / s.tickNs()),
            of(s.processors(), "processor") + " x " + d + " / " + Durations.format(s.tickNs())));
    parts.add(load(s));
    double[] interrupts = new double[s.devices().size()];
    double[] deviceEvents = new double[interrupts.length];
    String[] deviceHow = new String[interrupts.length];
    for (int i = 0; i < interrupts.length; i++) {
      DeviceDef dev = s.devices().get(i);
      interrupts[i] = interrupts(dev.interrupts(), duration);
      double each = new HashSet<>(dev.cpus()).size() + eventsPerRun(dev.isr());
      deviceEvents[i] = interrupts[i] * each;
      deviceHow[i] = of(interrupts[i], "interrupt") + " x " + of(each, "event");
    }
    parts.add(
        group(
            "device interrupts", "device", s.devices(), DeviceDef::name, deviceEvents, deviceHow));
    double[] runs = DpcRuns.of(s, interrupts);
    double[] dpcEvents = new double[runs.length];
    String[] dpcHow = new String[runs.length];
    for (int i = 0; i < runs.length; i++) {
      double each = eventsPerRun(s.dpcs().get(i).routine());
      dpcEvents[i] = runs[i] * each;
      dpcHow[i] = of(runs[i], "run") + " x " + of(each, "event");
    }
    parts.add(group("DPC routines", "KDPC", s.dpcs(), DpcDef::name, dpcEvents, dpcHow));
    double script = 0;
    for (ScriptAction a : s.script()) {
      script += a.op() instanceof Op.RunThread ? 2 : 1;
    }
    parts.add(new Part("script", script, of(s.script().size(), "action")));
    return new EventEstimate(parts);
  }

  /**
   * @return the sum of the parts
   */
  public double total() {
    double sum = 0;
    for (Part p : parts) {
      sum += p.events();
    }
    return sum;
  }

  /**
   * @return the parts from the largest down, without those that produce nothing
   */
  public List<Part> largestFirst() {
    List<Part> out = new ArrayList<>();
    for (Part p : parts) {
      if (p.events() > 0) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingDouble(Part::events).reversed());
    return out;
  }

  /**
   * @return {@code n} for a reader: whole below a million ({@code 40000}), else three significant
   *     digits ({@code 6.4e12})
   */
  public static String count(double n) {
    if (n < 1e6) {
      return Long.toString(Math.round(n));
    }
    String[] parts = String.format(Locale.ROOT, "%.2e", n).split("e");
    String mantissa = parts[0].replaceAll("\\.?0+$", "");
    return mantissa + "e" + Integer.parseInt(parts[1]);
  }

  /** One part for many devices or KDPCs, naming the one that produces the most. */
  private static <T> Part group(
      String what,
      String kind,
      List<T> members,
      Function<T, String> name,
      double[] events,
      String[] how) {
    double sum = 0;
    int most = -1;
    for (int i = 0; i < events.length; i++) {
      sum += events[i];
      if (most < 0 || events[i] > events[most]) {
        most = i;
      }
    }
    if (most < 0) {
      return new Part(what, 0, "no " + kind + "s");
    }
    String top = ScenarioText.bare(name.apply(members.get(most))) + ": " + how[most];
    return new Part(
        what,
        sum,
        members.size() == 1
            ? kind + " " + top
            : members.size() + " " + kind + "s; the most, " + top);
  }

  /** {@code 1 run}, {@code 40000 runs}, {@code 6.4e12 runs}. */
  private static String of(double n, String unit) {
    String shown = count(n);
    return shown + " " + unit + (shown.equals("1") ? "" : "s");
  }

  private static Part load(Scenario s) {
    Load load = s.load();
    int busyAndIdle = 0;
    for (int cpu = 0; cpu < s.processors(); cpu++) {
      double f = load.fraction(cpu);
      if (f > 0 && f < 1) {
        busyAndIdle++;
      }
    }
    int perPeriod = s.haltAfterNs() == null ? 2 : 3;
    double periods = (double) s.durationNs() / load.periodNs();
    return new Part(
        "thread load",
        busyAndIdle * periods * perPeriod,
        of(busyAndIdle, "loaded processor")
            + " x "
            + Durations.format(s.durationNs())
            + " / "
            + Durations.format(load.periodNs())
            + " x "
            + of(perPeriod, "toggle"));
  }

  private static double interrupts(Interrupts source, double durationNs) {
    if (source instanceof Interrupts.Poisson p) {
      return p.perSecond() * durationNs / 1e9;
    }
    if (source instanceof Interrupts.Periodic p) {
      return Math.floor(durationNs / p.periodNs());
    }
    if (source instanceof Interrupts.Times t) {
      return t.countUpTo((long) Math.min(Long.MAX_VALUE, durationNs));
    }
    Interrupts.Burst b = (Interrupts.Burst) source;
    return Math.floor(durationNs / b.everyNs()) * b.count();
  }

  /** The end of the routine or ISR, its {@code after} steps and its inserts. */
  private static double eventsPerRun(Work work) {
    double events = 1;
    for (Step step : work.then()) {
      if (step.afterNs() != null) {
        events++;
      }
      if (step.op() instanceof Op.Insert) {
        events++;
      }
    }
    return events;
  }
}
