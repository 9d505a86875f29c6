package dpcsim.actors;

import dpcsim.wire.DebugControl;
import java.util.function.Consumer;

/**
 * How an actor-engine run pauses for the debugger: where first ({@code control}, null: never) and
 * whom to tell of each pause (called on an actor thread: hand it over, do not block).
 *
 * @param control the first pause's time and breakpoints, or null for a run that never pauses
 * @param onPause told of every pause
 */
public record Pauses(DebugControl control, Consumer<PausedRun> onPause) {
  /** A run that never pauses. */
  public static final Pauses NEVER = new Pauses(null, p -> {});
}
