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
   * @return the colour of queue depth {@code depth} (at least 1) on a scale up to {@code max}: pale
   *     yellow to dark red
   */
  static String depth(int depth, int max) {
    double f = max <= 1 ? 1.0 : (depth - 1) / (double) (max - 1);
    return mix(0xffd43b, 0xc92a2a, f);
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
