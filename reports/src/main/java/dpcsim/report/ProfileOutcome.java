package dpcsim.report;

/**
 * What one column of {@code dpcsim compare} produced: figures, or a scenario fault. A column is a
 * kernel profile, a variant ({@code --variant NAME:...}), a file, or a variant or file under a
 * profile.
 */
public sealed interface ProfileOutcome {
  /**
   * @return the kernel profile the scenario ran under
   */
  String profile();

  /**
   * @return the column's label: the profile when columns are profiles, else the variant's or file's
   *     name, with {@code /PROFILE} when several profiles are compared too
   */
  String column();

  /**
   * The run completed (perhaps stopped by the watchdog, which is a result, not a fault).
   *
   * @param column the column's label
   */
  record Ran(ProfileFigures figures, String column) implements ProfileOutcome {
    /** A column that is its profile. */
    public Ran(ProfileFigures figures) {
      this(figures, figures.profile());
    }

    @Override
    public String profile() {
      return figures.profile();
    }
  }

  /**
   * The scenario faulted in this column (exit status 2 for {@code dpcsim run}); the other columns'
   * runs still count.
   *
   * @param message the one-line fault, naming the processor and the simulated time
   * @param column the column's label
   */
  record Faulted(String profile, String message, String column) implements ProfileOutcome {
    /** A column that is its profile. */
    public Faulted(String profile, String message) {
      this(profile, message, profile);
    }
  }
}
