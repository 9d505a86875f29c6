package dpcsim.report;

/** What one profile's run in {@code dpcsim compare} produced: figures, or a scenario fault. */
public sealed interface ProfileOutcome {
  /**
   * @return the kernel profile the scenario ran under
   */
  String profile();

  /** The run completed (perhaps stopped by the watchdog, which is a result, not a fault). */
  record Ran(ProfileFigures figures) implements ProfileOutcome {
    @Override
    public String profile() {
      return figures.profile();
    }
  }

  /**
   * The scenario faulted under this profile (exit status 2 for {@code dpcsim run}); the other
   * profiles' runs still count.
   *
   * @param message the one-line fault, naming the processor and the simulated time
   */
  record Faulted(String profile, String message) implements ProfileOutcome {}
}
