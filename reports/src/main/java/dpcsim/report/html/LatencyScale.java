package dpcsim.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The latency-over-time chart's scale, shared by all its lanes so they compare at a glance: log
 * scaled between round edges (1-2-5 steps over one or two decades, whole decades over more), from
 * the decade at or below the smallest positive p99 (never below {@link #FLOOR_NS}: a p99 under 100
 * ns is a DPC run at once) to the decade at or above the largest. The spaces between edges are the
 * heat map's colour classes; a p99 below the first edge (0 ns included) is in the first class and
 * on the lanes' bottom line.
 *
 * @param edges ascending, at least two
 */
record LatencyScale(List<Long> edges) {
  /** The lowest first edge. */
  static final long FLOOR_NS = 100;

  /**
   * @return the scale for {@code l}'s p99s (100 ns to 1 µs when no DPC started)
   */
  static LatencyScale of(SliceLatency l) {
    long lo = Long.MAX_VALUE;
    long hi = 0;
    for (int r = 0; r < l.rows(); r++) {
      for (int b = 0; b < l.slices(); b++) {
        long v = l.p99(r, b);
        if (v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    long from = hi == 0 ? FLOOR_NS : Math.max(FLOOR_NS, decadeAtOrBelow(lo));
    long to = Math.max(from * 10, decadeAtOrAbove(hi));
    List<Long> edges = new ArrayList<>();
    boolean fine = to / from <= 100;
    for (long decade = from; decade < to; decade *= 10) {
      edges.add(decade);
      if (fine) {
        edges.add(decade * 2);
        edges.add(decade * 5);
      }
    }
    edges.add(to);
    return new LatencyScale(List.copyOf(edges));
  }

  private static long decadeAtOrBelow(long ns) {
    long d = 1;
    while (d * 10 <= ns) {
      d *= 10;
    }
    return d;
  }

  private static long decadeAtOrAbove(long ns) {
    long d = 1;
    while (d < ns) {
      d *= 10;
    }
    return d;
  }

  /**
   * @return where {@code ns} lies between the first (0) and the last edge (1), on a log scale;
   *     clamped to [0, 1]
   */
  double fraction(long ns) {
    double lo = Math.log(edges.get(0));
    double hi = Math.log(edges.get(edges.size() - 1));
    return ns <= edges.get(0) ? 0 : Math.min(1, (Math.log(ns) - lo) / (hi - lo));
  }

  /**
   * @return the number of colour classes (the spaces between edges)
   */
  int classes() {
    return edges.size() - 1;
  }

  /**
   * @return the class of {@code ns}: the space between edges that holds it (below the first edge:
   *     0; at or above the last: the last class)
   */
  int classOf(long ns) {
    int c = 0;
    while (c + 1 < classes() && ns >= edges.get(c + 1)) {
      c++;
    }
    return c;
  }

  /**
   * @return the legend's name of class {@code c}, e.g. {@code <2us}, {@code 10-100us}, {@code
   *     100us-1ms}
   */
  String classLabel(int c) {
    String to = label(edges.get(c + 1));
    if (c == 0) {
      return "<" + to;
    }
    String from = label(edges.get(c));
    String unit = unit(edges.get(c + 1));
    // One unit for both ends when they share it: 10-100us rather than 10us-100us.
    return unit(edges.get(c)).equals(unit)
        ? from.substring(0, from.length() - unit.length()) + "-" + to
        : from + "-" + to;
  }

  /**
   * @return a round edge as a short label: {@code 500ns}, {@code 2us}, {@code 10ms}, {@code 1s}
   */
  static String label(long ns) {
    String unit = unit(ns);
    long per =
        switch (unit) {
          case "s" -> 1_000_000_000L;
          case "ms" -> 1_000_000L;
          case "us" -> 1_000L;
          default -> 1L;
        };
    return ns % per == 0 ? ns / per + unit : Html.fixed(ns / (double) per, 1) + unit;
  }

  private static String unit(long ns) {
    return ns >= 1_000_000_000L ? "s" : ns >= 1_000_000L ? "ms" : ns >= 1_000L ? "us" : "ns";
  }
}
