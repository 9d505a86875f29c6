package dpcsim.cli;

import dpcsim.report.Units;
import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on a terminal's standard error: simulated time reached (of the duration)
 * and trace events per second of wall time. It reads the ordered trace as any other observer does,
 * so it works the same on every engine, and it only ever writes to the terminal: the wall clock it
 * reads never reaches a result. Nothing is drawn during the first second, so short runs stay
 * silent. A run that is stopped erases the bar from its own thread ({@link #erase}) while the
 * trace's thread may be drawing: the two take turns, and nothing is drawn after the erase.
 */
final class ProgressDisplay implements TraceConsumer {
  /** Runs shorter than this (wall time) never show a bar. */
  static final long DELAY_NS = 1_000_000_000L;

  /** Redraws at most this often. */
  static final long REFRESH_NS = 200_000_000L;

  private static final int BAR_WIDTH = 30;

  /** Reading the clock on every event would cost more than the event: every 1024 events. */
  private static final int CLOCK_MASK = 1023;

  private final PrintWriter err;
  private final long durationNs;
  private final LongSupplier clock;
  private final long startNs;
  private long nextDrawNs;
  private long events;
  private long simulatedNs;
  private int drawnWidth;
  private boolean erased;

  ProgressDisplay(PrintWriter err, long durationNs, LongSupplier clock) {
    this.err = err;
    this.durationNs = durationNs;
    this.clock = clock;
    this.startNs = clock.getAsLong();
    this.nextDrawNs = startNs + DELAY_NS;
  }

  /**
   * @return whether standard error is a terminal: the {@code ./dpcsim} launcher tells (it can test
   *     stderr itself); without it, whether the JVM has a console at all
   */
  static boolean stderrIsTerminal() {
    String told = System.getProperty("dpcsim.stderr.tty");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    return System.console() != null;
  }

  @Override
  public void accept(TraceEvent event) {
    at(event.t());
  }

  /** Reads only the times: a progress bar needs no event object. */
  @Override
  public void accept(TraceBuffer batch, int from, int to) {
    for (int i = from; i < to; i++) {
      at(batch.t(i));
    }
  }

  /** One more event, at simulated time {@code t}: redraws when it is time to. */
  private void at(long t) {
    simulatedNs = t;
    if ((++events & CLOCK_MASK) == 0) {
      long now = clock.getAsLong();
      if (now >= nextDrawNs) {
        draw(now);
        nextDrawNs = now + REFRESH_NS;
      }
    }
  }

  /** Clears the bar, so the summary that follows starts on a clean line. */
  @Override
  public void finish(long simulatedNs) {
    erase();
  }

  /** Clears the bar for good, so a line that follows starts on a clean line; callable any time. */
  synchronized void erase() {
    erased = true;
    if (drawnWidth > 0) {
      err.print('\r' + " ".repeat(drawnWidth) + '\r');
      err.flush();
      drawnWidth = 0;
    }
  }

  private synchronized void draw(long now) {
    if (erased) {
      return;
    }
    String line = line(simulatedNs, durationNs, events, now - startNs);
    err.print('\r' + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = line.length();
  }

  /** The bar's text: {@code " 45% [############# ] 1.35s of 3.00s | 1.2M events/s"}. */
  static String line(long simulatedNs, long durationNs, long events, long wallNs) {
    long permille = durationNs <= 0 ? 1000 : Math.min(1000, simulatedNs * 1000 / durationNs);
    int filled = (int) (permille * BAR_WIDTH / 1000);
    long rate = wallNs <= 0 ? 0 : (long) (events * 1e9 / wallNs);
    return String.format(
        Locale.ROOT,
        "%3d%% [%s%s] %s of %s | %s events/s",
        permille / 10,
        "#".repeat(filled),
        " ".repeat(BAR_WIDTH - filled),
        Units.duration(simulatedNs),
        Units.duration(durationNs),
        Units.count(rate));
  }
}
