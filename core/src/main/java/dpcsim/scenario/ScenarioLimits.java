package dpcsim.scenario;

/**
 * The bounds that keep a scenario's cost finite: a scenario can be valid and still never finish (a
 * 1 ns clock tick on 2048 processors, a year of simulated time, a rate of 10^400 per second), and a
 * huge file must not take minutes to reject. Every check that enforces one of these names it in its
 * message.
 */
public final class ScenarioLimits {
  private ScenarioLimits() {}

  /**
   * The most characters (Unicode code points) a scenario may have: SnakeYAML's own default limit,
   * which it only checks between tokens, so the loader checks the whole text first.
   */
  public static final int MAX_CHARS = 3 * 1024 * 1024;

  /**
   * A file larger than this many bytes has more than {@link #MAX_CHARS} characters (UTF-8 takes at
   * most 4 bytes per character), so it is refused without being read.
   */
  public static final long MAX_FILE_BYTES = 4L * MAX_CHARS;

  /**
   * The longest duration anywhere in a scenario, and the longest run: one day of simulated time.
   */
  public static final long MAX_DURATION_NS = 86_400L * 1_000_000_000L;

  /** The highest rate a scenario may give (a device's {@code poisson}): 10^9 per second. */
  public static final long MAX_RATE_PER_SECOND = 1_000_000_000L;

  /** How many characters of a value an error message quotes at most. */
  public static final int QUOTED_CHARS = 80;

  /**
   * The default most simulation events a command lets a scenario produce ({@link EventEstimate});
   * {@code --max-events} raises it.
   */
  public static final long DEFAULT_MAX_EVENTS = 2_000_000_000L;
}
