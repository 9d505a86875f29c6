package dpcsim.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Catches one POSIX signal (INT, TERM) until closed, then gives it back to whoever had it. The only
 * user of {@code sun.misc.Signal} (in {@code jdk.unsupported}, exported, but javac warns on every
 * use and offers no way to silence it): the JDK has no other way to tell SIGINT from SIGTERM, or to
 * keep the JVM up after one. A signal the process was started with ignored (nohup, a background
 * job) stays ignored.
 */
final class SignalTrap implements AutoCloseable {
  private final Signal signal;
  private final SignalHandler previous;

  /**
   * @param name the signal without its {@code SIG}, e.g. {@code INT}
   * @param onSignal runs on a thread of the JVM's for each delivery
   */
  SignalTrap(String name, Runnable onSignal) {
    this.signal = new Signal(name);
    this.previous = Signal.handle(signal, s -> onSignal.run());
  }

  @Override
  public void close() {
    Signal.handle(signal, previous);
  }
}
