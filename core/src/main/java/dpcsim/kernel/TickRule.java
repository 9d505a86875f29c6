package dpcsim.kernel;

/**
 * How the clock tick updates DpcRequestRate (R-24 legacy halving, R-28 modern decay). The rate and
 * the insert count are ULONGs (R-10a): the sum is taken modulo 2^32 before the shift.
 */
public enum TickRule {
  /** {@code rate = (rate + (DpcCount - DpcLastCount)) >> 1}. */
  LEGACY {
    @Override
    public long nextRate(long rate, long newInserts, long ticksElapsed) {
      return Ulong.of(rate + newInserts) >> 1;
    }
  },
  /** {@code rate = (rate + newInserts) >> ticksElapsed}. */
  DECAY {
    @Override
    public long nextRate(long rate, long newInserts, long ticksElapsed) {
      long shift = Math.min(63, Math.max(1, ticksElapsed));
      return Ulong.of(rate + newInserts) >> shift;
    }
  };

  /**
   * @param rate DpcRequestRate before the tick, 0..0xFFFFFFFF
   * @param newInserts normal-list inserts since the last tick (DpcCount - DpcLastCount, mod 2^32)
   * @param ticksElapsed clock ticks since the rate was last updated (1 when every tick is seen)
   * @return DpcRequestRate after the tick, 0..0xFFFFFFFF
   */
  public abstract long nextRate(long rate, long newInserts, long ticksElapsed);
}
