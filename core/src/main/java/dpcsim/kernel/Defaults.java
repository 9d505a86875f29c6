package dpcsim.kernel;

/** The R-10 global defaults a profile starts from. */
public record Defaults(
    long maximumDpcQueueDepth, long minimumDpcRate, long adjustDpcThreshold, long idealDpcRate) {
  /** The values every profile documents: 4, 3, 20, 20. */
  public static final Defaults STANDARD = new Defaults(4, 3, 20, 20);
}
