package dpcsim.kernel;

/** How the clock tick updates DpcRequestRate (R-24 legacy halving, R-28 modern decay). */
public enum TickRule {
  /** {@code rate = (rate + (DpcCount - DpcLastCount)) >> 1}. */
  LEGACY {
    @Override
    public int nextRate(int rate, long newInserts, long ticksElapsed) {
      return (int) ((rate + newInserts) >> 1);
    }
  },
  /** {@code rate = (rate + newInserts) >> ticksElapsed}. */
  DECAY {
    @Override
    public int nextRate(int rate, long newInserts, long ticksElapsed) {
      long shift = Math.min(63, Math.max(1, ticksElapsed));
      return (int) ((rate + newInserts) >> shift);
    }
  };

  /**
   * @param rate DpcRequestRate before the tick
   * @param newInserts normal-list inserts since the last tick (DpcCount - DpcLastCount)
   * @param ticksElapsed clock ticks since the rate was last updated (1 when every tick is seen)
   * @return DpcRequestRate after the tick
   */
  public abstract int nextRate(int rate, long newInserts, long ticksElapsed);
}
