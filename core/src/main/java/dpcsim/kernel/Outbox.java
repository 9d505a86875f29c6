package dpcsim.kernel;

/** Where a processor puts its effects on other processors; the engine routes them. */
@FunctionalInterface
public interface Outbox {
  /** Sends one message; it must reach {@code message.to()} before its arrival time. */
  void send(CrossCpu message);
}
