package dpcsim.breakpoint;

import dpcsim.trace.TraceEvent;
import java.util.Optional;

/**
 * A breakpoint on an event kind: {@code ipi} (an IPI is sent), {@code watchdog} (a DPC watchdog
 * violation, R-29) or {@code dpc:NAME} (the named KDPC's routine is called, R-19/R-32). A hit stops
 * the run at the end of the instant of the matching trace event, so the state shown includes every
 * event at that time, on every engine alike.
 */
public sealed interface Breakpoint {
  /**
   * @return true if {@code e} hits this breakpoint
   */
  boolean matches(TraceEvent e);

  /**
   * @return the spelling {@code bp} and {@code --break-on} take
   */
  String spec();

  /** An IPI is sent. */
  record OnIpi() implements Breakpoint {
    @Override
    public boolean matches(TraceEvent e) {
      return e instanceof TraceEvent.IpiSend;
    }

    @Override
    public String spec() {
      return "ipi";
    }
  }

  /** A DPC watchdog violation is recorded. */
  record OnWatchdog() implements Breakpoint {
    @Override
    public boolean matches(TraceEvent e) {
      return e instanceof TraceEvent.Watchdog;
    }

    @Override
    public String spec() {
      return "watchdog";
    }
  }

  /** The routine of KDPC {@code name} is called. */
  record OnDpc(String name) implements Breakpoint {
    @Override
    public boolean matches(TraceEvent e) {
      return e instanceof TraceEvent.DpcStart s && s.dpc().equals(name);
    }

    @Override
    public String spec() {
      return "dpc:" + name;
    }
  }

  /**
   * Reads a breakpoint spelling.
   *
   * @return the breakpoint, or empty if {@code text} is none of {@code ipi}, {@code watchdog},
   *     {@code dpc:NAME} (the caller checks that NAME exists)
   */
  static Optional<Breakpoint> parse(String text) {
    if (text.equals("ipi")) {
      return Optional.of(new OnIpi());
    }
    if (text.equals("watchdog")) {
      return Optional.of(new OnWatchdog());
    }
    if (text.startsWith("dpc:") && text.length() > 4) {
      return Optional.of(new OnDpc(text.substring(4)));
    }
    return Optional.empty();
  }
}
