package dpcsim.scenario;

/**
 * The DPC watchdog limits of R-29, in clock ticks; null fields take the profile defaults. {@code
 * stop} ends the run at the first violation.
 */
public record WatchdogSpec(Long single, Long cumulative, boolean stop) {}
