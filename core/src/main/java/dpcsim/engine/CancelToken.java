package dpcsim.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request, from any thread, to stop a run before its end (Ctrl-C, a wall-time limit). The
 * sequential engine looks at it before every event; the actor engine hears of it and asks the
 * coordinator to end the run. Either way the run ends with {@link RunCancelled} and no result. One
 * token may serve several runs in turn (compare, bench): once cancelled, every later run stops
 * before it starts.
 */
public final class CancelToken {
  /** A token nobody can cancel. */
  public static final CancelToken NEVER = new CancelToken();

  /** What {@link #onCancel} returns: closing it drops the action. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private final List<Runnable> actions = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;

  /** Cancels the run, running every registered action on the calling thread. */
  public void cancel() {
    if (this == NEVER) {
      throw new UnsupportedOperationException("CancelToken.NEVER cannot be cancelled");
    }
    cancelled = true;
    actions.forEach(Runnable::run);
  }

  /**
   * @return whether {@link #cancel} was called
   */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code action} once when the token is cancelled (at once if it already is).
   *
   * @return a registration to close when the run is over
   */
  public Registration onCancel(Runnable action) {
    // cancel() may run between the add and the check below: the action must still run once.
    AtomicBoolean ran = new AtomicBoolean();
    Runnable once =
        () -> {
          if (ran.compareAndSet(false, true)) {
            action.run();
          }
        };
    actions.add(once);
    if (cancelled) {
      once.run();
    }
    return () -> actions.remove(once);
  }
}
