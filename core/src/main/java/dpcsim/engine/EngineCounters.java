package dpcsim.engine;

/**
 * How an engine moved the work of a run around, for {@code dpcsim bench}: never part of a result's
 * figures, which do not depend on the engine.
 *
 * @param windows conservative windows run (0 for the sequential engine, which has none: it takes
 *     one event at a time in global order)
 * @param sharedSteps shared-KDPC events run one at a time between windows (0 for sequential)
 * @param crossCpuMessages cross-processor messages (remote inserts, IPIs) delivered to another
 *     processor
 * @param actorMessages messages between actors that the coordinator's run driver sent or received:
 *     window and shared-step commands, the nodes' reports, trace batches to the client and their
 *     acknowledgements (cross-processor messages travel inside commands and reports); 0 for the
 *     engines without actors
 */
public record EngineCounters(
    long windows, long sharedSteps, long crossCpuMessages, long actorMessages) {

  /**
   * @return the messages that cross between the engine's parts: actor messages for the actor
   *     engines, cross-processor deliveries for the others
   */
  public long messages() {
    return actorMessages > 0 ? actorMessages : crossCpuMessages;
  }
}
