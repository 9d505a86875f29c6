package dpcsim.breakpoint;

import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches trace events for the first one that hits an armed breakpoint. Arm it before running and
 * read {@link #hit()} after each event (or after each instant, on the actor engine's driver).
 */
public final class BreakWatch implements TraceConsumer {
  private List<Breakpoint> armed = List.of();
  private TraceEvent hit;
  private int index = -1;

  /** Starts watching for {@code breakpoints} (numbered by their position) and forgets old hits. */
  public void arm(List<Breakpoint> breakpoints) {
    armed = List.copyOf(breakpoints);
    hit = null;
    index = -1;
  }

  /**
   * Arms the breakpoints spelled {@code specs} (already checked: unknown spellings are skipped).
   */
  public void armSpecs(List<String> specs) {
    List<Breakpoint> bps = new ArrayList<>();
    for (String s : specs) {
      Breakpoint.parse(s).ifPresent(bps::add);
    }
    arm(bps);
  }

  /**
   * @return true if at least one breakpoint is armed
   */
  public boolean armed() {
    return !armed.isEmpty();
  }

  @Override
  public void accept(TraceEvent e) {
    see(e);
  }

  /** Decodes events only while a breakpoint is armed and none has hit: otherwise nothing to do. */
  @Override
  public void accept(TraceBuffer events, int from, int to) {
    for (int i = from; i < to && hit == null && !armed.isEmpty(); i++) {
      see(events.event(i));
    }
  }

  /** Stops watching. */
  public void disarm() {
    armed = List.of();
  }

  /** Looks at one event; only the first hit counts. */
  public void see(TraceEvent e) {
    if (hit != null) {
      return;
    }
    for (int i = 0; i < armed.size(); i++) {
      if (armed.get(i).matches(e)) {
        hit = e;
        index = i;
        return;
      }
    }
  }

  /**
   * @return the event that hit, or null
   */
  public TraceEvent hit() {
    return hit;
  }

  /**
   * @return the breakpoint the hit matched, or null
   */
  public Breakpoint hitBreakpoint() {
    return hit == null ? null : armed.get(index);
  }

  /**
   * @return the stop for the hit: after the hit's instant, on the hit's processor
   */
  public Stop stopFor(boolean ended) {
    return new Stop(hit.t() + 1, armed.get(index), describe(hit), hit.cpu(), ended);
  }

  /**
   * @return the event as one short line, e.g. {@code DpcStart netRx on cpu 1 at 101us}
   */
  public static String describe(TraceEvent e) {
    String what = e.ev();
    if (e instanceof TraceEvent.DpcStart s) {
      what = "DpcStart " + s.dpc();
    } else if (e instanceof TraceEvent.IpiSend s) {
      what = "IpiSend " + s.cpu() + " -> " + s.to() + " (" + s.kind() + ")";
    } else if (e instanceof TraceEvent.Watchdog w) {
      what = "Watchdog 0x" + Integer.toHexString(w.code()) + " (p1 " + w.p1() + ")";
    }
    return what + " on cpu " + e.cpu() + " at " + TimeText.of(e.t());
  }
}
