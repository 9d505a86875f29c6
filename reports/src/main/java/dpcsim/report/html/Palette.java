package dpcsim.report.html;

/**
 * The report's colours: one per kind of processor time, two sequential scales, and one per series
 * (profile) of a comparison.
 */
final class Palette {
  static final String DPC = "#e8590c";
  static final String ISR = "#862e9c";
  static final String OTHER = "#74c0fc";
  static final String IDLE = "#dee2e6";
  static final String EMPTY = "#f1f3f5";
  static final String INK = "#212529";

  /** One colour per compared profile, in column order. */
  private static final String[] SERIES = {
    "#1c7ed6", "#f08c00", "#2f9e44", "#ae3ec9", "#e03131", "#0c8599"
  };

  private Palette() {}

  /**
   * @return the colour of the {@code i}-th series (from 0; they repeat after six)
   */
  static String series(int i) {
    return SERIES[i % SERIES.length];
  }

  /**
   * Queue depths 1 to 4 have a colour each, whatever the run's largest depth: on a scale of only
   * one or two levels, shades of one ramp were too close to tell apart (issue 21).
   */
  private static final String[] DEPTH_LEVELS = {"#fcc419", "#f76707", "#c92a2a", "#5f1e3c"};

  /** The largest depth drawn in {@link #DEPTH_LEVELS}' own colours; deeper runs get a ramp. */
  static final int DEPTH_LEVEL_MAX = DEPTH_LEVELS.length;

  /**
   * @return the colour of queue depth {@code depth} (at least 1) on a scale up to {@code max}: one
   *     colour per level up to {@link #DEPTH_LEVEL_MAX}, else yellow to dark red
   */
  static String depth(int depth, int max) {
    if (max <= DEPTH_LEVEL_MAX) {
      return DEPTH_LEVELS[Math.max(1, Math.min(depth, DEPTH_LEVEL_MAX)) - 1];
    }
    double f = (depth - 1) / (double) (max - 1);
    return mix(0xffd43b, 0xc92a2a, f);
  }

  /**
   * @return the colour of latency class {@code c} of {@code classes} ({@link LatencyScale}): yellow
   *     through red to dark plum, longer is darker
   */
  static String latency(int c, int classes) {
    double f = classes <= 1 ? 0.5 : c / (double) (classes - 1);
    return f <= 0.5 ? mix(0xffe066, 0xf03e3e, f * 2) : mix(0xf03e3e, 0x5f0f40, f * 2 - 1);
  }

  /**
   * @return the colour of {@code count} IPIs (at least 1) on a logarithmic scale up to {@code max}:
   *     pale to dark blue
   */
  static String ipis(long count, long max) {
    double f = max <= 1 ? 1.0 : Math.log(count) / Math.log(max);
    return mix(0xa5d8ff, 0x1864ab, f);
  }

  /**
   * @return true when text on {@code fill} from {@link #ipis} should be white
   */
  static boolean dark(long count, long max) {
    return max <= 1 || Math.log(count) / Math.log(max) > 0.45;
  }

  /**
   * @return {@code hex} ({@code #rrggbb}) a third of the way to black
   */
  static String darker(String hex) {
    return mix(Integer.parseInt(hex.substring(1), 16), 0x000000, 1 / 3.0);
  }

  private static String mix(int from, int to, double f) {
    double g = Math.max(0, Math.min(1, f));
    int r = channel(from >> 16, to >> 16, g);
    int gr = channel(from >> 8, to >> 8, g);
    int b = channel(from, to, g);
    return "#" + Integer.toHexString(0x1000000 | r << 16 | gr << 8 | b).substring(1);
  }

  private static int channel(int from, int to, double f) {
    int a = from & 0xff;
    int b = to & 0xff;
    return (int) Math.round(a + (b - a) * f);
  }
}
