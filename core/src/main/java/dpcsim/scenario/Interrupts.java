package dpcsim.scenario;

/** How a device raises interrupts. */
public sealed interface Interrupts {
  /** Exponential gaps with the given rate; the first interrupt comes one gap after 0. */
  record Poisson(double perSecond) implements Interrupts {}

  /** Every {@code periodNs}, first at one period. */
  record Periodic(long periodNs) implements Interrupts {}

  /** Every {@code everyNs} (first at one period), {@code count} interrupts {@code gapNs} apart. */
  record Burst(long everyNs, int count, long gapNs) implements Interrupts {}
}
