package dpcsim.cli;

import dpcsim.scenario.EventEstimate;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioLimits;
import dpcsim.scenario.ScenarioText;
import picocli.CommandLine.Option;

/**
 * {@code --max-events N}: the most simulation events a command lets a scenario produce, checked
 * against the scenario's {@link EventEstimate} before anything runs, so that a valid scenario that
 * would run for hours (a 1 ns tick, a day of a 1e9/s device) is refused at once with its cause (a
 * picocli mixin: {@code @Mixin EventBudget budget}).
 */
final class EventBudget {
  @Option(
      names = "--max-events",
      paramLabel = "N",
      description =
          "refuses a scenario estimated to produce more than N simulation events (default:"
              + " 2000000000; dpcsim validate prints the estimate)")
  long maxEvents = ScenarioLimits.DEFAULT_MAX_EVENTS;

  /**
   * @return the scenario's estimate, which is within the budget
   * @throws UserError naming the largest part and {@code --max-events} if it is not, or if the
   *     budget is not positive
   */
  EventEstimate check(Scenario scenario) {
    if (maxEvents < 1) {
      throw new UserError("--max-events must be at least 1, not " + maxEvents);
    }
    EventEstimate estimate = EventEstimate.of(scenario);
    if (estimate.total() <= maxEvents) {
      return estimate;
    }
    EventEstimate.Part top = estimate.largestFirst().get(0);
    throw new UserError(
        ScenarioText.escape(scenario.source())
            + ": the scenario would produce about "
            + EventEstimate.count(estimate.total())
            + " simulation events, more than the budget of "
            + maxEvents
            + "; most from "
            + top.what()
            + " ("
            + top.how()
            + "); shorten it or raise the budget with --max-events N");
  }

  /**
   * @return the estimate as one line: the total, the budget and the largest parts
   */
  String describe(EventEstimate estimate) {
    StringBuilder line =
        new StringBuilder("about ")
            .append(EventEstimate.count(estimate.total()))
            .append(" simulation events (budget ")
            .append(maxEvents)
            .append(")");
    String sep = ": ";
    for (EventEstimate.Part p : estimate.largestFirst()) {
      line.append(sep)
          .append(p.what())
          .append(' ')
          .append(EventEstimate.count(p.events()))
          .append(" (")
          .append(p.how())
          .append(')');
      sep = ", ";
    }
    return line.toString();
  }
}
