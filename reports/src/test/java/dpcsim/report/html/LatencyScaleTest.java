package dpcsim.report.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The latency chart's shared log scale and the depth chart's legend. */
class LatencyScaleTest {
  /** A row with one latency per slice (its p99), none where {@code NONE}. */
  private static SliceLatency of(long... p99s) {
    SliceLatency l = new SliceLatency(1, p99s.length, 1_000_000_000L);
    for (int b = 0; b < p99s.length; b++) {
      if (p99s[b] != SliceLatency.NONE) {
        l.add(0, b, p99s[b]);
      }
    }
    return l;
  }

  @Test
  @DisplayName("two decades or less: 1-2-5 edges, each space a colour class with a legend name")
  void fineEdges() {
    LatencyScale s = LatencyScale.of(of(77_700, SliceLatency.NONE, 0, 438_000));
    assertAll(
        () ->
            assertEquals(
                List.of(10_000L, 20_000L, 50_000L, 100_000L, 200_000L, 500_000L, 1_000_000L),
                s.edges()),
        () -> assertEquals(6, s.classes()),
        () -> assertEquals("<20us", s.classLabel(0)),
        () -> assertEquals("50-100us", s.classLabel(2)),
        () -> assertEquals("500us-1ms", s.classLabel(5)),
        () -> assertEquals(0, s.classOf(0), "0 ns is in the first class"),
        () -> assertEquals(2, s.classOf(77_700)),
        () -> assertEquals(5, s.classOf(1_000_000), "the top edge is in the last class"),
        () -> assertEquals(0.0, s.fraction(0)),
        () -> assertEquals(0.5, s.fraction(100_000), 1e-9),
        () -> assertEquals(1.0, s.fraction(1_000_000), 1e-9));
  }

  @Test
  @DisplayName("more decades: whole decades; never below 100 ns; no DPC: 100 ns to 1 us")
  void decades() {
    LatencyScale wide = LatencyScale.of(of(3, 15_600_000));
    LatencyScale none = LatencyScale.of(of(SliceLatency.NONE));
    assertAll(
        () ->
            assertEquals(
                List.of(100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L),
                wide.edges()),
        () -> assertEquals("10-100ms", wide.classLabel(5)),
        () -> assertEquals("1-10us", wide.classLabel(1)),
        () -> assertEquals(List.of(100L, 200L, 500L, 1_000L), none.edges()),
        () -> assertEquals("2.5us", LatencyScale.label(2_500)),
        () -> assertEquals("1s", LatencyScale.label(1_000_000_000L)));
    // Neighbouring classes always differ in colour.
    for (int c = 1; c < wide.classes(); c++) {
      assertNotEquals(
          Palette.latency(c - 1, wide.classes()), Palette.latency(c, wide.classes()), "class " + c);
    }
  }

  @Test
  @DisplayName("queue depth: a colour and legend swatch per level up to 4, else five ramp steps")
  void depthLegend() {
    List<String> small = DepthChart.legend(2).stream().map(Legend.Item::label).toList();
    List<String> large = DepthChart.legend(9).stream().map(Legend.Item::label).toList();
    assertAll(
        () -> assertEquals(List.of("0 (empty)", "1", "2"), small),
        () -> assertEquals(List.of("0 (empty)", "1", "3", "5", "7", "9"), large),
        () ->
            assertEquals(
                List.of("0 (empty)", "1"),
                DepthChart.legend(1).stream().map(Legend.Item::label).toList()),
        () -> assertEquals(Palette.depth(1, 1), Palette.depth(1, 4), "a level keeps its colour"));
    for (int level = 2; level <= Palette.DEPTH_LEVEL_MAX; level++) {
      assertNotEquals(Palette.depth(level - 1, 4), Palette.depth(level, 4), "level " + level);
    }
    assertEquals(Palette.EMPTY, DepthChart.legend(2).get(0).fill());
  }
}
