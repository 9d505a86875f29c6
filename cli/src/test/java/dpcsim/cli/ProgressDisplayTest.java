package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  /** A clock the test moves by hand. */
  private long now = 5_000_000_000L;

  /** What the display drew (a fresh test instance, so a fresh writer, per test). */
  private final StringWriter text = new StringWriter();

  private ProgressDisplay display(long durationNs) {
    return new ProgressDisplay(new PrintWriter(text), durationNs, () -> now);
  }

  private static TraceEvent eventAt(long t) {
    return new TraceEvent.DpcEnd(t, 0, "d");
  }

  private void feed(ProgressDisplay p, int n, long t) {
    for (int i = 0; i < n; i++) {
      p.accept(eventAt(t));
    }
  }

  @Test
  void silentDuringTheFirstSecond() {
    ProgressDisplay p = display(1_000_000_000L);
    now += 900_000_000L;
    feed(p, 5000, 500_000_000L);
    p.finish(1_000_000_000L);
    assertEquals("", text.toString(), "a run under a second draws nothing and clears nothing");
  }

  @Test
  void drawsSimulatedTimeAndRateAfterASecondThenClears() {
    ProgressDisplay p = display(2_000_000_000L);
    now += 2_000_000_000L;
    feed(p, 4096, 500_000_000L);
    String drawn = text.toString();
    assertTrue(drawn.startsWith("\r 25% [#######"), drawn);
    assertTrue(drawn.contains("500ms of 2.00s"), drawn);
    // 1024 events when the clock was first read, 2 s after the start.
    assertTrue(drawn.contains("| 512 events/s"), drawn);
    int width = drawn.length() - 1;
    p.finish(2_000_000_000L);
    String all = text.toString();
    assertTrue(all.endsWith("\r" + " ".repeat(width) + "\r"), "the bar is erased at the end");
  }

  @Test
  void aBatchOfColumnsDrawsAsTheSameEventsOneByOne() {
    ProgressDisplay p = display(2_000_000_000L);
    now += 2_000_000_000L;
    TraceBuffer batch = new TraceBuffer(new TraceNames(List.of("d"), List.of()), 4096);
    for (int i = 0; i < 4096; i++) {
      batch.add(eventAt(500_000_000L));
    }
    p.accept(batch, 0, batch.size());
    String drawn = text.toString();
    assertTrue(drawn.startsWith("\r 25% [#######"), drawn);
    assertTrue(drawn.contains("| 512 events/s"), drawn);
  }

  @Test
  void redrawsAtMostEveryRefreshInterval() {
    ProgressDisplay p = display(1_000_000_000L);
    now += 1_500_000_000L;
    feed(p, 1024 * 10, 100_000_000L);
    long draws = text.toString().chars().filter(c -> c == '\r').count();
    assertEquals(1, draws, "the clock did not move: one draw");
    now += ProgressDisplay.REFRESH_NS;
    feed(p, 1024, 200_000_000L);
    assertEquals(2, text.toString().chars().filter(c -> c == '\r').count());
  }

  @Test
  void lineFormat() {
    assertEquals(
        "100% [##############################] 3.00s of 3.00s | 1.25M events/s",
        ProgressDisplay.line(3_000_000_000L, 3_000_000_000L, 1_250_000, 1_000_000_000L));
    assertEquals(
        "  0% [                              ] 0ns of 10.0ms | 0 events/s",
        ProgressDisplay.line(0, 10_000_000L, 0, 0));
  }
}
