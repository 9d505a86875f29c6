package dpcsim.scenario;

import java.util.List;

/** What a DeferredRoutine or an ISR does when called: how long it runs and its steps. */
public record Work(Dist duration, List<Step> then) {
  public Work {
    then = List.copyOf(then);
  }
}
