package dpcsim.kernel;

/**
 * What the engine's look-ahead ({@code dpcsim.lookahead}) may read of a processor: where it stands,
 * the work under way on it and what its own random streams will draw next. Nothing here can change
 * the processor: the streams are copies.
 */
public interface ProcessorView {
  /**
   * @return the processor's number
   */
  int cpu();

  /**
   * @return the simulated time of the last event processed
   */
  long now();

  /**
   * @return the time of the next pending event, or {@link Long#MAX_VALUE}
   */
  long nextEventTime();

  /**
   * @return the ISR under way, or null
   */
  RunningWork isr();

  /**
   * @return the normal DPC routine under way (at DISPATCH_LEVEL), or null
   */
  RunningWork dpcRoutine();

  /**
   * @return the threaded routine under way on the DPC thread, or null
   */
  RunningWork threadedRoutine();

  /**
   * @return the next uniform draw of the work stream (the duration of the next routine or ISR that
   *     starts draws it)
   */
  double nextWorkDraw();

  /**
   * @return a copy of the work stream, to look further ahead in its draws
   */
  RandomStream workDraws();

  /**
   * @return a copy of the stream that random-target inserts draw their targets from
   */
  RandomStream retargetDraws();

  /**
   * Lists what may start new work here from the next event on: queued KDPCs, interrupts waiting for
   * the IRQL, the devices' next arrivals, messages that reached the processor, script actions.
   * Reads only; nothing changes.
   */
  void visitStarts(StartVisitor visitor);
}
